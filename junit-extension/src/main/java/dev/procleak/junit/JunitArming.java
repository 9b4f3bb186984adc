package dev.procleak.junit;

import dev.procleak.core.config.AgentSettings;
import dev.procleak.core.config.InvalidConfigurationException;
import dev.procleak.core.config.ProcleakConfig;
import dev.procleak.core.session.JvmSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * Starts this JVM's session when no agent did. Needs the JUnit Platform only, never Jupiter: the
 * listeners call it in JVMs that run vintage, jqwik or any other engine alone.
 */
final class JunitArming {
  private JunitArming() {}

  static JvmSession start(ProcleakConfig config) {
    Path reports = Path.of(System.getProperty(AgentSettings.REPORTS_DIRECTORY, "target/procleak"));
    return JvmSession.start(config, reports, false);
  }

  /**
   * Arms this JVM as tests begin to execute, not when a launcher session opens: Surefire opens one
   * in Maven's own JVM only to discover the test classes, and an IDE does the same.
   */
  static void startForExecution() {
    if (JvmSession.current().isPresent()) {
      return;
    }
    try {
      start(jvmConfig());
    } catch (InvalidConfigurationException e) {
      // Every checked test reports the bad setting itself, with its own configuration.
    }
  }

  /**
   * The settings where no Jupiter context exists: junit-platform.properties and system properties.
   */
  private static ProcleakConfig jvmConfig() {
    Properties file = new Properties();
    try (InputStream in =
        Thread.currentThread()
            .getContextClassLoader()
            .getResourceAsStream("junit-platform.properties")) {
      if (in != null) {
        file.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("procleak could not read junit-platform.properties", e);
    }
    return ProcleakConfig.from(
        key -> Optional.ofNullable(System.getProperty(key, file.getProperty(key))));
  }
}
