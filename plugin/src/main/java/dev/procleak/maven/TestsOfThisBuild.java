package dev.procleak.maven;

import dev.procleak.core.build.BoundRunner;
import dev.procleak.core.build.ModuleTests;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.stream.Stream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * What this build of a module says of its tests ({@link ModuleTests}), read from its POM, the
 * build's properties and the files its runners wrote: which plugins the test phases bind, whether
 * the build reached them or skipped them, how many tests their reports say ran since the build
 * began, and whether there are compiled tests at all.
 */
final class TestsOfThisBuild {
  private static final Set<String> TEST_PHASES = Set.of("test", "integration-test");

  /** Test reports lie this deep below the build directory at most: {@code surefire-reports/…}. */
  private static final int REPORT_DEPTH = 3;

  private final MavenSession session;
  private final MavenProject project;
  private final Predicate<String> phaseReached;
  private final BiFunction<Plugin, String, String> defaultPhase;

  /**
   * @param phaseReached whether the build reached a phase of the module's default lifecycle
   * @param defaultPhase the phase a plugin's goal binds to when its execution names none, or null
   */
  TestsOfThisBuild(
      MavenSession session,
      MavenProject project,
      Predicate<String> phaseReached,
      BiFunction<Plugin, String, String> defaultPhase) {
    this.session = session;
    this.project = project;
    this.phaseReached = phaseReached;
    this.defaultPhase = defaultPhase;
  }

  /**
   * @param prepared whether {@code prepare} ran in this build
   * @param propertyName the property {@code prepare} put the agent into
   * @param procleakReports procleak's own reports directory, whose {@code TEST-procleak.xml} is no
   *     runner's
   */
  ModuleTests read(boolean prepared, String propertyName, Path procleakReports) {
    List<BoundRunner> runners = runners();
    return new ModuleTests(
        prepared,
        propertyName,
        testsRun(runners, procleakReports),
        hasTestClasses(),
        property("test") != null || property("it.test") != null,
        runners);
  }

  /** The plugin executions bound to a test phase, each goal once. */
  List<BoundRunner> runners() {
    List<BoundRunner> runners = new ArrayList<>();
    for (Plugin plugin : project.getBuildPlugins()) {
      for (PluginExecution execution : plugin.getExecutions()) {
        for (String goal : execution.getGoals()) {
          String phase =
              execution.getPhase() != null
                  ? execution.getPhase()
                  : defaultPhase.apply(plugin, goal);
          if (phase != null && TEST_PHASES.contains(phase)) {
            Map<String, List<String>> configuration = new LinkedHashMap<>();
            flatten(plugin.getConfiguration(), "", configuration);
            flatten(execution.getConfiguration(), "", configuration);
            if (!configuration.containsKey("forkCount") && property("forkCount") != null) {
              configuration.put("forkCount", List.of(property("forkCount")));
            }
            runners.add(
                new BoundRunner(
                    plugin.getGroupId(),
                    plugin.getArtifactId(),
                    plugin.getVersion() == null ? "" : plugin.getVersion(),
                    goal,
                    phase,
                    phaseReached.test(phase),
                    skipped(plugin, configuration),
                    configuration));
          }
        }
      }
    }
    return runners;
  }

  /** The build's properties and the runner's own switches that skip it. */
  private boolean skipped(Plugin plugin, Map<String, List<String>> configuration) {
    if (isTrue(property("maven.test.skip")) || isTrue(property("skipTests"))) {
      return true;
    }
    if (plugin.getArtifactId().equals("maven-failsafe-plugin") && isTrue(property("skipITs"))) {
      return true;
    }
    for (String key : List.of("skip", "skipTests", "skipExec", "skipITs")) {
      List<String> values = configuration.get(key);
      if (values != null && isTrue(resolve(values.get(values.size() - 1)))) {
        return true;
      }
    }
    return false;
  }

