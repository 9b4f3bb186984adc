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
 * so that each leak names the code that started its tree: the class is rewritten as it loads, or
 * at once when something loaded it before the agent ran.
 */
public final class StartHooks {
  private StartHooks() {}

  public static void install(JvmSession session, Instrumentation instrumentation) {
    if (session.config().recordStarts() != RecordStarts.AUTO) {
      return; // off, or JFR's (not the agent's) to record
    }
    if (ProcessStartBridge.class.getClassLoader() != null) {
      session.cannotRecordStarts("the agent jar does not put procleak's hook on the boot class path"
          + " (Boot-Class-Path); use the one procleak:prepare writes");
      return;
    }
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
      StartRecorder recorder = new StartRecorder(session);
      ProcessStartBridge.listen(recorder::starting, recorder::started);
      instrumentation.addTransformer(new Rewriter(session), true);
      // Naming ProcessBuilder here would load it, and ASM with it, in every test JVM: most
      // load it later, rewritten as they do, or never.
      for (Class<?> loaded : instrumentation.getAllLoadedClasses()) {
        if (loaded.getName().equals("java.lang.ProcessBuilder")) {
          instrumentation.retransformClasses(loaded);
        }
      }
      session.recordingStarts();
    } catch (UnmodifiableClassException | RuntimeException | LinkageError e) {
      ProcessStartBridge.listen(null, null);
      session.cannotRecordStarts("procleak's agent could not hook ProcessBuilder: " + e);
    }
  }

  private static final class Rewriter implements ClassFileTransformer {
    private final JvmSession session;

    Rewriter(JvmSession session) {
      this.session = session;
    }

    @Override
    public byte[] transform(
        ClassLoader loader, String className, Class<?> redefined, ProtectionDomain domain, byte[] classfile) {
      if (loader != null || !ProcessBuilderRewrite.CLASS.equals(className)) {
        return null;
      }
      try {
        return ProcessBuilderRewrite.rewrite(classfile);
      } catch (RuntimeException | LinkageError e) {
        // A transformer that throws is ignored by the JVM, silently: every leak says it instead.
        session.cannotRecordStarts("procleak's agent could not rewrite ProcessBuilder: " + e);
        return null;
      }
    }
  }
}
