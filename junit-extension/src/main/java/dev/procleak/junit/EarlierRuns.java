package dev.procleak.junit;

import dev.procleak.core.build.Leftovers;
import dev.procleak.core.config.LeftoverAction;
import dev.procleak.core.config.ProcleakConfig;
import dev.procleak.core.report.StartJournal;
import dev.procleak.core.session.JvmSession;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * With {@code @DetectProcessLeaks} alone, no {@code prepare} looks for what earlier runs of the
 * project left running: the test JVM does, once, as it is armed, and records itself for the next
 * run. The project is the JVM's working directory (the module's, under Surefire).
 */
final class EarlierRuns {
  private EarlierRuns() {}

  /**
   * Stops (or, with {@code procleak.leftovers=keep}, names) what earlier runs left, says so on
   * standard error and in the JVM's report. {@code fail} is {@code prepare}'s alone: here it stops
   * and warns. procleak failing here never fails a test.
   */
  static void look(JvmSession session, ProcleakConfig config, LeftoverAction action) {
    Path builds = StartJournal.directory();
    String project = Path.of("").toAbsolutePath().toString();
    try {
      List<Leftovers.Earlier> earlier =
          Leftovers.begin(builds, project, session.buildCookie(), config, action);
      earlier.forEach(build -> System.err.println(Leftovers.message(build, action)));
      session.leftoversFound(Leftovers.leaks(earlier));
    } catch (IOException | RuntimeException | LinkageError e) {
      System.err.println("procleak could not look for processes earlier runs left running: " + e);
    }
  }
}
