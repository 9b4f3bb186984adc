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
import dev.procleak.core.scan.ProcessId;
import dev.procleak.core.scan.ProcessInfo;
import dev.procleak.core.scan.ProcessTable;
import dev.procleak.core.scan.ProcfsScanner;
import dev.procleak.core.scan.SubtreeScanner;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Zombies on real processes: who is blamed, in which order they go, and which are no one's leak.
 */
class ZombieSemanticsTest {
  private static final long SELF = ProcessHandle.current().pid();

  private final CountingScanner scanner = new CountingScanner(new ProcfsScanner());
  private final ZombieReaper reaper = new ZombieReaper();
  private final LeakCheck check = new LeakCheck(scanner, SELF);
  private final Cleanup cleanup = new Cleanup(scanner, reaper);
  private Thread backgroundReaper;

  @BeforeAll
  static void armSubreaper() {
    assertThat(Subreaper.arm()).isTrue();
  }

  @AfterEach
  void stopBackgroundReaper() throws InterruptedException {
    if (backgroundReaper != null) {
      backgroundReaper.interrupt();
      backgroundReaper.join(TimeUnit.SECONDS.toMillis(10));
    }
  }

  @Test
  void aLeakedCulpritIsKilledFirstAndItsZombieIsThenReapedAndBothAreReported() {
    try (RealProcesses processes = new RealProcesses()) {
      CheckedScope scope = check.open(ScopeKind.TEST, () -> ScopeName.of("scope"), null);
      Process culprit = processes.zombies(1);
      ProcessInfo zombie = onlyChild(culprit.pid());

      List<Leak> leaks = endAndStop(scope);

      assertThat(leaks).extracting(Leak::kind).containsExactly(LeakKind.LINGERING, LeakKind.ZOMBIE);
      Leak culpritLeak = leaks.get(0);
      Leak zombieLeak = leaks.get(1);
      assertThat(culpritLeak.pid()).isEqualTo(culprit.pid());
      assertThat(culpritLeak.command()).isEqualTo("sleep 60");
      assertThat(culpritLeak.cleanup()).isEqualTo("terminated by SIGTERM");
      assertThat(zombieLeak.process()).isEqualTo(zombie.id());
      assertThat(zombieLeak.parentPid()).isEqualTo(culprit.pid());
      assertThat(zombieLeak.parent().command()).isEqualTo("sleep 60");
      // Only this JVM's waitpid yields a status, and only once the culprit died and handed the
      // zombie over: a status in the report proves the order.
      assertThat(zombieLeak.cleanup())
          .isEqualTo("reaped after its parent was killed: exited with code 0");
      assertThat(processes.lookup(zombie.id())).isNull();
    }
  }

  @Test
  void aZombieAdoptedAfterItsParentWasProperlyStoppedIsReapedQuietly() throws InterruptedException {
    backgroundReaper = reaper.startInBackground(scanner, SELF);
    try (RealProcesses processes = new RealProcesses()) {
      CheckedScope scope = check.open(ScopeKind.TEST, () -> ScopeName.of("scope"), null);
      // The test cleans up properly: it stops its child and waits for it. The child's own child
      // had already exited, unreaped; it comes to this JVM as a zombie, as it would come to init.
      Process child = processes.zombies(1);
      ProcessId grandchild = onlyChild(child.pid()).id();
      child.destroy();
      assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();

      List<Leak> leaks = endAndStop(scope);

      assertThat(leaks).isEmpty();
      RealProcesses.await(
          "the adopted zombie to be reaped", () -> processes.lookup(grandchild) == null);
      assertThat(reaper.statusOf(grandchild))
          .hasValueSatisfying(status -> assertThat(status).hasToString("exited with code 0"));
    }
  }

  @Test
  void aHordeOfZombiesIsBlamedOnOneCulpritAndGoesWithOneKill() {
    int horde = 200;
    try (RealProcesses processes = new RealProcesses()) {
      CheckedScope scope = check.open(ScopeKind.TEST, () -> ScopeName.of("scope"), null);
      Process culprit = processes.zombies(horde);
      List<ProcessInfo> zombies = scanner.scan(SELF).children(culprit.pid());
      scanner.lookups.set(0);

      long start = System.nanoTime();
      List<Leak> leaks = endAndStop(scope);
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

      assertThat(leaks).hasSize(horde + 1);
      assertThat(leaks.get(0).pid()).isEqualTo(culprit.pid());
      assertThat(leaks.get(0).cleanup()).isEqualTo("terminated by SIGTERM");
      List<Leak> zombieLeaks = leaks.subList(1, leaks.size());
      assertThat(zombieLeaks)
          .extracting(Leak::process)
          .containsExactlyInAnyOrderElementsOf(zombies.stream().map(ProcessInfo::id).toList());
      assertThat(zombieLeaks)
          .allSatisfy(
              leak -> {
                assertThat(leak.kind()).isEqualTo(LeakKind.ZOMBIE);
                assertThat(leak.command()).isEqualTo("cat");
                assertThat(leak.parentPid()).isEqualTo(culprit.pid());
                assertThat(leak.parent().command()).isEqualTo("sleep 60");
                assertThat(leak.cleanup())
                    .isEqualTo("reaped after its parent was killed: exited with code 0");
              });
      // A zombie keeps no command line: none is read, and no zombie is looked up one by one.
      assertThat(scanner.lookups.get()).isLessThan(horde / 4);
      zombies.forEach(zombie -> assertThat(processes.lookup(zombie.id())).isNull());
      System.out.printf(
          "procleak: %d zombies described and cleaned up in %d ms (one culprit killed)%n",
          horde, millis);
    }
  }

  /** What the glue does at a scope's end: judge, then stop what leaked. */
  private List<Leak> endAndStop(CheckedScope scope) {
    List<Leak> leaked = check.end(scope, ProcleakConfig.DEFAULTS);
    return cleanup.stop(leaked, found -> check.joined(scope, found, ProcleakConfig.DEFAULTS));
  }

  private ProcessInfo onlyChild(long pid) {
    List<ProcessInfo> children = scanner.scan(SELF).children(pid);
    assertThat(children).hasSize(1);
    return children.get(0);
  }

  /** Counts the one-by-one lookups the code under test makes. */
  static final class CountingScanner implements SubtreeScanner {
    final AtomicInteger lookups = new AtomicInteger();
    private final SubtreeScanner delegate;

    CountingScanner(SubtreeScanner delegate) {
      this.delegate = delegate;
    }

    @Override
    public ProcessTable scan(long rootPid) {
      return delegate.scan(rootPid);
    }

    @Override
    public ProcessInfo lookup(long pid) {
      lookups.incrementAndGet();
      return delegate.lookup(pid);
    }
  }
}
