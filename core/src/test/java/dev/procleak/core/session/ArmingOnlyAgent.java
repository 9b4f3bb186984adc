package dev.procleak.core.session;

import java.io.IOException;
import java.lang.instrument.Instrumentation;

/**
 * The agent without its test-runner hooks, which live in procleak-agent, a module above this one:
 * enough for the cookie, which is all {@link EnvironmentCookieTest} looks at.
 */
public final class ArmingOnlyAgent {
  private ArmingOnlyAgent() {}

  public static void premain(String settingsFile, Instrumentation instrumentation)
      throws IOException {
    AgentArming.arm(settingsFile, instrumentation);
  }
}
