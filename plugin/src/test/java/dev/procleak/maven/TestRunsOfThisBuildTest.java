package dev.procleak.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestRunsOfThisBuildTest {
  @TempDir Path module;

  private final Instant buildStart = Instant.now().minusSeconds(60);

  private MavenProject project(Plugin... plugins) {
    Model model = new Model();
    model.setArtifactId("demo");
    Build build = new Build();
    build.setDirectory(module.resolve("target").toString());
    for (Plugin plugin : plugins) {
      build.addPlugin(plugin);
    }
    model.setBuild(build);
    MavenProject project = new MavenProject(model);
    project.setFile(module.resolve("pom.xml").toFile());
    return project;
  }

  private static Plugin surefire(String name, String value) {
    Plugin plugin = new Plugin();
    plugin.setArtifactId("maven-surefire-plugin");
    Xpp3Dom configuration = new Xpp3Dom("configuration");
    Xpp3Dom child = new Xpp3Dom(name);
    child.setValue(value);
    configuration.addChild(child);
    plugin.setConfiguration(configuration);
    return plugin;
  }

  private void report(String folder, String name, String attributes, Instant modified)
      throws IOException {
    Path file = module.resolve("target").resolve(folder).resolve("TEST-" + name + ".xml");
    Files.createDirectories(file.getParent());
    Files.writeString(
        file,
        "<?xml version=\"1.0\"?>\n<testsuite name=\""
            + name
            + "\" "
            + attributes
            + "><testcase/></testsuite>");
    Files.setLastModifiedTime(file, FileTime.from(modified));
  }

  @Test
  void countsTheTestsThatRanInThisBuildInSurefireAndFailsafeReports() throws IOException {
    report("surefire-reports", "demo.ATest", "tests=\"3\" skipped=\"1\"", Instant.now());
    report("failsafe-reports", "demo.BIT", "tests=\"2\"", Instant.now());
    report("surefire-reports", "demo.OldTest", "tests=\"9\"", buildStart.minusSeconds(3600));

    assertThat(new TestRunsOfThisBuild(project(), buildStart).testsRun()).isEqualTo(4);
  }

  @Test
  void noReportsOrOnlySkippedTestsCountNothing() throws IOException {
    assertThat(new TestRunsOfThisBuild(project(), buildStart).testsRun()).isZero();
    report("surefire-reports", "demo.SkippedTest", "tests=\"2\" skipped=\"2\"", Instant.now());
    assertThat(new TestRunsOfThisBuild(project(), buildStart).testsRun()).isZero();
  }

  @Test
  void namesAnArgLineThatDropsTheAgentWithItsFix() {
    assertThat(
            new TestRunsOfThisBuild(project(surefire("argLine", "-Xmx256m")), buildStart)
                .likelyCauses("argLine", true))
        .startsWith(
            "maven-surefire-plugin's `<argLine>-Xmx256m</argLine>` replaces the argLine that procleak:prepare"
                + " set: write `<argLine>@{argLine} -Xmx256m</argLine>`.");
    assertThat(
            new TestRunsOfThisBuild(project(surefire("argLine", "@{argLine} -Xmx256m")), buildStart)
                .likelyCauses("argLine", true))
        .noneMatch(cause -> cause.contains("replaces"));
  }

  @Test
  void namesForkCountZeroAndAMissingPrepare() {
    assertThat(
            new TestRunsOfThisBuild(project(surefire("forkCount", "0")), buildStart)
                .likelyCauses("argLine", false))
        .containsExactly(
            "procleak:prepare did not run in this build: bind its goal prepare before the tests (it arms the test JVMs),"
                + " or annotate the test classes with @DetectProcessLeaks.",
            "maven-surefire-plugin runs the tests inside Maven's own JVM (forkCount=0), which procleak cannot arm:"
                + " remove forkCount=0.");
  }
}
