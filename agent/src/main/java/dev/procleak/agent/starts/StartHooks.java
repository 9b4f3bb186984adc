package dev.procleak.agent.starts;

import dev.procleak.agent.boot.ProcessStartBridge;
import dev.procleak.core.config.RecordStarts;
import dev.procleak.core.session.JvmSession;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.security.ProtectionDomain;
import java.util.Map;
import java.util.Set;

/**
 * Hooks every start through {@code ProcessBuilder} (and so {@code Runtime.exec}) of the test JVM,
 * so that each leak names the code that started its tree: the class is rewritten as it loads, or at
 * once when something loaded it before the agent ran.
 */
public final class StartHooks {
  public static final String CANNOT_HOOK =
      "the agent jar does not put procleak's hook on the boot class path"
          + " (Boot-Class-Path); use the one procleak:prepare writes";

  private StartHooks() {}

  /** Whether the JDK's classes can call the bridge: it came from the boot class path. */
  public static boolean canHook() {
    return ProcessStartBridge.class.getClassLoader() == null;
  }

  /**
   * Hooks every start, so that the JVM is armed before its first child and each child gets a cookie
   * of its own; records where each was started unless {@code procleak.recordStarts=off}. Where that
   * fails, the JVM is armed at once and every leak says why it names no start.
   */
  public static void install(JvmSession session, Instrumentation instrumentation) {
    Module ours = StartHooks.class.getModule();
    try {
      // The JDK must read the bridge's module to call it; the recorder reads a builder's field.
      instrumentation.redefineModule(
          Object.class.getModule(),
          Set.of(ProcessStartBridge.class.getModule()),
          Map.of(),
          Map.of("java.lang", Set.of(ours)),
          Set.of(),
          Map.of());
      boolean recording = session.config().recordStarts() != RecordStarts.OFF;
      StartRecorder recorder = new StartRecorder(session, recording);
      ProcessStartBridge.listen(recorder::starting, recorder::started);
      instrumentation.addTransformer(new Rewriter(session), true);
      // Naming ProcessBuilder here would load it, and ASM with it, in every test JVM: most
      // load it later, rewritten as they do, or never.
      for (Class<?> loaded : instrumentation.getAllLoadedClasses()) {
        if (loaded.getName().equals("java.lang.ProcessBuilder")) {
          instrumentation.retransformClasses(loaded);
        }
      }
      if (recording) {
        session.recordingStarts();
      }
    } catch (UnmodifiableClassException | RuntimeException | LinkageError e) {
      ProcessStartBridge.listen(null, null);
      cannotHook(session, "procleak's agent could not hook ProcessBuilder: " + e);
    }
  }

  /** Without the hook, no start is seen coming: the JVM is armed now, for whatever starts. */
  static void cannotHook(JvmSession session, String why) {
    session.armForChildren();
    session.cannotRecordStarts(why);
  }

  /** Loaded by whoever may start processes through native code: JNA, which NuProcess uses. */
  private static final String JNA_NATIVE = "com/sun/jna/Native";

  private static final class Rewriter implements ClassFileTransformer {
    private final JvmSession session;

    Rewriter(JvmSession session) {
      this.session = session;
    }

    @Override
    public byte[] transform(
        ClassLoader loader,
        String className,
        Class<?> redefined,
        ProtectionDomain domain,
        byte[] classfile) {
      if (JNA_NATIVE.equals(className)) {
        session.nativeCodeLoaded(); // no class may load here: a flag, read at the next scope
        return null;
      }
      if (loader != null || !ProcessBuilderRewrite.CLASS.equals(className)) {
        return null;
      }
      try {
        return ProcessBuilderRewrite.rewrite(classfile);
      } catch (RuntimeException | LinkageError e) {
        // A transformer that throws is ignored by the JVM, silently: every leak says it instead.
        cannotHook(session, "procleak's agent could not rewrite ProcessBuilder: " + e);
        return null;
      }
    }
  }
}
