package dev.procleak.agent;

import dev.procleak.core.session.JvmSession;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** What the runner hooks share: when they act, and how they say they could not. */
public final class Runners {
  private static final Set<String> SAID = ConcurrentHashMap.newKeySet();

  private Runners() {}

  /**
   * The session that {@code runner}'s tests are scopes of, if any: only when the build armed this
   * JVM to check every test, and no other runner does it already (the JUnit Platform runs JUnit 4
   * tests through Vintage, and TestNG's through its engine, with its own listener). The first call
   * that returns the session tells it which runner scopes.
   */
  public static Optional<JvmSession> scoping(String runner) {
    Optional<JvmSession> current = JvmSession.current();
    if (current.isEmpty()) {
      return current;
    }
    JvmSession session = current.get();
    if (!session.checksEveryTest()
        || (!runner.equals(JvmSession.JUNIT_PLATFORM)
            && session.isScopedBy(JvmSession.JUNIT_PLATFORM))) {
      return Optional.empty();
    }
    session.scopedBy(runner);
    return current;
  }

  /** Tests each want to see the first time it is said. */
  static void forgetWhatWasSaid() {
    SAID.clear();
  }

  /**
   * Says once per runner, on standard error and in the JVM's report, that its tests are checked
   * only as part of the whole JVM; never throws, since it runs inside the runner or class loading.
   */
  public static void cannotHook(String runner, Throwable cause) {
    try {
      if (SAID.add(runner)) {
        System.err.println(
            "procleak: cannot check "
                + runner
                + " tests one by one ("
                + cause
                + "); only the whole test JVM is checked");
        JvmSession.current()
            .ifPresent(
                s ->
                    s.unscoped(
                        runner
                            + ": procleak's hook failed ("
                            + cause
                            + "); please report it; leaks are named after the whole test JVM"));
      }
    } catch (Throwable ignored) {
      // Nothing left to tell it with; the test run must go on.
    }
  }
}
