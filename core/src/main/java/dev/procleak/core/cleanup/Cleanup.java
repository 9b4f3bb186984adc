package dev.procleak.core.cleanup;

import dev.procleak.core.scan.Polling;
import dev.procleak.core.model.CleanupOutcome;
import dev.procleak.core.model.CleanupOutcome.Action;
import dev.procleak.core.model.Leak;
import dev.procleak.core.model.LeakKind;
import dev.procleak.core.os.WaitStatus;
import dev.procleak.core.scan.ProcessId;
import dev.procleak.core.scan.ProcessInfo;
import dev.procleak.core.scan.ProcessTable;
import dev.procleak.core.scan.SubtreeScanner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Removes what leaked below this JVM: running processes deepest first, so that no parent dies
 * before its children and orphans them; then zombies, which go away once their culprit is
 * killed and this JVM, their new reaper, waits for them.
 */
public final class Cleanup {
  static final Duration REAP_DEADLINE = Duration.ofSeconds(5);

  private final SubtreeScanner scanner;
  private final ZombieReaper reaper;

  public Cleanup(SubtreeScanner scanner, ZombieReaper reaper) {
    this.scanner = scanner;
    this.reaper = reaper;
  }

  /** Cleans up {@code leaks} found in {@code table} and returns them with their outcome. */
  public List<Leak> clean(List<Leak> leaks, ProcessTable table) {
    List<ProcessId> targets = new ArrayList<>();
    leaks.stream()
        .filter(leak -> leak.kind() != LeakKind.ZOMBIE)
        .sorted(Comparator.comparingInt((Leak leak) -> table.get(leak.pid()).map(table::depth).orElse(0)).reversed())
        .forEach(leak -> targets.add(leak.process()));
    Map<ProcessId, Action> signalled = new Terminator(scanner).terminate(targets);
    reapAdopted(leaks);

    List<Leak> cleaned = new ArrayList<>();
    for (Leak leak : leaks) {
      WaitStatus status = reaper.statusOf(leak.process()).orElse(null);
      CleanupOutcome outcome;
      if (leak.kind() != LeakKind.ZOMBIE) {
        outcome = new CleanupOutcome(signalled.get(leak.process()), status);
      } else if (status != null) {
        outcome = new CleanupOutcome(Action.REAPED_AFTER_PARENT_KILLED, status);
      } else if (!isStill(leak.process())) {
        outcome =
            CleanupOutcome.of(
                isLeaked(leaks, leak.parentPid())
                    ? Action.REAPED_BY_INIT_AFTER_PARENT_KILLED
                    : Action.REAPED_BY_PARENT);
      } else {
        outcome = CleanupOutcome.of(Action.LEFT_PARENT_NOT_STARTED_IN_SCOPE);
      }
      cleaned.add(leak.withOutcome(outcome));
    }
    return cleaned;
  }

  /** Waits for the leaked processes that are now zombies of this JVM. */
  private void reapAdopted(List<Leak> leaks) {
    long root = ProcessHandle.current().pid();
    long end = System.nanoTime() + REAP_DEADLINE.toNanos();
    while (true) {
      ProcessTable now = scanner.scan(root);
      boolean pending = false;
      for (Leak leak : leaks) {
        ProcessInfo found = now.get(leak.pid()).filter(p -> p.id().equals(leak.process())).orElse(null);
        if (found == null || !found.isZombie()) {
          continue;
        }
        if (found.parentPid() != root) {
          pending |= isLeaked(leaks, found.parentPid()); // its culprit is dying: it will come to us
        } else if (found.adopted()) {
          reaper.reap(found);
        } else {
          pending = true; // the JDK is about to reap its own child
        }
      }
      if (!pending || System.nanoTime() > end) {
        return;
      }
      Polling.pause();
    }
  }

  private boolean isStill(ProcessId id) {
    ProcessInfo now = scanner.lookup(id.pid());
    return now != null && now.id().equals(id);
  }

  private static boolean isLeaked(List<Leak> leaks, long pid) {
    return leaks.stream().anyMatch(leak -> leak.pid() == pid && leak.kind() != LeakKind.ZOMBIE);
  }
}
