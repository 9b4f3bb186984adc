package dev.procleak.agent;

import dev.procleak.core.session.JvmSession;
import dev.procleak.core.session.TestRuns;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** What the runner hooks share: when they act, and how they say they could not. */
public final class Runners {
  private static final Set<String> SAID = ConcurrentHashMap.newKeySet();

  private Runners() {}

  /**
   * This JVM's runs, where {@code runner}'s tests are to be scopes (see {@link
   * TestRuns#checksEveryTestOf}); else null.
   */
  public static TestRuns scoping(String runner) {
    JvmSession session = JvmSession.current().orElse(null);
    return session != null && session.runs().checksEveryTestOf(runner) ? session.runs() : null;
  }

  /** This JVM's runs, when a test or class runs; else null, cheaply. */
  public static TestRuns running() {
    JvmSession session = JvmSession.current().orElse(null);
    return session == null || session.runs().isEmpty() ? null : session.runs();
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
                    s.runs()
                        .unscoped(
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
