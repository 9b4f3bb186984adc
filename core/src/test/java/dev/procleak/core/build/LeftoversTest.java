package dev.procleak.core.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procleak.core.RealProcesses;
import dev.procleak.core.config.LeftoverAction;
import dev.procleak.core.config.ProcleakConfig;
import dev.procleak.core.model.Leak;
import dev.procleak.core.model.ScopeKind;
import dev.procleak.core.model.ScopeName;
import dev.procleak.core.origin.JavaStart;
import dev.procleak.core.os.EnvironmentCookie;
import dev.procleak.core.report.BuildRecord;
import dev.procleak.core.report.StartJournal;
import dev.procleak.core.scan.ProcessId;
import dev.procleak.core.scan.ProcfsScanner;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which earlier builds' processes a build stops when it begins, on real processes: only those of a
 * build of the same project whose builder is gone.
 */
@EnabledOnOs(OS.LINUX)
class LeftoversTest {
  private static final String PROJECT = "/work/demo";
  private final ProcfsScanner scanner = new ProcfsScanner();

  @Test
  void whatABuildThatIsOverLeftIsNamedStoppedAndForgotten(@TempDir Path builds) throws Exception {
    try (RealProcesses processes = new RealProcesses()) {
      BuildRecord earlier = record(builds, PROJECT, gone(processes));
      ProcessId daemon = daemon(processes, earlier.cookie() + "/jvm-1-2/start-1", "sleep 67.71");

      List<Leftovers.Earlier> found =
          Leftovers.handle(
              builds, PROJECT, "this-build", ProcleakConfig.DEFAULTS, LeftoverAction.WARN);

      assertThat(found).hasSize(1);
      Leak leftover = found.get(0).leaks().get(0);
      assertThat(leftover.process()).isEqualTo(daemon);
      assertThat(leftover.scopeKind()).isEqualTo(ScopeKind.LEFTOVER);
      assertThat(leftover.scope().display()).isEqualTo(Leftovers.SCOPE);
      assertThat(leftover.cleanup()).isEqualTo("terminated by SIGTERM");
      assertThat(Leftovers.message(found.get(0), LeftoverAction.WARN))
          .contains(
              "left 1 process running; stopped before this build's tests:",
              "  ORPHAN    pid " + daemon.pid() + "  sleep 67.71");
      assertThat(earlier.folder()).doesNotExist();
    }
  }

  /** A concurrent build of the same project, on a CI agent with two executors. */
  @Test
  void aBuildStillRunningIsNeverTouched(@TempDir Path builds) throws Exception {
    try (RealProcesses processes = new RealProcesses()) {
      ProcessId builder = daemon(processes, "not-a-build", "sleep 67.72");
      BuildRecord running = record(builds, PROJECT, builder);
      ProcessId daemon = daemon(processes, running.cookie() + "/jvm-1-2/start-1", "sleep 67.73");

      assertThat(
              Leftovers.handle(
                  builds, PROJECT, "this-build", ProcleakConfig.DEFAULTS, LeftoverAction.WARN))
          .isEmpty();

      assertThat(scanner.current(daemon)).isPresent();
      assertThat(running.folder()).exists();
    }
  }

  @Test
  void anotherProjectsLeftoverIsLeftToItsOwnNextBuild(@TempDir Path builds) throws Exception {
    try (RealProcesses processes = new RealProcesses()) {
      BuildRecord other = record(builds, "/work/another", gone(processes));
      ProcessId daemon = daemon(processes, other.cookie() + "/jvm-1-2", "sleep 67.74");

      assertThat(
              Leftovers.handle(
                  builds, PROJECT, "this-build", ProcleakConfig.DEFAULTS, LeftoverAction.FAIL))
          .isEmpty();

      assertThat(scanner.current(daemon)).isPresent();
      assertThat(other.folder()).as("kept: its own next build names it").exists();
    }
  }

