package dev.procleak.core.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procleak.core.RealProcesses;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Details are read by pid but trusted only while the pid still names the process the scan saw. */
class ProcessDetailsTest {
  private final ProcfsScanner scanner = new ProcfsScanner();

  @Test
  void theCommandLineOfTheProcessTheScanSaw() {
    try (RealProcesses processes = new RealProcesses()) {
      long pid = processes.shell("exec sleep 60").pid();
      RealProcesses.await(
          "the shell to exec sleep", () -> scanner.lookup(pid).name().equals("sleep"));
      ProcessInfo sleeper = scanner.lookup(pid);

      assertThat(ProcessDetails.commandLine(sleeper, scanner)).isEqualTo("sleep 60");
    }
  }

  @Test
  void aPidThatNowNamesAnotherProcessLendsItNoCommandLine() {
    try (RealProcesses processes = new RealProcesses()) {
      ProcessInfo now = scanner.lookup(processes.shell("exec sleep 60").pid());
      ProcessInfo earlierOwnerOfThePid =
          new ProcessInfo(
              new ProcessId(now.pid(), now.id().startTime() - 1),
              now.parentPid(),
              'S',
              "old-name",
              false);

      assertThat(ProcessDetails.commandLine(earlierOwnerOfThePid, scanner)).isEqualTo("old-name");
    }
  }

  @Test
  void aParentPidNowHeldByAYoungerProcessNamesAnExitedParent() {
    try (RealProcesses processes = new RealProcesses()) {
      ProcessInfo younger = scanner.lookup(processes.shell("exec sleep 60").pid());
      // A child older than the process that holds its parent's pid now: its parent is gone.
      ProcessInfo child =
          new ProcessInfo(
              new ProcessId(1 << 30, younger.id().startTime() - 1),
              younger.pid(),
              'S',
              "child",
              true);

      assertThat(ProcessDetails.parentCommandLine(child, new ProcessTable(1, List.of()), scanner))
          .isEqualTo(ProcessDetails.EXITED);
    }
  }

  @Test
  void aZombieIsDescribedByItsNameWithoutAnyRead() {
    ProcessInfo zombie = new ProcessInfo(new ProcessId(1 << 30, 5), 1, 'Z', "defunct-name", false);

    SubtreeScanner noReads =
        new SubtreeScanner() {
          @Override
          public ProcessTable scan(long rootPid) {
            throw new AssertionError("scanned " + rootPid);
          }

          @Override
          public ProcessInfo lookup(long pid) {
            throw new AssertionError("looked up " + pid);
          }
        };

    assertThat(ProcessDetails.commandLine(zombie, noReads)).isEqualTo("defunct-name");
  }
}
