package dev.procleak.maven;

import dev.procleak.core.config.AgentSettings;
import dev.procleak.core.config.InvalidConfigurationException;
import dev.procleak.core.config.ProcleakConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The settings {@code prepare} hands to the test JVMs and {@code check} judges by. {@code prepare}
 * writes them into one file ({@link AgentSettings}); {@code check} and the session-end check read
 * that file, so that one module is judged one way. Only where {@code prepare} did not run does
 * {@code check} take them from its own parameters.
 */
public abstract class AbstractSettingsMojo extends AbstractProcleakMojo {
  /**
   * The project property that holds the test JVM's arguments: {@code prepare} prepends the agent to
   * it, and {@code check} names it when no test JVM reported.
   *
   * @since 0.1.0
   */
  @Parameter(property = "procleak.propertyName", defaultValue = "argLine")
  String propertyName;

  /**
   * {@code fail} or {@code warn}: what a test JVM does on a leak, and {@code check}: fail the
   * build, or only report. Default: {@code fail}.
   *
   * @since 0.1.0
   */
  @Parameter(property = "procleak.action")
  String action;

  /**
   * Whether what leaked is killed and reaped once it is reported, in the test JVM and by {@code
   * check}. Default: {@code true}.
   *
   * @since 0.1.0
   */
  @Parameter(property = "procleak.cleanup")
  String cleanup;

  /**
   * How long to wait for a test's processes to finish before calling them leaked, e.g. {@code
   * 500ms}, {@code 2s}. Default: {@code 500ms}.
   *
   * @since 0.1.0
   */
  @Parameter(property = "procleak.grace")
  String grace;

  /**
   * Comma-separated regular expressions over command lines: a matching process and its descendants
   * are never reported nor killed. Default: none.
   *
   * @since 0.1.0
   */
  @Parameter(property = "procleak.ignore")
  String ignore;

  /**
   * {@code false} keeps the test JVM from becoming the subreaper of its descendants (Linux):
   * escaped processes are then found by their cookie when the test JVM ends. Default: {@code true}.
   *
   * @since 0.1.0
   */
  @Parameter(property = "procleak.subreaper")
  String subreaper;

  /**
   * How the test JVM records where each process was started from, so that every leak names the code
   * that started its tree: {@code auto} (through procleak's agent, which {@code prepare} binds:
   * each start through {@code ProcessBuilder} or {@code Runtime.exec}), {@code jfr} (through JFR's
   * {@code jdk.ProcessStart} event, for a test JVM without the agent: about a second and 50 MB more
   * per test JVM) or {@code off}. Default: {@code auto}.
   *
   * @since 0.1.0
   */
  @Parameter(property = "procleak.recordStarts")
  String recordStarts;

  /** The settings as given: only the keys the user set, as written, for the test JVM's file. */
  Properties rawSettings() {
    Properties settings = new Properties();
    put(settings, ProcleakConfig.ACTION, action);
    put(settings, ProcleakConfig.CLEANUP, cleanup);
    put(settings, ProcleakConfig.GRACE, grace);
    put(settings, ProcleakConfig.IGNORE, ignore);
    put(settings, ProcleakConfig.SUBREAPER, subreaper);
    put(settings, ProcleakConfig.RECORD_STARTS, recordStarts);
    put(settings, AgentSettings.PROPERTY_NAME, propertyName);
    return settings;
  }

  /** The settings as given, validated: a bad value fails the goal, naming key and value. */
  ProcleakConfig config() throws MojoExecutionException {
    Properties settings = rawSettings();
    try {
      return ProcleakConfig.from(settings);
    } catch (InvalidConfigurationException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
  }

  /**
   * What this module build is judged by: the file {@code prepare} wrote in this build, else these
   * parameters with no cookie.
   */
  AgentSettings moduleSettings() throws MojoExecutionException {
    String written = project.getProperties().getProperty(SETTINGS_PROPERTY);
    if (written != null && Files.isRegularFile(Path.of(written))) {
      try {
        return AgentSettings.read(Path.of(written));
      } catch (IOException | InvalidConfigurationException e) {
        throw new MojoExecutionException(
            "procleak could not read "
                + written
                + ", which procleak:prepare wrote: "
                + e.getMessage(),
            e);
      }
    }
    return new AgentSettings(config(), null, reportsDirectory.toPath(), propertyName);
  }

  private static void put(Properties settings, String key, String value) {
    if (value != null && !value.isBlank()) {
      settings.setProperty(key, value);
    }
  }
}
