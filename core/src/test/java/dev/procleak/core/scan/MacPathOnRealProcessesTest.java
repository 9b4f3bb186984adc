package dev.procleak.core.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procleak.core.leak.LeakRules;
import dev.procleak.core.leak.Suspect;
import dev.procleak.core.model.LeakKind;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The macOS path on real processes, wherever this suite runs on a Mac (these build machines run
 * Linux, where {@link RecordedSnapshotsTest} covers the same rules on recorded listings).
 */
@EnabledOnOs(OS.MAC)
class MacPathOnRealProcessesTest {
  private static final long SELF = ProcessHandle.current().pid();
  private static final Duration DEADLINE = Duration.ofSeconds(20);

  private final AncestryScanner scanner = AncestryScanner.macOS();

  @Test
  void seesAZombieWithItsStateAndItsCulprit() throws Exception {
    ProcessTable baseline = scanner.scan(SELF);
    Process culprit = new ProcessBuilder("sh", "-c", "sleep 0.2 & exec sleep 30").start();
    try {
      await("a zombie under the culprit", () -> zombieUnder(culprit.pid()) != null);
      ProcessTable now = scanner.scan(SELF);
      ProcessInfo zombie = zombieUnder(culprit.pid());

      assertThat(LeakRules.suspects(baseline, now))
          .contains(
              new Suspect(LeakKind.LINGERING, now.get(culprit.pid()).orElseThrow()),
              new Suspect(LeakKind.ZOMBIE, zombie));
    } finally {
      culprit.destroyForcibly();
      culprit.waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void findsUnderLaunchdAnOrphanItSawBeforeItsParentDied() throws Exception {
    ProcessTable baseline = scanner.scan(SELF);
    Process shell = new ProcessBuilder("sh", "-c", "sleep 60 & echo $!; read line").start();
    long orphan =
        Long.parseLong(
            new BufferedReader(
                    new InputStreamReader(shell.getInputStream(), StandardCharsets.UTF_8))
                .readLine()
                .trim());
    ProcessId seen = null;
    try {
      await(
          "the child under its shell",
          () ->
              scanner.scan(SELF).get(orphan).filter(p -> p.parentPid() == shell.pid()).isPresent());
      seen = scanner.lookup(orphan).id();
      shell.getOutputStream().close();
      assertThat(shell.waitFor(10, TimeUnit.SECONDS)).isTrue();
      await("launchd to adopt it", () -> scanner.lookup(orphan).parentPid() == 1);

      ProcessTable now = scanner.scan(SELF);

      ProcessInfo adopted = now.get(orphan).orElseThrow();
      assertThat(adopted.adopted()).isTrue();
      assertThat(LeakRules.suspects(baseline, now)).contains(new Suspect(LeakKind.ORPHAN, adopted));
    } finally {
      ProcessInfo still = scanner.lookup(orphan);
      if (seen != null && still != null && still.id().equals(seen)) {
        ProcessHandle.of(orphan).ifPresent(ProcessHandle::destroyForcibly);
      }
    }
  }

  private ProcessInfo zombieUnder(long pid) {
    List<ProcessInfo> children = scanner.scan(SELF).children(pid);
    return children.stream().filter(ProcessInfo::isZombie).findFirst().orElse(null);
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long end = System.nanoTime() + DEADLINE.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("timed out after " + DEADLINE + " waiting for " + what);
      }
      Thread.sleep(10);
    }
  }
}
