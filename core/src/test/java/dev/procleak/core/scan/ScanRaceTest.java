package dev.procleak.core.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procleak.core.RealProcesses;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Scans race thousands of processes that exit between being listed and being read: every read must
 * take a vanished process for gone, never fail, and never return half a process.
 */
class ScanRaceTest {
  private static final long SELF = ProcessHandle.current().pid();
  private static final int STORM = 3000;

  @Test
  void scansDuringAForkStormSeeOnlyWholeProcessesAndNeverFail() throws Exception {
    ProcfsScanner scanner = new ProcfsScanner();
    Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
    AtomicInteger scans = new AtomicInteger();
    AtomicInteger scansThatSawTheStorm = new AtomicInteger();
    AtomicBoolean stormOver = new AtomicBoolean();
    List<Thread> scanners = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      Thread thread =
          new Thread(
              () -> {
                while (!stormOver.get()) {
                  try {
                    ProcessTable table = scanner.scan(SELF);
                    scans.incrementAndGet();
                    boolean sawStorm = false;
                    for (ProcessInfo process : table.processes()) {
                      // Whole processes only: each hangs below the root or below another one found.
                      assertThat(
                              process.parentPid() == SELF
                                  || table.get(process.parentPid()).isPresent())
                          .as("parent of %s", process)
                          .isTrue();
                      assertThat(process.id().startTime()).isPositive();
                      sawStorm |= process.name().equals("true");
                      // Details and identities of processes that are exiting right now.
                      ProcessDetails.commandLine(process, scanner);
                      scanner.lookup(process.pid());
                    }
                    if (sawStorm) {
                      scansThatSawTheStorm.incrementAndGet();
                    }
                  } catch (Throwable failure) {
                    failures.add(failure);
                  }
                }
              },
              "scan-race-" + i);
      thread.start();
      scanners.add(thread);
    }
    try (RealProcesses processes = new RealProcesses()) {
      Process storm = processes.shell("for i in $(seq " + STORM + "); do /bin/true & done; wait");
      assertThat(storm.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(storm.exitValue()).isZero();
    } finally {
      stormOver.set(true);
      for (Thread thread : scanners) {
        thread.join();
      }
    }

    assertThat(failures).isEmpty();
    assertThat(scansThatSawTheStorm.get())
        .as("scans that raced the storm, of %d", scans.get())
        .isPositive();
  }
}
