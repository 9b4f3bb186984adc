package dev.procleak.core.config;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * What {@code procleak:prepare} hands to the test JVMs of one module build, and what {@code check}
 * and the session-end check judge that build by: the settings, the module build's cookie and the
 * reports directory. One file, written by {@code prepare}, read by the agent and by both checks, so
 * that a module is judged one way.
 *
 * @param config the settings, as {@code prepare} validated them
 * @param cookie the module build's cookie, below which every test JVM marks its children
 * @param reportsDirectory where the test JVMs write their reports
 * @param propertyName the project property {@code prepare} put the agent into ({@code argLine}),
 *     which the checks name when no test JVM reported
 */
public record AgentSettings(
    ProcleakConfig config, String cookie, Path reportsDirectory, String propertyName) {
  /** The file's name in the reports directory. */
  public static final String FILE_NAME = "agent.properties";

  public static final String COOKIE = "procleak.cookie";

  /**
   * The project property in which {@code prepare} hands procleak's agent to runners that take each
   * JVM option on its own (junit-platform-maven-plugin's {@code additionalOption}): one argument,
   * {@code -javaagent:…procleak-agent.jar=…}, unquoted, where {@code argLine} may hold several.
   */
  public static final String JAVAAGENT = "procleak.javaagent";

  public static final String REPORTS_DIRECTORY = "procleak.reportsDirectory";
  public static final String PROPERTY_NAME = "procleak.propertyName";
  public static final String DEFAULT_PROPERTY_NAME = "argLine";

  /**
   * Writes the settings as the user gave them (only the keys set; validated by the caller), the
   * cookie and the reports directory.
   */
  public static void write(Path file, Properties rawSettings, String cookie, Path reportsDirectory)
      throws IOException {
    Properties settings = new Properties();
    settings.putAll(rawSettings);
    settings.setProperty(COOKIE, cookie);
    settings.setProperty(REPORTS_DIRECTORY, reportsDirectory.toAbsolutePath().toString());
    Files.createDirectories(file.getParent());
    try (Writer writer = Files.newBufferedWriter(file)) {
      settings.store(
          writer, "procleak settings for the test JVMs and check, written by procleak:prepare");
    }
  }

  /**
   * Reads a file {@link #write} wrote.
   *
   * @throws InvalidConfigurationException when a setting has a value procleak cannot use
   */
  public static AgentSettings read(Path file) throws IOException {
    Properties settings = new Properties();
    try (Reader reader = Files.newBufferedReader(file)) {
      settings.load(reader);
    }
    String directory = settings.getProperty(REPORTS_DIRECTORY);
    return new AgentSettings(
        ProcleakConfig.from(settings),
        settings.getProperty(COOKIE),
        directory == null ? file.getParent() : Path.of(directory),
        settings.getProperty(PROPERTY_NAME, DEFAULT_PROPERTY_NAME));
  }
}
