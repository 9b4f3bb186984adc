package dev.procleak.core.build;

import dev.procleak.core.cleanup.Cleanup;
import dev.procleak.core.config.LeftoverAction;
import dev.procleak.core.config.ProcleakConfig;
import dev.procleak.core.leak.ProcessFilter;
import dev.procleak.core.model.Leak;
import dev.procleak.core.model.ScopeKind;
import dev.procleak.core.model.ScopeName;
import dev.procleak.core.os.EnvironmentCookie;
import dev.procleak.core.os.ThisProcess;
import dev.procleak.core.report.BuildRecord;
import dev.procleak.core.report.LeakReport;
import dev.procleak.core.scan.ProcessInfo;
import dev.procleak.core.scan.SubtreeScanner;
import dev.procleak.core.session.Survivors;
import java.io.IOException;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What earlier builds of a project left running on this machine, of this user, found when a build
 * of it begins: the processes carrying the cookie of a build whose record ({@link BuildRecord})
 * names the same project and whose builder (Maven's JVM) is gone. A build still running (a
 * concurrent build of the same project) is never touched, nor another project's, nor another user's
 * process (its environment cannot be read). Each leftover is named from the earlier build's
 * journals (its test, where it was started) and stopped as survivors are, its identity re-checked
 * before every signal.
 */
public final class Leftovers {
  public static final String SCOPE =
      "an earlier build's test JVM, found still running when this build began";

  /** An earlier build and what it left, as this build found and handled it. */
  public record Earlier(BuildRecord build, List<Leak> leaks) {
    public Earlier {
      leaks = List.copyOf(leaks);
    }
  }

  private Leftovers() {}

  /**
   * Finds what earlier builds of {@code project} left running and stops it unless {@code action}
   * keeps it; forgets the records of builds that are over and left nothing, whichever project.
   *
   * @param directory where builds are recorded ({@code StartJournal.directory()})
   * @param ownCookie this build's cookie, whose processes are never leftovers
   * @param config the module's settings: what {@code procleak.ignore} spares is left alone
   */
  public static List<Earlier> handle(
      Path directory,
      String project,
      String ownCookie,
      ProcleakConfig config,
      LeftoverAction action) {
    SubtreeScanner scanner = SubtreeScanner.forThisPlatform();
    ProcessFilter filter = ProcessFilter.of(config);
    List<Earlier> found = new ArrayList<>();
    for (BuildRecord build : BuildRecord.readAll(directory)) {
      if (build.cookie().equals(ownCookie) || !build.isOver(scanner)) {
        continue;
      }
      Survivors search = new Survivors(build.journals());
      List<Leak> left = search.find(build.cookie(), ScopeKind.LEFTOVER, SCOPE, filter);
      if (left.isEmpty()) {
        build.delete(); // over, and nothing of it runs: nothing to name any more
        continue;
      }
      if (!project.equals(build.project())) {
        continue; // another project's: its own next build names them
      }
      List<Leak> handled =
          action.stops()
              ? new Cleanup(scanner, null)
                  .stop(left, search.joiner(ScopeKind.LEFTOVER, SCOPE, filter))
              : Cleanup.leftRunning(left);
      if (handled.stream().noneMatch(leak -> leak.outcome().leftRunning())) {
        build.delete();
      }
      found.add(new Earlier(build, handled));
    }
    return found;
  }

  /**
   * As a build begins: records it ({@link #record}) and handles what earlier builds of its project
   * left ({@link #handle}).
   */
  public static List<Earlier> begin(
      Path directory,
      String project,
      String ownCookie,
      ProcleakConfig config,
      LeftoverAction action)
      throws IOException {
    record(directory, ownCookie, project);
    return handle(directory, project, ownCookie, config, action);
  }

  /** Every process {@code earlier} builds left, in the order found. */
  public static List<Leak> leaks(List<Earlier> earlier) {
    List<Leak> leaks = new ArrayList<>();
    earlier.forEach(build -> leaks.addAll(build.leaks()));
    return leaks;
  }

  /**
   * Records the build whose cookie is {@code cookie}, of {@code project}, as run by this process,
   * so that a later build can tell what it left from what a build still running has.
   */
  public static BuildRecord record(Path directory, String cookie, String project)
      throws IOException {
    SubtreeScanner scanner = SubtreeScanner.forThisPlatform();
    ProcessInfo self = scanner.lookup(ThisProcess.pid());
    if (self == null) {
      throw new IOException("this process (pid " + ThisProcess.pid() + ") cannot be read");
    }
    return BuildRecord.write(directory, cookie, project, self.id());
  }

  /**
   * What a developer reads of {@code earlier}: which build left what, then a block per process with
   * its test and where it was started, as a leak's.
   */
  public static String message(Earlier earlier, LeftoverAction action) {
    int count = earlier.leaks().size();
    return "procleak: an earlier build of this project "
        + begunAndGone(earlier.build())
        + " left "
        + count
        + (count == 1 ? " process" : " processes")
        + " running; "
        + (action.stops()
            ? "stopped before this build's tests"
            : "left running (" + LeftoverAction.KEY + "=keep)")
        + ":"
        + System.lineSeparator()
        + LeakReport.messages(earlier.leaks());
  }

  /**
   * Which earlier build left a process carrying {@code cookie}, for {@code procleak:scan}: the
   * recorded build it belongs to, once that build's run is over, with the test that started it
   * where the build's journal says; empty for any other process.
   */
  public static Optional<String> leftBy(
      String cookie, List<BuildRecord> builds, SubtreeScanner scanner) {
    for (BuildRecord build : builds) {
      if (!EnvironmentCookie.belongsTo(cookie, build.cookie()) || !build.isOver(scanner)) {
        continue;
      }
      List<ScopeName> tests = new Survivors(build.journals()).testsAt(cookie);
      return Optional.of(
          "left by an earlier build of "
              + build.project()
              + " "
              + begunAndGone(build)
              + (tests.isEmpty() ? "" : ", started by test " + tests.get(0).display()));
    }
    return Optional.empty();
  }

  /** {@code (begun <when>, its build process pid <pid> gone)}. */
  private static String begunAndGone(BuildRecord build) {
    return "(begun "
        + build.started().truncatedTo(ChronoUnit.SECONDS)
        + ", its build process pid "
        + build.builder().pid()
        + " gone)";
  }
}
