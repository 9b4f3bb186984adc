package dev.procleak.core.build;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A plugin execution the build binds to a test phase of one module: what runs its tests, as the POM
 * declares it. Maven's glue reads it from the model; {@link Coverage} judges by it.
 *
 * @param groupId the plugin's group
 * @param artifactId the plugin's artifact, e.g. {@code maven-surefire-plugin}
 * @param version the plugin's version, or empty when the POM gives none
 * @param goal the goal bound, e.g. {@code test}
 * @param phase the phase it is bound to: {@code test} or {@code integration-test}
 * @param ran whether the build reached that phase in this module
 * @param skipped whether its configuration or the build's properties skip it ({@code skipTests},
 *     {@code maven.test.skip}, its own {@code skip})
 * @param configuration its configuration's values by path ({@code argLine}, {@code
 *     javaOptions/additionalOptions/additionalOption}); a path given several times has several
 */
public record BoundRunner(
    String groupId,
    String artifactId,
    String version,
    String goal,
    String phase,
    boolean ran,
    boolean skipped,
    Map<String, List<String>> configuration) {
  static final String SUREFIRE = "maven-surefire-plugin";
  static final String FAILSAFE = "maven-failsafe-plugin";

  /** junit-platform-maven-plugin, whose configuration procleak's extension arms. */
  public static final String JUNIT_PLATFORM_GROUP = "de.sormuras.junit";

  public static final String JUNIT_PLATFORM = "junit-platform-maven-plugin";
  static final String TYCHO_SUREFIRE = "tycho-surefire-plugin";

  /** Plugins seen bound to the test phases that never run tests themselves. */
  private static final Set<String> NO_TEST_RUNNERS =
      Set.of(
          "org.jacoco:jacoco-maven-plugin",
          "org.apache.maven.plugins:maven-surefire-report-plugin",
          "org.apache.maven.plugins:maven-resources-plugin",
          "org.apache.maven.plugins:maven-dependency-plugin",
          "org.codehaus.mojo:build-helper-maven-plugin");

  public BoundRunner {
    configuration = Map.copyOf(configuration);
  }

  /** Whether it ran this build's tests: its phase was reached and it was not skipped. */
  public boolean ranTests() {
    return ran && !skipped;
  }

  /** Surefire or Failsafe, whose JVM arguments come from {@code argLine}. */
  boolean isSurefire() {
    return groupId.equals("org.apache.maven.plugins")
        && (artifactId.equals(SUREFIRE) || artifactId.equals(FAILSAFE));
  }

  boolean isJunitPlatformPlugin() {
    return groupId.equals(JUNIT_PLATFORM_GROUP) && artifactId.equals(JUNIT_PLATFORM);
  }

  boolean isTychoSurefire() {
    return groupId.equals("org.eclipse.tycho") && artifactId.equals(TYCHO_SUREFIRE);
  }

  /**
   * Whether procleak knows where it writes its test reports (and so how many tests it ran): a
   * runner it does not know may run tests without writing a report it can find.
   */
  public boolean writesKnownReports() {
    return isSurefire() || isJunitPlatformPlugin() || isTychoSurefire();
  }

  /**
   * Whether it may be what runs the tests: plugins that only read what tests left (JaCoCo's report,
   * bound to {@code test} by many builds) run none.
   */
  boolean mayRunTests() {
    return !NO_TEST_RUNNERS.contains(groupId + ":" + artifactId);
  }

  /** The first value at {@code path}, or null when none is set. */
  public String value(String path) {
    List<String> values = configuration.get(path);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** Every value at a path that begins with {@code prefix}. */
  List<String> valuesUnder(String prefix) {
    return configuration.entrySet().stream()
        .filter(entry -> entry.getKey().startsWith(prefix))
        .flatMap(entry -> entry.getValue().stream())
        .toList();
  }

  /** As users see it in a message: {@code de.sormuras.junit:junit-platform-maven-plugin:1.1.8}. */
  public String coordinates() {
    return groupId + ":" + artifactId + (version.isEmpty() ? "" : ":" + version);
  }

  /** As Maven names the plugin in its log: {@code maven-surefire-plugin}, or all coordinates. */
  String shortName() {
    return isSurefire() ? artifactId : coordinates();
  }
}
