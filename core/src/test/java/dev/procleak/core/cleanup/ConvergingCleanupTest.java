package dev.procleak.core.cleanup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procleak.core.RealProcesses;
import dev.procleak.core.config.ProcleakConfig;
import dev.procleak.core.leak.CheckedScope;
import dev.procleak.core.leak.LeakCheck;
import dev.procleak.core.model.Leak;
import dev.procleak.core.model.LeakKind;
import dev.procleak.core.model.ScopeKind;
import dev.procleak.core.model.ScopeName;
import dev.procleak.core.os.Subreaper;
import dev.procleak.core.scan.ProcessInfo;
import dev.procleak.core.scan.ProcessTable;
import dev.procleak.core.scan.ProcfsScanner;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Trees that keep changing while they are cleaned up, on real processes, through what the glue does
 * at a scope's end: the test that leaked them is blamed for everything they started, the next test
 * and the class for nothing, and nothing is left running.
 */
class ConvergingCleanupTest {
  private static final long SELF = ProcessHandle.current().pid();

  /** A spawner that starts a child every few milliseconds and never waits for them. */
  private static final String SPAWNER = "while :; do sleep 87 & sleep 0.005; done";

  private final ProcfsScanner scanner = new ProcfsScanner();
  private final ZombieReaper reaper = new ZombieReaper();
  private final LeakCheck check = new LeakCheck(scanner, SELF);
  private final Cleanup cleanup = new Cleanup(scanner, reaper);
  private Thread backgroundReaper;
  private ProcessTable before;

  @BeforeAll
  static void armSubreaper() {
    assertThat(Subreaper.arm()).isTrue();
  }

  @BeforeEach
  void startReaping() {
    // As the session does: what its shell never waited for comes to this JVM once the shell is
    // killed.
    backgroundReaper = reaper.startInBackground(scanner, SELF);
    before = scanner.scan(SELF);
  }

  @AfterEach
  void stopReaping() throws InterruptedException {
    backgroundReaper.interrupt();
    backgroundReaper.join();
  }

  @Test
  void aSpawnerIsBlamedForEverythingItStartsWhileItIsStopped() {
    assertConverges(SPAWNER, LeakKind.ORPHAN, "terminated by SIGTERM");
  }

  @Test
  void aSpawnerThatIgnoresSigtermIsKilledWithWhatItStartedDuringTheGrace() {
    assertConverges(
        "trap '' TERM; " + SPAWNER, LeakKind.ORPHAN, "killed by SIGKILL (survived SIGTERM)");
  }

  @Test
  void whatIsStartedDuringTheGraceIsKilledWithoutBeingSaidToHaveSurvivedSigterm() {
    try (RealProcesses processes = new RealProcesses()) {
      CheckedScope test = check.open(ScopeKind.TEST, () -> ScopeName.of("a test"), null);
      // Its answer to SIGTERM is one more child, which its parent's SIGTERM never reaches.
      Process shell =
          processes.shell(
              "sh -c \"trap 'sleep 88 &' TERM; while :; do sleep 0.01; done\" >/dev/null 2>&1 &"
                  + " echo $!");
      long started = RealProcesses.readPid(shell);
      processes.track(started);
      // Its own sleep: one of an earlier test's, still being reaped, must not start the check
      // early.
      RealProcesses.await(
          "the loop to run",
          () ->
              scanner.scan(SELF).processes().stream()
                  .anyMatch(
                      process -> process.parentPid() == started && process.name().equals("sleep")));

      List<Leak> leaks = endAndStop(test);

      assertThat(leaks)
          .filteredOn(leak -> leak.pid() == started)
          .extracting(Leak::cleanup)
          .singleElement()
          .asString()
          .startsWith("killed by SIGKILL (survived SIGTERM)");
      assertThat(leaks)
          .filteredOn(leak -> leak.command().equals("sleep 88"))
          .extracting(Leak::cleanup)
          .singleElement()
          .asString()
          .startsWith("killed by SIGKILL (started during the SIGTERM grace)");
      assertNothingLeftRunning();
    }
  }

