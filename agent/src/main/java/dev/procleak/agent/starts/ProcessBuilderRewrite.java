package dev.procleak.agent.starts;

import dev.procleak.agent.boot.ProcessStartBridge;
import java.util.HashSet;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Rewrites {@code java.lang.ProcessBuilder} to call {@link ProcessStartBridge} as each start begins
 * and with the process it made. The private {@code start(Redirect[])} is the one every start goes
 * through ({@code start()}, {@code startPipeline}, {@code Runtime.exec}); a JDK without it gets the
 * public {@code start()} rewritten instead.
 */
public final class ProcessBuilderRewrite {
  static final String CLASS = "java/lang/ProcessBuilder";
  private static final String BRIDGE = ProcessStartBridge.class.getName().replace('.', '/');
  private static final String EVERY_START =
      "([Ljava/lang/ProcessBuilder$Redirect;)Ljava/lang/Process;";
  private static final String PUBLIC_START = "()Ljava/lang/Process;";

  private ProcessBuilderRewrite() {}

  /**
   * The rewritten class file.
   *
   * @throws IllegalStateException when the class has neither start method procleak knows
   */
  public static byte[] rewrite(byte[] classfile) {
    ClassReader reader = new ClassReader(classfile);
    Set<String> starts = startDescriptors(reader);
    String target = starts.contains(EVERY_START) ? EVERY_START : PUBLIC_START;
    if (!starts.contains(target)) {
      throw new IllegalStateException("this JDK's ProcessBuilder has no start() procleak knows");
    }
    // The inserted calls do not branch: frames still hold, only the maximum stack grows.
    ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
    reader.accept(
        new ClassVisitor(Opcodes.ASM9, writer) {
          @Override
          public MethodVisitor visitMethod(
              int access, String name, String descriptor, String signature, String[] exceptions) {
            MethodVisitor method =
                super.visitMethod(access, name, descriptor, signature, exceptions);
            return name.equals("start") && descriptor.equals(target) ? hooked(method) : method;
          }
        },
        0);
    return writer.toByteArray();
  }

  private static MethodVisitor hooked(MethodVisitor method) {
    return new MethodVisitor(Opcodes.ASM9, method) {
      @Override
      public void visitCode() {
        super.visitCode();
        super.visitVarInsn(Opcodes.ALOAD, 0);
        super.visitMethodInsn(
            Opcodes.INVOKESTATIC, BRIDGE, "starting", "(Ljava/lang/ProcessBuilder;)V", false);
      }

      @Override
      public void visitInsn(int opcode) {
        if (opcode == Opcodes.ARETURN) {
          // process -> process, process, builder -> process, builder, process -> process
          super.visitInsn(Opcodes.DUP);
          super.visitVarInsn(Opcodes.ALOAD, 0);
          super.visitInsn(Opcodes.SWAP);
          super.visitMethodInsn(
              Opcodes.INVOKESTATIC,
              BRIDGE,
              "started",
              "(Ljava/lang/ProcessBuilder;Ljava/lang/Process;)V",
              false);
        }
        super.visitInsn(opcode);
      }
    };
  }

  /**
   * The descriptors of the class's instance methods named {@code start}, in one pass without code.
   */
  private static Set<String> startDescriptors(ClassReader reader) {
    Set<String> descriptors = new HashSet<>();
    reader.accept(
        new ClassVisitor(Opcodes.ASM9) {
          @Override
          public MethodVisitor visitMethod(
              int access, String name, String descriptor, String signature, String[] exceptions) {
            if (name.equals("start") && (access & Opcodes.ACC_STATIC) == 0) {
              descriptors.add(descriptor);
            }
            return null;
          }
        },
        ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
    return descriptors;
  }
}
