package dev.procleak.core.leak;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procleak.core.RealProcesses;
import dev.procleak.core.cleanup.ZombieReaper;
import dev.procleak.core.config.ProcleakConfig;
import dev.procleak.core.model.Leak;
import dev.procleak.core.model.ScopeKind;
import dev.procleak.core.model.ScopeName;
import dev.procleak.core.os.Subreaper;
import dev.procleak.core.scan.ProcessTable;
import dev.procleak.core.scan.ProcfsScanner;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A clean scope that starts thousands of short-lived processes while scans and the background
 * reaper run: no false leak, no exception, and no exit status taken from the JDK.
 */
class ForkStormTest {
  private static final long SELF = ProcessHandle.current().pid();

  @BeforeAll
  static void armSubreaper() {
    assertThat(Subreaper.arm()).isTrue();
  }

  @Test
  void aCleanScopeThatForksThousandsOfProcessesLeaksNothing() throws Exception {
    ProcfsScanner scanner = new ProcfsScanner();
    ZombieReaper reaper = new ZombieReaper();
    LeakCheck check = new LeakCheck(scanner, SELF);
    Thread backgroundReaper = reaper.startInBackground(scanner, SELF);
    Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
    AtomicBoolean stormOver = new AtomicBoolean();
    AtomicInteger polls = new AtomicInteger();
    try (RealProcesses processes = new RealProcesses()) {
      ProcessTable baseline = check.begin();
      // What a scope's end does, over and over, while the storm blows.
      Thread poller =
          new Thread(
              () -> {
                while (!stormOver.get()) {
                  try {
                    LeakRules.suspects(baseline, scanner.scan(SELF));
                    polls.incrementAndGet();
                  } catch (Throwable failure) {
                    failures.add(failure);
                  }
                }
              },
              "storm-poller");
      poller.start();

      // Children of a shell that waits for them, and double-forked orphans this JVM adopts and
      // its background reaper reaps.
      Process shells =
          processes.shell(
              "for i in $(seq 3000); do /bin/true & done; for i in $(seq 300); do (/bin/true &); done; wait");
      // Children of the JVM itself, from several threads: each must keep its own exit status.
      List<Thread> starters = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        Thread starter =
            new Thread(
                () -> {
                  try {
                    for (int i = 0; i < 100; i++) {
                      Process process = new ProcessBuilder("sh", "-c", "exit 7").start();
                      assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
                      assertThat(process.exitValue()).as("exit status of a JDK child").isEqualTo(7);
                    }
                  } catch (IOException | InterruptedException | AssertionError failure) {
                    failures.add(failure);
                  }
                },
                "storm-starter-" + t);
        starter.start();
        starters.add(starter);
      }
      for (Thread starter : starters) {
        starter.join();
      }
      assertThat(shells.waitFor(120, TimeUnit.SECONDS)).isTrue();
      stormOver.set(true);
      poller.join();

      List<Leak> leaks =
          check.end(
              baseline, ScopeKind.TEST, ScopeName.of("a clean scope"), ProcleakConfig.DEFAULTS);

      assertThat(failures).isEmpty();
      assertThat(leaks).isEmpty();
      assertThat(polls.get()).isPositive();
    } finally {
      stormOver.set(true);
      backgroundReaper.interrupt();
      backgroundReaper.join();
    }
  }
}