  @Test
  void aBuildThatIsOverAndLeftNothingIsForgotten(@TempDir Path builds) throws Exception {
    try (RealProcesses processes = new RealProcesses()) {
      BuildRecord other = record(builds, "/work/another", gone(processes));

      assertThat(
              Leftovers.handle(
                  builds, PROJECT, "this-build", ProcleakConfig.DEFAULTS, LeftoverAction.WARN))
          .isEmpty();

      assertThat(other.folder()).doesNotExist();
    }
  }

  @Test
  void keepNamesThemAndLeavesThemRunning(@TempDir Path builds) throws Exception {
    try (RealProcesses processes = new RealProcesses()) {
      BuildRecord earlier = record(builds, PROJECT, gone(processes));
      ProcessId daemon = daemon(processes, earlier.cookie() + "/jvm-1-2", "sleep 67.75");

      List<Leftovers.Earlier> found =
          Leftovers.handle(
              builds, PROJECT, "this-build", ProcleakConfig.DEFAULTS, LeftoverAction.KEEP);

      assertThat(found.get(0).leaks().get(0).cleanup()).startsWith("left running");
      assertThat(Leftovers.message(found.get(0), LeftoverAction.KEEP))
          .contains("left 1 process running; left running (procleak.leftovers=keep):");
      assertThat(scanner.current(daemon)).isPresent();
      assertThat(earlier.folder()).as("kept for the next build").exists();
    }
  }

  /** What procleak:scan says of an orphan: which build left it, and the test its journal names. */
  @Test
  void scanIsToldWhichBuildLeftAProcessAndItsTest(@TempDir Path builds) throws Exception {
    try (RealProcesses processes = new RealProcesses()) {
      BuildRecord over = record(builds, PROJECT, gone(processes));
      String jvm = over.cookie() + "/jvm-3-4";
      StartJournal.of(builds, jvm)
          .append(
              new JavaStart(2, 99, Instant.now(), "sleep 1", List.of()),
              List.of(ScopeName.method("demo.DaemonTest", "leaves()", "")));
      BuildRecord running = record(builds, PROJECT, daemon(processes, "none", "sleep 67.76"));
      List<BuildRecord> recorded = BuildRecord.readAll(builds);

      assertThat(Leftovers.leftBy(jvm + "/start-2/start-1", recorded, scanner))
          .hasValueSatisfying(
              text ->
                  assertThat(text)
                      .startsWith("left by an earlier build of " + PROJECT + " (begun ")
                      .endsWith(
                          ", its build process pid "
                              + over.builder().pid()
                              + " gone), started by test demo.DaemonTest.leaves()"));
      assertThat(Leftovers.leftBy(over.cookie(), recorded, scanner))
          .hasValueSatisfying(text -> assertThat(text).endsWith(" gone)"));
      assertThat(Leftovers.leftBy(running.cookie() + "/jvm-1-1", recorded, scanner)).isEmpty();
      assertThat(Leftovers.leftBy("another-build/jvm-1-1", recorded, scanner)).isEmpty();
    }
  }

  private static BuildRecord record(Path builds, String project, ProcessId builder)
      throws Exception {
    return BuildRecord.write(builds, "demo-" + UUID.randomUUID(), project, builder);
  }

  /** The identity of a process that has exited: a builder that is gone. */
  private ProcessId gone(RealProcesses processes) throws Exception {
    Process builder = new ProcessBuilder("sleep", "0.01").start();
    ProcessId id = processes.track(builder.pid());
    builder.waitFor();
    return id;
  }

  private ProcessId daemon(RealProcesses processes, String cookie, String command)
      throws Exception {
    ProcessBuilder daemon = new ProcessBuilder(command.split(" "));
    daemon.environment().put(EnvironmentCookie.VARIABLE, cookie);
    ProcessId id = processes.track(daemon.start().pid());
    RealProcesses.await("it to run sleep", () -> scanner.lookup(id.pid()).name().equals("sleep"));
    return id;
  }
}
