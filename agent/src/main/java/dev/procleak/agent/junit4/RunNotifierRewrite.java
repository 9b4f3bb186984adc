package dev.procleak.agent.junit4;

import java.util.HashSet;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Rewrites JUnit 4's {@code RunNotifier}, through which every JUnit 4 runner (Surefire's providers,
 * JUnitCore, IDEs, Vintage) reports each test, to call {@link Junit4Hook}: once a test's start has
 * been told (so that a run stopped by the user opens no scope), and before its end is; likewise for
 * a runner's start and end (a test class's), which JUnit 4.13 tells too. The calls pass the {@code
 * Description} as an {@code Object}: the hook never links to JUnit, which may live in another class
 * loader than this agent.
 */
public final class RunNotifierRewrite {
  private static final String DESCRIPTION = "(Lorg/junit/runner/Description;)V";
  private static final String HOOK = Junit4Hook.class.getName().replace('.', '/');
  private static final String HOOK_DESCRIPTOR = "(Ljava/lang/Object;)V";

  private RunNotifierRewrite() {}

  /**
   * The rewritten class file.
   *
   * @throws IllegalStateException if the class lacks {@code fireTestStarted(Description)} or {@code
   *     fireTestFinished(Description)}: a JUnit 4 procleak does not know
   */
  public static byte[] rewrite(byte[] classfile) {
    ClassReader reader = new ClassReader(classfile);
    // The reader lets unchanged methods be copied as they are; only the rewritten ones need
    // their maximum stack recomputed. Control flow is unchanged, so their frames still hold.
    ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
    Set<String> hooked = new HashSet<>();
    reader.accept(
        new ClassVisitor(Opcodes.ASM9, writer) {
          @Override
          public MethodVisitor visitMethod(
              int access, String name, String descriptor, String signature, String[] exceptions) {
            MethodVisitor method =
                super.visitMethod(access, name, descriptor, signature, exceptions);
            if (!descriptor.equals(DESCRIPTION)
                || (access & (Opcodes.ACC_STATIC | Opcodes.ACC_ABSTRACT)) != 0) {
              return method;
            }
            switch (name) {
              case "fireTestStarted":
                hooked.add(name);
                return atReturn(method, "testStarted");
              case "fireTestFinished":
                hooked.add(name);
                return atEntry(method, "testFinished");
              // JUnit 4.13 and later: each runner's start and end, its test class's among them.
              case "fireTestSuiteStarted":
                return atReturn(method, "suiteStarted");
              case "fireTestSuiteFinished":
                return atEntry(method, "suiteFinished");
              default:
                return method;
            }
          }
        },
        0);
    if (hooked.size() != 2) {
      throw new IllegalStateException(
          "RunNotifier has no fireTestStarted(Description) or fireTestFinished(Description)");
    }
    return writer.toByteArray();
  }

  private static MethodVisitor atEntry(MethodVisitor method, String hook) {
    return new MethodVisitor(Opcodes.ASM9, method) {
      @Override
      public void visitCode() {
        super.visitCode();
        callHook(mv, hook);
      }
    };
  }

  /**
   * Before every normal return: a thrown StoppedByUserException or listener failure opens nothing.
   */
  private static MethodVisitor atReturn(MethodVisitor method, String hook) {
    return new MethodVisitor(Opcodes.ASM9, method) {
      @Override
      public void visitInsn(int opcode) {
        if (opcode == Opcodes.RETURN) {
          callHook(mv, hook);
        }
        super.visitInsn(opcode);
      }
    };
  }

  private static void callHook(MethodVisitor method, String hook) {
    method.visitVarInsn(Opcodes.ALOAD, 1);
    method.visitMethodInsn(Opcodes.INVOKESTATIC, HOOK, hook, HOOK_DESCRIPTOR, false);
  }
}
