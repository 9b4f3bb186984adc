package dev.procleak.maven;

import dev.procleak.core.config.Action;
import dev.procleak.core.config.AgentSettings;
import dev.procleak.core.config.InvalidConfigurationException;
import dev.procleak.core.config.ProcleakConfig;
import dev.procleak.core.report.ModuleReports;
import dev.procleak.core.report.StepSummary;
import dev.procleak.core.session.BuildLeaks;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.maven.AbstractMavenLifecycleParticipant;
import org.apache.maven.MavenExecutionException;
import org.apache.maven.execution.BuildFailure;
import org.apache.maven.execution.BuildSummary;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code check} for the modules whose {@code check} never ran: when a test JVM crashed or called
 * {@code System.exit}, Surefire fails the module at once and the build stops before {@code verify}.
 * At the end of the session this names what their test JVMs reported and finds, by the module's
 * cookie, what escaped them, and kills it. Active only when the plugin is declared with {@code
 * <extensions>true</extensions>}; registered in {@code META-INF/plexus/components.xml}, which Maven
 * 3.8.7 finds where it misses a JSR-330 component. Writes check's reports for those modules, so
 * their leaks reach the JSON, JUnit XML and HTML reports and the job summary too.
 */
public class SessionEndCheck extends AbstractMavenLifecycleParticipant {
  private final Logger log = LoggerFactory.getLogger(SessionEndCheck.class);

  @Override
  public void afterSessionEnd(MavenSession session) throws MavenExecutionException {
    int leaked = 0;
    for (MavenProject project : session.getProjects()) {
      Properties properties = project.getProperties();
      String settingsFile = properties.getProperty(AbstractProcleakMojo.SETTINGS_PROPERTY);
      if (settingsFile == null
          || properties.getProperty(AbstractProcleakMojo.CHECKED_PROPERTY) != null) {
        continue; // prepare did not run, or check did
      }
      ProcleakConfig config;
      Path directory;
      BuildLeaks found;
      try {
        AgentSettings settings = AgentSettings.read(Path.of(settingsFile));
        config = settings.config();
        directory = settings.reportsDirectory();
        found = BuildLeaks.collect(project.getArtifactId(), directory, settings.cookie(), config);
      } catch (IOException | InvalidConfigurationException e) {
        log.error(
            "procleak could not check "
                + project.getArtifactId()
                + " after its build: "
                + e.getMessage());
        continue;
      }
      writeReports(session, project, directory, found);
      if (found.leaks().isEmpty()) {
        continue;
      }
      boolean failed = session.getResult().getBuildSummary(project) instanceof BuildFailure;
      String summary =
          summary(project, found, failed, session.getResult().getBuildSummary(project));
      if (config.action() == Action.FAIL && failed) {
        log.error(summary);
        leaked += found.leaks().size();
      } else {
        log.warn(summary);
      }
    }
    if (leaked > 0) {
      throw new MavenExecutionException(
          "procleak: the tests of a module whose build failed before procleak:check leaked "
              + leaked
              + " process(es); see above. "
              + CheckMojo.SWITCHES,
          (Throwable) null);
    }
  }

  /** check's reports, so that a crashed or exited test JVM's leaks reach the JSON and XML too. */
  private void writeReports(
      MavenSession session, MavenProject project, Path directory, BuildLeaks found) {
    Path module = project.getBasedir().toPath();
    try {
      ModuleReports.write(
          found.report(),
          directory,
          StepSummary.file(stepSummaryOf(session, project), module),
          new ModuleReports.Log(log::info, log::warn));
    } catch (IOException | RuntimeException e) {
      // The console names the leaks below: a report that cannot be written must not hide them.
      log.warn(
          "procleak could not write the reports of "
              + project.getArtifactId()
              + " in "
              + directory
              + ": "
              + e.getMessage());
    }
  }

  /**
   * check's {@code stepSummary} as Maven would have given it: a user or system property, else the
   * module's.
   */
  private static String stepSummaryOf(MavenSession session, MavenProject project) {
    String given =
        session
            .getUserProperties()
            .getProperty(
                CheckMojo.STEP_SUMMARY,
                session.getSystemProperties().getProperty(CheckMojo.STEP_SUMMARY));
    return given != null ? given : project.getProperties().getProperty(CheckMojo.STEP_SUMMARY);
  }

  private static String summary(
      MavenProject project, BuildLeaks found, boolean failed, BuildSummary result) {
    String why =
        failed
            ? "its build failed before procleak:check (a crashed test JVM or System.exit fails Surefire at once)"
            : result == null
                ? "it was not built to the end"
                : "the build ended before procleak:check's phase";
    return "procleak: "
        + project.getArtifactId()
        + " leaked "
        + found.leaks().size()
        + " process(es); "
        + why
        + ":"
        + System.lineSeparator()
        + found.report().message(CheckMojo.SWITCHES);
  }
}
