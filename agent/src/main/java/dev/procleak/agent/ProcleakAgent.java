package dev.procleak.agent;

import dev.procleak.agent.starts.StartHooks;
import dev.procleak.core.session.AgentArming;
import dev.procleak.core.session.JvmSession;
import java.io.IOException;
import java.lang.instrument.Instrumentation;

/**
 * The test JVM's agent of {@code procleak:prepare}: arms the JVM, hooks every process start through
 * Java (so that each leak names the code that started it), then hooks in the test runners that have
 * no listener of their own for procleak, so that each of their tests is a scope as on the JUnit
 * Platform. TestNG needs no hook here: it loads {@link
 * dev.procleak.agent.testng.ProcleakTestNgListener} from this jar's {@code META-INF/services}.
 */
public final class ProcleakAgent {
  private ProcleakAgent() {}

  public static void premain(String settingsFile, Instrumentation instrumentation)
      throws IOException {
    JvmSession session;
    if (StartHooks.canHook()) {
      session = AgentArming.armLazily(settingsFile, instrumentation);
      StartHooks.install(session, instrumentation);
    } else {
      session = AgentArming.arm(settingsFile, instrumentation);
      session.cannotRecordStarts(StartHooks.CANNOT_HOOK);
    }
    if (!session.checksEveryTest()) {
      return;
    }
    try {
      instrumentation.addTransformer(new RunnerTransformer());
    } catch (RuntimeException | LinkageError e) {
      // The JVM's own scope still checks every test, as a whole; the report says why.
      Runners.cannotHook("JUnit 4", e);
    }
  }
}
