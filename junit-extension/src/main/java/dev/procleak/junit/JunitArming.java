package dev.procleak.junit;

import dev.procleak.core.config.AgentSettings;
import dev.procleak.core.config.InvalidConfigurationException;
import dev.procleak.core.config.LeftoverAction;
import dev.procleak.core.config.ProcleakConfig;
import dev.procleak.core.session.JvmSession;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Starts this JVM's session when no agent did. Needs the JUnit Platform only, never Jupiter: the
 * listeners call it in JVMs that run vintage, jqwik or any other engine alone.
 */
final class JunitArming {
  private JunitArming() {}

  private static final AtomicBoolean LOOKED_FOR_LEFTOVERS = new AtomicBoolean();

  static JvmSession start(ProcleakConfig config) {
    Path reports = Path.of(System.getProperty(AgentSettings.REPORTS_DIRECTORY, "target/procleak"));
    JvmSession session = JvmSession.start(config, reports, false);
    if (session.isItsOwnBuild() && LOOKED_FOR_LEFTOVERS.compareAndSet(false, true)) {
      LeftoverAction action;
      try {
        action = setting(LeftoverAction.KEY).map(LeftoverAction::parse).orElse(LeftoverAction.WARN);
      } catch (InvalidConfigurationException e) {
        System.err.println(e.getMessage());
        action = LeftoverAction.WARN;
      }
      EarlierRuns.look(session, config, action);
    }
    return session;
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
    return ProcleakConfig.from(JunitArming::setting);
  }

  /** A setting of this JVM: a system property, else junit-platform.properties. */
  private static Optional<String> setting(String key) {
    return Optional.ofNullable(System.getProperty(key, PlatformProperties.FILE.getProperty(key)));
  }

  /** junit-platform.properties on the test class path, read once, when first asked. */
  private static final class PlatformProperties {
    static final Properties FILE = read();

    private static Properties read() {
      Properties file = new Properties();
      try (InputStream in =
          Thread.currentThread()
              .getContextClassLoader()
              .getResourceAsStream("junit-platform.properties")) {
        if (in != null) {
          file.load(in);
        }
      } catch (IOException e) {
        // procleak's defaults then; never an error that fails the run.
        System.err.println("procleak could not read junit-platform.properties: " + e);
      }
      return file;
    }
  }
}