  /**
   * How many tests ran (not skipped) according to the test reports written since this build began,
   * any runner's: those below the build directory and those in a runner's own reports directory
   * elsewhere. A report from an earlier build, or none ({@code -DskipTests}, no tests), counts 0.
   */
  int testsRun(List<BoundRunner> runners, Path procleakReports) {
    Instant buildStart = session.getStartTime().toInstant();
    Path build = Path.of(project.getBuild().getDirectory());
    Set<Path> directories = new LinkedHashSet<>();
    directories.add(build);
    for (BoundRunner runner : runners) {
      for (String key : List.of("reportsDirectory", "targetDirectory")) {
        String configured = runner.value(key);
        if (configured != null && !configured.contains("${")) {
          directories.add(project.getBasedir().toPath().resolve(configured.trim()));
        }
      }
    }
    Set<Path> reports = new LinkedHashSet<>();
    for (Path directory : directories) {
      reports.addAll(reportsIn(directory, procleakReports.toAbsolutePath().normalize()));
    }
    int tests = 0;
    for (Path report : reports) {
      try {
        if (!Files.getLastModifiedTime(report).toInstant().isBefore(buildStart)) {
          tests += testsIn(report);
        }
      } catch (IOException e) {
        // A report that vanished tells nothing: procleak then judges by its own reports alone.
      }
    }
    return tests;
  }

  private static List<Path> reportsIn(Path directory, Path procleakReports) {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(directory, REPORT_DEPTH)) {
      return files
          .filter(file -> file.getFileName().toString().startsWith("TEST-"))
          .filter(file -> file.getFileName().toString().endsWith(".xml"))
          .filter(file -> !file.toAbsolutePath().normalize().startsWith(procleakReports))
          .map(file -> file.toAbsolutePath().normalize())
          .toList();
    } catch (IOException | UncheckedIOException e) {
      return List.of(); // a folder that changes while read: its reports tell nothing sure
    }
  }

  private boolean hasTestClasses() {
    Path classes = Path.of(project.getBuild().getTestOutputDirectory());
    if (!Files.isDirectory(classes)) {
      return false;
    }
    try (Stream<Path> files = Files.walk(classes)) {
      return files.anyMatch(file -> file.getFileName().toString().endsWith(".class"));
    } catch (IOException | UncheckedIOException e) {
      return false;
    }
  }

  /** A property as a plugin parameter would see it: the command line's, the system's, the POM's. */
  private String property(String name) {
    String value = session.getUserProperties().getProperty(name);
    if (value == null) {
      value = session.getSystemProperties().getProperty(name);
    }
    return value != null ? value : project.getProperties().getProperty(name);
  }

  /** A configuration value that is one {@code ${property}}, resolved; else as written. */
  private String resolve(String value) {
    String trimmed = value.trim();
    if (trimmed.startsWith("${")
        && trimmed.endsWith("}")
        && trimmed.indexOf('}') == trimmed.length() - 1) {
      return property(trimmed.substring(2, trimmed.length() - 1));
    }
    return trimmed;
  }

  private static boolean isTrue(String value) {
    return value != null && (value.isEmpty() || value.trim().equalsIgnoreCase("true"));
  }

  /** Every leaf of a configuration by its path: {@code javaOptions/additionalOptions/x}. */
  private static void flatten(Object configuration, String path, Map<String, List<String>> into) {
    if (!(configuration instanceof Xpp3Dom)) {
      return;
    }
    for (Xpp3Dom child : ((Xpp3Dom) configuration).getChildren()) {
      String childPath = path + child.getName();
      if (child.getChildCount() > 0) {
        flatten(child, childPath + "/", into);
      } else if (child.getValue() != null && !child.getValue().isBlank()) {
        into.computeIfAbsent(childPath, key -> new ArrayList<>()).add(child.getValue());
      }
    }
  }

  /**
   * The tests a JUnit XML report says ran: its first element's {@code tests} less {@code skipped}.
   */
  private static int testsIn(Path report) throws IOException {
    try (InputStream in = Files.newInputStream(report)) {
      XMLInputFactory factory = XMLInputFactory.newFactory();
      factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
      XMLStreamReader xml = factory.createXMLStreamReader(in);
      while (xml.hasNext()) {
        if (xml.next() == XMLStreamConstants.START_ELEMENT) {
          return Math.max(
              0,
              count(xml.getAttributeValue(null, "tests"))
                  - count(xml.getAttributeValue(null, "skipped")));
        }
      }
      return 0;
    } catch (XMLStreamException e) {
      return 0; // a report half-written by a crashed run: nothing to count
    }
  }

  private static int count(String attribute) {
    try {
      return attribute == null ? 0 : Integer.parseInt(attribute.trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
