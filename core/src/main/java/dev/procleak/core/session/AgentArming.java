package dev.procleak.core.session;

import dev.procleak.core.config.AgentSettings;
import dev.procleak.core.os.EnvironmentCookie;
import dev.procleak.core.session.JvmSession.CookieMarker;
import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Arms a test JVM that {@code procleak:prepare} started, with no test dependency: the agent's
 * argument is the file of {@link AgentSettings}: the settings, the report directory and the module
 * build's cookie, below which this JVM marks its children with a cookie of its own. The agent
 * itself ({@code procleak-agent}) calls it first, then hooks the test runners in.
 */
public final class AgentArming {
  private AgentArming() {}

  /** Starts this JVM's session, every test a scope, from the settings {@code prepare} wrote. */
  public static JvmSession arm(String settingsFile, Instrumentation instrumentation)
      throws IOException {
    return start(settingsFile, instrumentation, false);
  }

  /**
   * As {@link #arm}, for an agent that hooks every start through Java: the JVM is armed for
   * children only before its first (see {@link JvmSession#start}'s {@code lazily}).
   */
  public static JvmSession armLazily(String settingsFile, Instrumentation instrumentation)
      throws IOException {
    return start(settingsFile, instrumentation, true);
  }

  private static JvmSession start(
      String settingsFile, Instrumentation instrumentation, boolean lazily) throws IOException {
    AgentSettings settings = AgentSettings.read(Path.of(settingsFile));
    Optional<String> buildCookie = Optional.ofNullable(settings.cookie());
    CookieMarker marker =
        lazily
            ? cookie -> EnvironmentCookie.setInJdkCopy(cookie, instrumentation)
            : cookie -> EnvironmentCookie.set(cookie, instrumentation);
    return JvmSession.start(
        settings.config(), settings.reportsDirectory(), buildCookie, true, marker, lazily);
  }
}
