package dev.procleak.core.agent;

import dev.procleak.core.config.ProcleakConfig;
import dev.procleak.core.os.EnvironmentCookie;
import dev.procleak.core.session.JvmSession;
import java.io.IOException;
import java.io.Reader;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * Arms a test JVM that {@code procleak:prepare} started, with no test dependency: the agent's
 * argument is a properties file with the settings, the report directory and the module build's
 * cookie, below which this JVM marks its children with a cookie of its own.
 */
public final class ProcleakAgent {
  public static final String COOKIE = "procleak.cookie";

  private ProcleakAgent() {}

  public static void premain(String settingsFile, Instrumentation instrumentation) throws IOException {
    Properties settings = new Properties();
    try (Reader reader = Files.newBufferedReader(Path.of(settingsFile))) {
      settings.load(reader);
    }
    ProcleakConfig config = ProcleakConfig.from(key -> Optional.ofNullable(settings.getProperty(key)));
    JvmSession.start(
        config,
        Path.of(settings.getProperty(JvmSession.REPORTS_DIRECTORY)),
        Optional.ofNullable(settings.getProperty(COOKIE)),
        true,
        cookie -> EnvironmentCookie.set(cookie, instrumentation));
  }
}
