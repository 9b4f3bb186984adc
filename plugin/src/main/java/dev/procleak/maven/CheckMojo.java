package dev.procleak.maven;

import dev.procleak.core.config.Action;
import dev.procleak.core.config.InvalidConfigurationException;
import dev.procleak.core.config.ProcleakConfig;
import dev.procleak.core.leak.Leak;
import dev.procleak.core.report.JvmReport;
import dev.procleak.core.report.JsonReport;
import dev.procleak.core.report.JunitXmlReport;
import dev.procleak.core.report.LeakReport;
import dev.procleak.core.report.ReportFiles;
import dev.procleak.core.report.StepSummary;
import dev.procleak.core.report.html.HtmlReport;
import dev.procleak.core.session.Survivors;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Fails the build when its tests leaked processes: merges the reports the test JVMs wrote and
 * looks for processes with this build's cookie that outlived them. Writes {@code
 * procleak-report.json} (JSON, versioned, with a JSON Schema), {@code TEST-procleak.xml}
 * (Surefire's format, one failed test case per leaking scope) and {@code index.html} (each
 * scope's leaks drawn as a process tree) into the reports directory, and
 * appends a Markdown section to the GitHub Actions job summary when there is one.
 *
 * @since 0.1.0
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractProcleakMojo {
  static final String SWITCHES =
      "To report without failing the build set -Dprocleak.action=warn; to skip procleak set -Dprocleak.skip=true.";

  /**
   * {@code fail} fails the build on a leak, {@code warn} only reports it.
   *
   * @since 0.1.0
   */
  @Parameter(property = "procleak.action", defaultValue = "fail")
  String action;

  /**
   * Whether processes found running after the test JVM exited are killed ({@code true}) or left
   * running for debugging ({@code false}).
   *
   * @since 0.1.0
   */
  @Parameter(property = "procleak.cleanup", defaultValue = "true")
  String cleanup;

  /**
   * The GitHub Actions job summary file that {@code check} appends a Markdown section to (a table
   * of the leaks, the process tree of the worst scope). Default: the file the environment
   * variable {@code GITHUB_STEP_SUMMARY} names, which GitHub sets in every step; none outside
   * GitHub Actions.
   *
   * @since 0.1.0
   */
  @Parameter(property = "procleak.stepSummary")
  String stepSummary;

  @Override
  protected void run() throws MojoExecutionException, MojoFailureException {
    Action onLeak;
    boolean kill;
    try {
      onLeak = ProcleakConfig.parseAction(ProcleakConfig.ACTION, action);
      kill = ProcleakConfig.parseBoolean(ProcleakConfig.CLEANUP, cleanup);
    } catch (InvalidConfigurationException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
    Path directory = reportsDirectory.toPath();
    List<JvmReport> jvmReports = new ArrayList<>();
    try {
      for (Path file : ReportFiles.list(directory)) {
        jvmReports.add(ReportFiles.read(file));
      }
    } catch (IOException e) {
      throw new MojoExecutionException("procleak could not read its reports in " + directory + ": " + e.getMessage(), e);
    }
    List<Leak> survivors = new ArrayList<>();
    String cookie = project.getProperties().getProperty(COOKIE_PROPERTY);
    if (cookie != null) {
      Survivors search = new Survivors();
      List<Leak> found = search.find(cookie);
      found.removeIf(survivor -> jvmReports.stream()
          .anyMatch(report -> report.leaks().stream().anyMatch(leak -> leak.process().equals(survivor.process()))));
      survivors.addAll(kill ? search.terminate(found) : search.leaveRunning(found));
    }
    if (jvmReports.isEmpty() && cookie == null) {
      getLog().warn("procleak found no test JVM report in " + directory
          + ": bind procleak:prepare before the tests, or annotate test classes with @DetectProcessLeaks.");
    }
    LeakReport report = LeakReport.of(project.getArtifactId(), Instant.now(), jvmReports, survivors);
    writeReports(directory, report);
    if (report.isClean()) {
      getLog().info("procleak: no leaked processes (" + jvmReports.size() + " test JVM report(s) in " + directory + ")");
      return;
    }
    String summary = report.message(SWITCHES);
    if (onLeak == Action.WARN) {
      getLog().warn(summary);
      return;
    }
    getLog().error(summary);
    throw new MojoFailureException(
        "procleak: tests leaked " + report.leaks().size() + " process(es); see above. " + SWITCHES);
  }

  /** The JSON, JUnit XML and HTML reports, and the GitHub Actions job summary when there is one. */
  private void writeReports(Path directory, LeakReport report) throws MojoExecutionException {
    Path json = directory.resolve(JsonReport.FILE_NAME);
    Path xml = directory.resolve(JunitXmlReport.FILE_NAME);
    Path html;
    try {
      JsonReport.write(json, report);
      JunitXmlReport.write(xml, report);
      html = HtmlReport.write(directory, report);
    } catch (IOException e) {
      throw new MojoExecutionException("procleak could not write its reports in " + directory + ": " + e.getMessage(), e);
    }
    getLog().info("procleak: reports written to " + json + " and " + xml);
    if (!report.isClean()) {
      getLog().info("procleak: the leaks' process trees: " + html.toUri());
    }
    String summary = stepSummary != null ? stepSummary.trim() : System.getenv().getOrDefault(StepSummary.VARIABLE, "").trim();
    if (!summary.isEmpty()) {
      try {
        StepSummary.append(Path.of(summary), report);
      } catch (IOException | RuntimeException e) {
        // A summary is a convenience: its failure must not hide the leaks from the build.
        getLog().warn("procleak could not append to the job summary " + summary + " (" + StepSummary.VARIABLE
            + "): " + e.getMessage());
      }
    }
  }
}