  @Test
  void aSpawnerInASessionAndProcessGroupOfItsOwnIsStoppedWithItsTree() {
    // setsid -f forks: the spawner's parent exits at once and it comes to this JVM, in a new
    // session; set -m puts each of its jobs in a process group of its own.
    assertConverges(
        "exec setsid -f sh -c 'set -m; " + SPAWNER + "'", LeakKind.ORPHAN, "terminated by SIGTERM");
  }

  @Test
  void aTreeOfHundredsIsStoppedWhole() {
    try (RealProcesses processes = new RealProcesses()) {
      CheckedScope testClass = check.open(ScopeKind.CLASS, () -> ScopeName.of("a class"), null);
      CheckedScope test = check.open(ScopeKind.TEST, () -> ScopeName.of("a test"), testClass);
      Process tree =
          processes.shell(
              "for i in $(seq 20); do sh -c 'for j in $(seq 20); do sleep 87 & done; wait' & done; wait");
      RealProcesses.await(
          "a tree of 421 processes", () -> scanner.scan(tree.pid()).processes().size() == 420);

      List<Leak> leaks = endAndStop(test);

      assertThat(leaks)
          .hasSize(421)
          .allSatisfy(leak -> assertThat(leak.scope()).isEqualTo(ScopeName.of("a test")));
      assertThat(leaks)
          .extracting(Leak::cleanup)
          .allSatisfy(outcome -> assertThat(outcome).startsWith("terminated by SIGTERM"));
      assertThat(endAndStop(testClass)).isEmpty();
      assertNothingLeftRunning();
    }
  }

  /**
   * A test leaves {@code script} running in the background, orphaned; the next test and the class
   * end after it.
   */
  private void assertConverges(String script, LeakKind kind, String spawnerOutcome) {
    try (RealProcesses processes = new RealProcesses()) {
      CheckedScope testClass = check.open(ScopeKind.CLASS, () -> ScopeName.of("a class"), null);
      CheckedScope leaking =
          check.open(ScopeKind.TEST, () -> ScopeName.of("the leaking test"), testClass);
      Process shell = processes.shell("sh -c \"" + script + "\" >/dev/null 2>&1 & echo $!");
      long started = RealProcesses.readPid(shell);
      processes.track(started);
      RealProcesses.await(
          "the spawner to have started a few children", () -> sleepsBelowThisJvm() >= 3);

      List<Leak> leaks = endAndStop(leaking);
      CheckedScope next =
          check.open(ScopeKind.TEST, () -> ScopeName.of("the next test"), testClass);
      List<Leak> ofTheNext = endAndStop(next);
      List<Leak> ofTheClass = endAndStop(testClass);

      assertThat(leaks)
          .allSatisfy(leak -> assertThat(leak.scope()).isEqualTo(ScopeName.of("the leaking test")));
      Leak spawner =
          leaks.stream()
              .filter(leak -> leak.command().startsWith("sh -c"))
              .findFirst()
              .orElseThrow();
      assertThat(spawner.kind()).isEqualTo(kind);
      assertThat(spawner.cleanup()).startsWith(spawnerOutcome);
      assertThat(leaks)
          .filteredOn(leak -> leak.command().equals("sleep 87"))
          .hasSizeGreaterThanOrEqualTo(3);
      assertThat(ofTheNext).isEmpty();
      assertThat(ofTheClass).isEmpty();
      assertNothingLeftRunning();
    }
  }

  /** What the session does at a scope's end: judge, then stop what leaked, with what joins it. */
  private List<Leak> endAndStop(CheckedScope scope) {
    List<Leak> leaked = check.end(scope, ProcleakConfig.DEFAULTS);
    return leaked.isEmpty()
        ? leaked
        : cleanup.stop(leaked, found -> check.joined(scope, found, ProcleakConfig.DEFAULTS));
  }

  private long sleepsBelowThisJvm() {
    return scanner.scan(SELF).processes().stream()
        .filter(process -> process.name().equals("sleep"))
        .count();
  }

  /** No process below this JVM that the test made is still running, nor left unreaped. */
  private void assertNothingLeftRunning() {
    RealProcesses.await(
        "every process the test made to be gone",
        () -> {
          for (ProcessInfo process : scanner.scan(SELF).processes()) {
            if (!before.contains(process.id())) {
              return false;
            }
          }
          return true;
        });
  }
}
