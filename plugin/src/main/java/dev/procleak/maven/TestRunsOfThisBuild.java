package dev.procleak.maven;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * What Surefire and Failsafe say ran in this build of a module, and how their configuration may
 * have kept procleak's agent out of the test JVMs. Read from their XML reports and the POM: the
 * facts {@code check} needs to tell "no leaks" from "nothing checked".
 */
final class TestRunsOfThisBuild {
  private static final List<String> RUNNERS =
      List.of("maven-surefire-plugin", "maven-failsafe-plugin");

  private final MavenProject project;
  private final Instant buildStart;

  TestRunsOfThisBuild(MavenProject project, Instant buildStart) {
    this.project = project;
    this.buildStart = buildStart;
  }

  /**
   * How many tests ran (not skipped) according to the test reports written since this build began;
   * a report from an earlier build, or none ({@code -DskipTests}, no tests), counts 0.
   */
  int testsRun() {
    int tests = 0;
    for (Path directory : reportDirectories()) {
      if (!Files.isDirectory(directory)) {
        continue;
      }
      try (DirectoryStream<Path> reports = Files.newDirectoryStream(directory, "TEST-*.xml")) {
        for (Path report : reports) {
          if (!Files.getLastModifiedTime(report).toInstant().isBefore(buildStart)) {
            tests += testsIn(report);
          }
        }
      } catch (IOException e) {
        // Unreadable reports tell nothing: procleak then judges by its own reports alone.
      }
    }
    return tests;
  }

  /**
   * Why the test JVMs may not have reported, each with its fix, the likeliest first: found in the
   * POM's Surefire and Failsafe configuration.
   *
   * @param propertyName the property {@code prepare} puts the agent into ({@code argLine})
   * @param prepared whether {@code prepare} ran in this build
   */
  List<String> likelyCauses(String propertyName, boolean prepared) {
    Set<String> causes = new LinkedHashSet<>();
    if (!prepared) {
      causes.add(
          "procleak:prepare did not run in this build: bind its goal prepare before the tests (it arms"
              + " the test JVMs), or annotate the test classes with @DetectProcessLeaks.");
    }
    for (Plugin plugin : project.getBuildPlugins()) {
      if (!RUNNERS.contains(plugin.getArtifactId())) {
        continue;
      }
      for (Xpp3Dom configuration : configurations(plugin)) {
        String argLine = value(configuration, "argLine");
        if (prepared
            && argLine != null
            && !argLine.contains("@{" + propertyName + "}")
            && !argLine.contains("${" + propertyName + "}")) {
          causes.add(
              plugin.getArtifactId()
                  + "'s `<argLine>"
                  + argLine.trim()
                  + "</argLine>` replaces the "
                  + propertyName
                  + " that procleak:prepare set: write `<argLine>@{"
                  + propertyName
                  + "} "
                  + argLine.trim()
                  + "</argLine>`.");
        }
        String forkCount = value(configuration, "forkCount");
        if (forkCount == null) {
          forkCount = project.getProperties().getProperty("forkCount");
        }
        if (forkCount != null && forkCount.trim().matches("0+(\\.0*)?C?")) {
          causes.add(
              plugin.getArtifactId()
                  + " runs the tests inside Maven's own JVM (forkCount="
                  + forkCount.trim()
                  + "), which procleak cannot arm: remove forkCount=0.");
        }
      }
    }
    if (prepared) {
      causes.add(
          "Otherwise a test JVM started without procleak's agent: the JVM arguments must hold the "
              + propertyName
              + " property that procleak:prepare set (-javaagent:…procleak-agent.jar).");
    }
    return new ArrayList<>(causes);
  }

  private List<Path> reportDirectories() {
    List<Path> directories = new ArrayList<>();
    Path build = Path.of(project.getBuild().getDirectory());
    directories.add(build.resolve("surefire-reports"));
    directories.add(build.resolve("failsafe-reports"));
    for (Plugin plugin : project.getBuildPlugins()) {
      if (RUNNERS.contains(plugin.getArtifactId())) {
        for (Xpp3Dom configuration : configurations(plugin)) {
          String configured = value(configuration, "reportsDirectory");
          if (configured != null && !configured.contains("${")) {
            directories.add(project.getBasedir().toPath().resolve(configured.trim()));
          }
        }
      }
    }
    return directories;
  }

  private static List<Xpp3Dom> configurations(Plugin plugin) {
    List<Xpp3Dom> configurations = new ArrayList<>();
    if (plugin.getConfiguration() instanceof Xpp3Dom) {
      configurations.add((Xpp3Dom) plugin.getConfiguration());
    }
    for (PluginExecution execution : plugin.getExecutions()) {
      if (execution.getConfiguration() instanceof Xpp3Dom) {
        configurations.add((Xpp3Dom) execution.getConfiguration());
      }
    }
    return configurations;
  }

  private static String value(Xpp3Dom configuration, String name) {
    Xpp3Dom child = configuration.getChild(name);
    return child == null || child.getValue() == null || child.getValue().isBlank()
        ? null
        : child.getValue();
  }

  /** The tests a Surefire report says ran: its {@code tests} less its {@code skipped}. */
  private static int testsIn(Path report) throws IOException {
    try (InputStream in = Files.newInputStream(report)) {
      XMLInputFactory factory = XMLInputFactory.newFactory();
      factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
      XMLStreamReader xml = factory.createXMLStreamReader(in);
      while (xml.hasNext()) {
        if (xml.next() == XMLStreamConstants.START_ELEMENT) {
          return count(xml.getAttributeValue(null, "tests"))
              - count(xml.getAttributeValue(null, "skipped"));
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
