package dev.procleak.maven;

import dev.procleak.core.config.Action;
import dev.procleak.core.config.AgentSettings;
import dev.procleak.core.config.ProcleakConfig;
import dev.procleak.core.report.LeakReport;
import dev.procleak.core.report.ModuleReports;
import dev.procleak.core.report.StepSummary;
import dev.procleak.core.session.BuildLeaks;
import dev.procleak.core.session.Coverage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Fails the build when its tests leaked processes: merges the reports the test JVMs wrote and looks
 * for processes with this build's cookie that outlived them. Writes {@code procleak-report.json}
 * (JSON, versioned, with a JSON Schema), {@code TEST-procleak.xml} (Surefire's format, one failed
 * test case per leaking scope) and {@code index.html} (each scope's leaks drawn as a process tree)
 * into the reports directory, and appends a Markdown section to the GitHub Actions job summary when
 * there is one.
 *
 * @since 0.1.0
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractSettingsMojo {
  static final String STEP_SUMMARY = "procleak.stepSummary";
  static final String SWITCHES =
      "To report without failing the build set -Dprocleak.action=warn; to skip procleak set -Dprocleak.skip=true.";

  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  MavenSession session;

  /**
   * The GitHub Actions job summary file that {@code check} appends a Markdown section to (a table
   * of the leaks, the process tree of the worst scope). Default: the file the environment variable
   * {@code GITHUB_STEP_SUMMARY} names, which GitHub sets in every step; none outside GitHub
   * Actions.
   *
   * @since 0.1.0
   */
  @Parameter(property = STEP_SUMMARY)
  String stepSummary;

  @Override
  protected void run() throws MojoExecutionException, MojoFailureException {
    AgentSettings settings = moduleSettings();
    ProcleakConfig config = settings.config();
    // The session-end check (SessionEndCheck) leaves this module alone from now on.
    project.getProperties().setProperty(CHECKED_PROPERTY, "true");
    Path directory = reportsDirectory.toPath();
    BuildLeaks found;
    try {
      found = BuildLeaks.collect(project.getArtifactId(), directory, settings.cookie(), config);
    } catch (IOException e) {
      throw new MojoExecutionException(
          "procleak could not read its reports in " + directory + ": " + e.getMessage(), e);
    }
    TestRunsOfThisBuild tests =
        new TestRunsOfThisBuild(project, session.getStartTime().toInstant());
    int testsRun = tests.testsRun();
    found =
        found.withGaps(
            Coverage.gaps(
                testsRun,
                found.jvmReports(),
                testsRun == 0
                    ? List.of()
                    : tests.likelyCauses(propertyName, settings.cookie() != null)));
    writeReports(directory, found);
    LeakReport report = found.report();
    if (report.isClean() && !report.checkedNothing()) {
      report.gaps().forEach(gap -> getLog().warn(gap.message()));
      getLog()
          .info(
              "procleak: no leaked processes ("
                  + found.jvms()
                  + " test JVM report(s) in "
                  + directory
                  + ")");
      return;
    }
    String summary = report.message(SWITCHES);
    if (config.action() == Action.WARN) {
      getLog().warn(summary);
      return;
    }
    getLog().error(summary);
    throw new MojoFailureException(
        report.isClean()
            ? "procleak: no test was checked; see above. " + SWITCHES
            : "procleak: tests leaked "
                + found.leaks().size()
                + " process(es); see above. "
                + SWITCHES);
  }

  /** The JSON, JUnit XML and HTML reports, and the GitHub Actions job summary when there is one. */
  private void writeReports(Path directory, BuildLeaks found) throws MojoExecutionException {
    try {
      ModuleReports.write(
          found.report(),
          directory,
          StepSummary.file(stepSummary, project.getBasedir().toPath()),
          new ModuleReports.Log(getLog()::info, getLog()::warn));
    } catch (IOException e) {
      throw new MojoExecutionException(
          "procleak could not write its reports in " + directory + ": " + e.getMessage(), e);
    }
  }
}
