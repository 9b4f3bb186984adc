package dev.procleak.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procleak.core.build.BoundRunner;
import dev.procleak.core.build.ModuleTests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.DefaultMavenExecutionResult;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestsOfThisBuildTest {
  @TempDir Path module;

  private final Instant buildStart = Instant.now().minusSeconds(60);
  private final Properties userProperties = new Properties();

  private MavenProject project(Plugin... plugins) {
    Model model = new Model();
    model.setArtifactId("demo");
    Build build = new Build();
    build.setDirectory(module.resolve("target").toString());
    build.setTestOutputDirectory(module.resolve("target/test-classes").toString());
    for (Plugin plugin : plugins) {
      build.addPlugin(plugin);
    }
    model.setBuild(build);
    MavenProject project = new MavenProject(model);
    project.setFile(module.resolve("pom.xml").toFile());
    return project;
  }

  @SuppressWarnings("deprecation")
  private ModuleTests read(MavenProject project) {
    MavenExecutionRequest request = new DefaultMavenExecutionRequest();
    request.setStartTime(Date.from(buildStart));
    request.setUserProperties(userProperties);
    MavenSession session = new MavenSession(null, null, request, new DefaultMavenExecutionResult());
    return new TestsOfThisBuild(
            session,
            project,
            DefaultLifecycle.before("verify"),
            (plugin, goal) -> goal.equals("integration-test") ? "integration-test" : null)
        .read(true, "argLine", module.resolve("target/procleak"));
  }

  private static Plugin plugin(String group, String artifact, String phase, String goal) {
    Plugin plugin = new Plugin();
    plugin.setGroupId(group);
    plugin.setArtifactId(artifact);
    plugin.setVersion("1.0");
    PluginExecution execution = new PluginExecution();
    execution.setPhase(phase);
    execution.addGoal(goal);
    plugin.addExecution(execution);
    return plugin;
  }

  private static Plugin surefire(String name, String value) {
    Plugin plugin = plugin("org.apache.maven.plugins", "maven-surefire-plugin", "test", "test");
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
  void countsTheTestsThatRanInThisBuildInAnyRunnersReportsButProcleaksOwn() throws IOException {
    report("surefire-reports", "demo.ATest", "tests=\"3\" skipped=\"1\"", Instant.now());
    report("failsafe-reports", "demo.BIT", "tests=\"2\"", Instant.now());
    report("junit-platform", "junit-jupiter", "tests=\"4\"", Instant.now());
    report("surefire-reports", "demo.OldTest", "tests=\"9\"", buildStart.minusSeconds(3600));
    report("procleak", "procleak", "tests=\"1\"", Instant.now());

    assertThat(read(project()).testsRun()).isEqualTo(8);
  }

  @Test
  void noReportsOrOnlySkippedTestsCountNothing() throws IOException {
    assertThat(read(project()).testsRun()).isZero();
    report("surefire-reports", "demo.SkippedTest", "tests=\"2\" skipped=\"2\"", Instant.now());
    assertThat(read(project()).testsRun()).isZero();
  }

  @Test
  void findsTheRunnersBoundToTheTestPhasesWithTheirConfiguration() {
    Plugin failsafe =
        plugin("org.apache.maven.plugins", "maven-failsafe-plugin", null, "integration-test");
    Plugin jacoco = plugin("org.jacoco", "jacoco-maven-plugin", null, "report");
    List<BoundRunner> runners =
        read(project(surefire("argLine", "-Xmx256m"), failsafe, jacoco)).runners();

    assertThat(runners)
        .extracting(
            BoundRunner::artifactId, BoundRunner::goal, BoundRunner::phase, BoundRunner::ran)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("maven-surefire-plugin", "test", "test", true),
            org.assertj.core.groups.Tuple.tuple(
                "maven-failsafe-plugin", "integration-test", "integration-test", true));
    assertThat(runners.get(0).value("argLine")).isEqualTo("-Xmx256m");
  }

  @Test
  void aSkipOfTheBuildOrOfTheRunnerIsSeen() {
    assertThat(read(project(surefire("skip", "true"))).runners().get(0).skipped()).isTrue();
    assertThat(read(project(surefire("argLine", "x"))).runners().get(0).skipped()).isFalse();
    userProperties.setProperty("skipTests", "true");
    assertThat(read(project(surefire("argLine", "x"))).runners().get(0).skipped()).isTrue();
    userProperties.clear();
    userProperties.setProperty("quick", "true");
    assertThat(read(project(surefire("skipTests", "${quick}"))).runners().get(0).skipped())
        .isTrue();
  }

  @Test
  void testClassesAndASelectionByNameAreSeen() throws IOException {
    assertThat(read(project()).testClasses()).isFalse();
    Path compiled = module.resolve("target/test-classes/demo/ATest.class");
    Files.createDirectories(compiled.getParent());
    Files.write(compiled, new byte[] {(byte) 0xCA, (byte) 0xFE});
    assertThat(read(project()).testClasses()).isTrue();
    assertThat(read(project()).selectedByName()).isFalse();
    userProperties.setProperty("test", "NoSuchTest");
    assertThat(read(project()).selectedByName()).isTrue();
  }
}
