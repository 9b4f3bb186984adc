package dev.procleak.maven;

import dev.procleak.core.build.BuildLeaks;
import dev.procleak.core.build.Coverage;
import dev.procleak.core.build.ModuleTests;
import dev.procleak.core.config.AgentSettings;
import dev.procleak.core.report.LeakReport;
import dev.procleak.core.report.ModuleReports;
import dev.procleak.core.report.StepSummary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Predicate;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.plugin.BuildPluginManager;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.project.MavenProject;

/**
 * The one routine of {@code procleak:check} and of the session-end check: collect what the test
 * JVMs reported and what outlived them, judge what was not checked, write every report, and log the
 * module as clean or hand back what was found. Only how a finding ends the build differs between
 * the two.
 */
final class ModuleCheck {
  static final String SWITCHES =
      "To report without failing the build set -Dprocleak.action=warn; to skip procleak set -Dprocleak.skip=true.";

  /**
   * What one module's check found.
   *
   * @param found the leaks, the JVM reports and the gaps
   * @param reportsNotWritten why the reports could not be written, or null when they were
   */
  record Found(BuildLeaks found, IOException reportsNotWritten) {
    LeakReport report() {
      return found.report();
    }

    /** Whether nothing leaked and tests were checked: "no leaked processes" is true. */
    boolean passed() {
      return report().isClean() && !report().checkedNothing();
    }

    /** The console text of the findings, ending with the switches that change the outcome. */
    String message() {
      return report().message(SWITCHES);
    }

    /** One line for the build's failure. */
    String headline() {
      return report().isClean()
          ? "procleak: no test was checked; see above. " + SWITCHES
          : "procleak: tests leaked "
              + found.leaks().size()
              + " process(es); see above. "
              + SWITCHES;
    }
  }

  private ModuleCheck() {}

  /**
   * Checks one module.
   *
   * @param settings what {@code prepare} wrote (cookie null where it did not run)
   * @param phaseReached whether the build ran a phase of the module's default lifecycle
   * @param plugins finds a goal's default phase; null where Maven offers none
   * @param stepSummary check's {@code stepSummary} as given, or null
   * @param named whether the log names the module (the session-end check speaks of several)
   * @throws IOException when the test JVMs' reports cannot be read
   */
  static Found run(
      MavenSession session,
      MavenProject project,
      AgentSettings settings,
      Predicate<String> phaseReached,
      BuildPluginManager plugins,
      String stepSummary,
      ModuleReports.Log log,
      boolean named)
      throws IOException {
    Path directory = settings.reportsDirectory();
    BuildLeaks found;
    try {
      found =
          BuildLeaks.collect(
              project.getArtifactId(), directory, settings.cookie(), settings.config());
    } catch (IOException e) {
      throw new IOException(
          "procleak could not read its reports in " + directory + ": " + e.getMessage(), e);
    }
    ModuleTests tests =
        new TestsOfThisBuild(
                session,
                project,
                phaseReached,
                (plugin, goal) -> defaultPhase(session, project, plugins, plugin, goal))
            .read(settings.cookie() != null, settings.propertyName(), directory);
    found = found.withGaps(Coverage.gaps(tests, found.jvmReports()));
    IOException notWritten = null;
    try {
      ModuleReports.write(
          found.report(),
          directory,
          StepSummary.file(stepSummary, project.getBasedir().toPath()),
          log);
    } catch (IOException | RuntimeException e) {
      notWritten =
          new IOException(
              "procleak could not write the reports of "
                  + project.getArtifactId()
                  + " in "
                  + directory
                  + ": "
                  + e.getMessage(),
              e);
    }
    Found result = new Found(found, notWritten);
    if (result.passed()) {
      result.report().gaps().forEach(gap -> log.warn().accept(gap.message()));
      result.report().leftoversLine().ifPresent(log.warn());
    }
    // After the session, of a module whose tests never ran (mvn compile), there is nothing to say.
    if (result.passed() && (!named || found.jvms() > 0)) {
      log.info()
          .accept(
              "procleak: "
                  + (named ? project.getArtifactId() + ": " : "")
                  + "no leaked processes ("
                  + found.jvms()
                  + " test JVM report(s) in "
                  + directory
                  + ")");
    }
    return result;
  }

  /** The phase a goal binds to by default, from its plugin's descriptor, which Maven has cached. */
  private static String defaultPhase(
      MavenSession session,
      MavenProject project,
      BuildPluginManager plugins,
      Plugin plugin,
      String goal) {
    if (plugins == null) {
      return null;
    }
    try {
      MojoDescriptor mojo =
          plugins.getMojoDescriptor(
              plugin, goal, project.getRemotePluginRepositories(), session.getRepositorySession());
      return mojo == null ? null : mojo.getPhase();
    } catch (Exception | LinkageError e) {
      return null; // a plugin Maven cannot describe runs no test procleak could name
    }
  }
}
