package dev.procleak.maven;

import dev.procleak.core.config.Action;
import dev.procleak.core.config.AgentSettings;
import dev.procleak.core.config.InvalidConfigurationException;
import dev.procleak.core.report.ModuleReports;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.maven.AbstractMavenLifecycleParticipant;
import org.apache.maven.MavenExecutionException;
import org.apache.maven.execution.BuildFailure;
import org.apache.maven.execution.BuildSuccess;
import org.apache.maven.execution.BuildSummary;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.BuildPluginManager;
import org.apache.maven.project.MavenProject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code check} for the modules whose {@code check} never ran: when a test JVM crashed or called
 * {@code System.exit}, Surefire fails the module at once and the build stops before {@code verify};
 * {@code mvn test} ends before it. At the end of the session this runs check's own routine ({@link
 * ModuleCheck}) for them: names what their test JVMs reported, finds by the module's cookie what
 * escaped them and kills it, says when no test was checked, and writes check's reports. Active only
 * when the plugin is declared with {@code <extensions>true</extensions>}; registered in {@code
 * META-INF/plexus/components.xml}, which Maven 3.8.7 finds where it misses a JSR-330 component.
 */
public class SessionEndCheck extends AbstractMavenLifecycleParticipant {
  private final Logger log = LoggerFactory.getLogger(SessionEndCheck.class);

  /** Injected by Plexus (components.xml). */
  private BuildPluginManager plugins;

  @Override
  public void afterSessionEnd(MavenSession session) throws MavenExecutionException {
    int leaked = 0;
    int unchecked = 0;
    for (MavenProject project : session.getProjects()) {
      Properties properties = project.getProperties();
      String settingsFile = properties.getProperty(AbstractProcleakMojo.SETTINGS_PROPERTY);
      if (settingsFile == null
          || properties.getProperty(AbstractProcleakMojo.CHECKED_PROPERTY) != null) {
        continue; // prepare did not run, or check did
      }
      BuildSummary result = session.getResult().getBuildSummary(project);
      AgentSettings settings;
      ModuleCheck.Found found;
      try {
        settings = AgentSettings.read(Path.of(settingsFile));
        found =
            ModuleCheck.run(
                session,
                project,
                settings,
                phasesRun(session, result),
                plugins,
                stepSummaryOf(session, project),
                new ModuleReports.Log(log::info, log::warn),
                true);
      } catch (IOException | InvalidConfigurationException e) {
        log.error(
            "procleak could not check "
                + project.getArtifactId()
                + " after its build: "
                + e.getMessage());
        continue;
      } catch (RuntimeException | LinkageError e) {
        // procleak's own failure must not fail a build it has nothing against.
        log.error(
            "procleak could not check " + project.getArtifactId() + " after its build: " + e, e);
        continue;
      }
      if (found.reportsNotWritten() != null) {
        // The console names the findings below: a report that cannot be written must not hide them.
        log.warn(found.reportsNotWritten().getMessage());
      }
      if (found.passed()) {
        continue;
      }
      boolean failed = result instanceof BuildFailure;
      String summary = summary(project, found, failed, result);
      if (settings.config().action() == Action.FAIL && failed) {
        log.error(summary);
        leaked += found.found().leaks().size();
        unchecked += found.report().checkedNothing() ? 1 : 0;
      } else {
        log.warn(summary);
      }
    }
    if (leaked > 0 || unchecked > 0) {
      throw new MavenExecutionException(
          (leaked > 0
                  ? "procleak: the tests of a module whose build failed before procleak:check leaked "
                      + leaked
                      + " process(es); see above. "
                  : "procleak: no test was checked in a module whose build failed before"
                      + " procleak:check; see above. ")
              + ModuleCheck.SWITCHES,
          (Throwable) null);
    }
  }

  /**
   * The phases this build ran in a module: up to the latest phase asked for, where the module's
   * build succeeded; where it failed, how far it got is not known, and only its files tell.
   */
  private static Predicate<String> phasesRun(MavenSession session, BuildSummary result) {
    return result instanceof BuildSuccess
        ? DefaultLifecycle.upTo(session.getGoals())
        : DefaultLifecycle.upTo(List.of());
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
      MavenProject project, ModuleCheck.Found found, boolean failed, BuildSummary result) {
    String why =
        failed
            ? "its build failed before procleak:check (a crashed test JVM or System.exit fails Surefire at once)"
            : result == null
                ? "it was not built to the end"
                : "the build ended before procleak:check's phase";
    String what =
        found.report().isClean()
            ? " checked no test"
            : " leaked " + found.found().leaks().size() + " process(es)";
    return "procleak: "
        + project.getArtifactId()
        + what
        + "; "
        + why
        + ":"
        + System.lineSeparator()
        + found.message();
  }
}
