package dev.procleak.maven;

import dev.procleak.core.config.Action;
import dev.procleak.core.config.AgentSettings;
import dev.procleak.core.report.ModuleReports;
import java.io.IOException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.BuildPluginManager;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Fails the build when its tests leaked processes, or when no test was checked although tests ran:
 * merges the reports the test JVMs wrote and looks for processes with this build's cookie that
 * outlived them. Writes {@code procleak-report.json} (JSON, versioned, with a JSON Schema), {@code
 * TEST-procleak.xml} (Surefire's format, one failed test case per leaking scope) and {@code
 * index.html} (each scope's leaks drawn as a process tree) into the reports directory, and appends
 * a Markdown section to the GitHub Actions job summary when there is one.
 *
 * @since 0.1.0
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractSettingsMojo {
  static final String STEP_SUMMARY = "procleak.stepSummary";

  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  MavenSession session;

  @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
  MojoExecution execution;

  @Component BuildPluginManager plugins;

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
    // The session-end check leaves this module alone from now on.
    project.getProperties().setProperty(CHECKED_PROPERTY, "true");
    ModuleCheck.Found found;
    try {
      found =
          ModuleCheck.run(
              session,
              project,
              settings,
              DefaultLifecycle.before(execution.getLifecyclePhase()),
              plugins,
              stepSummary,
              new ModuleReports.Log(getLog()::info, getLog()::warn),
              false);
    } catch (IOException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
    if (!found.passed()) {
      if (settings.config().action() == Action.WARN) {
        getLog().warn(found.message());
      } else {
        getLog().error(found.message());
      }
    }
    if (found.reportsNotWritten() != null) {
      throw new MojoExecutionException(
          found.reportsNotWritten().getMessage(), found.reportsNotWritten());
    }
    if (!found.passed() && settings.config().action() == Action.FAIL) {
      throw new MojoFailureException(found.headline());
    }
  }
}
