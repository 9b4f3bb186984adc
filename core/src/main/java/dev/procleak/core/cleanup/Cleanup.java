package dev.procleak.core.cleanup;

import dev.procleak.core.model.CleanupOutcome;
import dev.procleak.core.model.CleanupOutcome.Action;
import dev.procleak.core.model.Leak;
import dev.procleak.core.model.LeakKind;
import dev.procleak.core.os.Freezing;
import dev.procleak.core.os.ThisProcess;
import dev.procleak.core.os.WaitStatus;
import dev.procleak.core.scan.Polling;
import dev.procleak.core.scan.ProcessId;
import dev.procleak.core.scan.ProcessInfo;
import dev.procleak.core.scan.ProcessTable;
import dev.procleak.core.scan.SubtreeScanner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stops what leaked as a whole, so that nothing it starts meanwhile escapes: every running leak is
 * stopped (SIGSTOP, parents first) and what is found below it joins, until nothing new appears;
 * then each gets SIGTERM and is let continue so that the signal lands; whatever ignores it is
 * stopped again with what it started during the grace, and killed. Zombies go away once their
 * culprit is killed and this JVM, their new reaper, waits for them.
 */
public final class Cleanup {
  static final Duration STOP_DEADLINE = Duration.ofSeconds(5);
  static final Duration TERM_GRACE = Duration.ofSeconds(1);
  static final Duration KILL_DEADLINE = Duration.ofSeconds(10);
  static final Duration REAP_DEADLINE = Duration.ofSeconds(5);
  static final Duration REAPED_ELSEWHERE_DEADLINE = Duration.ofSeconds(1);
  private static final long SELF = ThisProcess.pid();

  /**
   * Windows has no signals: the JDK's destroy() there is TerminateProcess, which cannot be ignored.
   */
  private static final Action TERMINATED =
      System.getProperty("os.name", "").startsWith("Windows")
          ? Action.TERMINATED_BY_TERMINATEPROCESS
          : Action.TERMINATED_BY_SIGTERM;

  /** Describes what is found below a leak while its tree is stopped. */
  @FunctionalInterface
  public interface Joiner {
    /**
     * The leaks that {@code found} (parents before their children) are, in the scope whose leak
     * they hang below; a process left out is spared (a filter matched it): it is not touched.
     */
    List<Leak> join(List<ProcessInfo> found);
  }

  private final SubtreeScanner scanner;
  private final ZombieReaper reaper;
  private final Signaller signals;

  /**
   * @param reaper reaps the zombies this JVM adopts; null where the leaks are not below it
   */
  public Cleanup(SubtreeScanner scanner, ZombieReaper reaper) {
    this.scanner = scanner;
    this.reaper = reaper;
    this.signals = new Signaller(scanner);
  }

  /** The leaks as left running, because cleanup is off. */
  public static List<Leak> leftRunning(List<Leak> leaks) {
    List<Leak> kept = new ArrayList<>();
    for (Leak leak : leaks) {
      kept.add(leak.withOutcome(CleanupOutcome.of(Action.LEFT_RUNNING_CLEANUP_DISABLED)));
    }
    return kept;
  }

  /**
   * Stops {@code leaks} with everything found below them, and returns them with their outcome,
   * followed by the leaks that joined them.
   */
  public List<Leak> stop(List<Leak> leaks, Joiner joiner) {
    LeakedTree tree = new LeakedTree(scanner, leaks);
    Map<ProcessId, Action> actions = new HashMap<>();
    stopWhole(tree, joiner);
    List<ProcessId> targets = tree.running();
    for (ProcessId target : targets) {
      actions.put(target, signals.terminate(target) ? TERMINATED : Action.ALREADY_GONE);
    }
    for (int i = targets.size() - 1; i >= 0; i--) {
      signals.resume(targets.get(i)); // children first: each dies before its parent can see it go
    }
    signals.awaitGone(targets, TERM_GRACE);
    if (targets.stream().anyMatch(signals::isRunning)) {
      // What ignores SIGTERM may have started more during the grace: stop it all again first.
      Set<ProcessId> warned = new HashSet<>(targets);
      stopWhole(tree, joiner);
      targets = tree.running();
      for (ProcessId target : targets) {
        if (signals.isRunning(target) && signals.kill(target)) {
          actions.put(
              target,
              warned.contains(target)
                  ? Action.KILLED_BY_SIGKILL
                  : Action.KILLED_BY_SIGKILL_STARTED_DURING_GRACE);
        }
      }
      signals.awaitGone(targets, KILL_DEADLINE);
    }
    if (reaper != null) {
      reapAdopted(tree.leaks());
    }
    awaitReapedElsewhere(tree.leaks()); // where this JVM is not their subreaper
    return withOutcomes(tree.leaks(), actions);
  }

  /**
   * Stops every running process of the tree, parents first, and what is found below, until nothing
   * new appears.
   */
  private void stopWhole(LeakedTree tree, Joiner joiner) {
    if (!Freezing.isSupported()) {
      return; // Windows: terminated as found
    }
    long end = System.nanoTime() + STOP_DEADLINE.toNanos();
    Set<ProcessId> stopped = new HashSet<>();
    while (true) {
      for (ProcessId process : tree.running()) {
        if (stopped.add(process)) {
          signals.stop(process);
        }
      }
      List<ProcessInfo> found = tree.unseenBelow();
      if (!found.isEmpty()) {
        tree.join(joiner.join(found));
        continue;
      }
      if (System.nanoTime() > end || tree.running().stream().allMatch(this::isHeld)) {
        return;
      }
      Polling.pause();
    }
  }

  /** Stopped, exited or gone: it starts nothing any more. */
  private boolean isHeld(ProcessId id) {
    return scanner
        .current(id)
        .map(process -> process.isStopped() || process.isZombie())
        .orElse(true);
  }

  private List<Leak> withOutcomes(List<Leak> leaks, Map<ProcessId, Action> actions) {
    List<Leak> cleaned = new ArrayList<>();
    for (Leak leak : leaks) {
      WaitStatus status = reaper == null ? null : reaper.statusOf(leak.process()).orElse(null);
      CleanupOutcome outcome;
      if (leak.kind() != LeakKind.ZOMBIE) {
        outcome =
            new CleanupOutcome(actions.getOrDefault(leak.process(), Action.ALREADY_GONE), status);
      } else if (status != null) {
        outcome = new CleanupOutcome(Action.REAPED_AFTER_PARENT_KILLED, status);
      } else if (scanner.current(leak.process()).isEmpty()) {
        outcome =
            CleanupOutcome.of(
                isLeaked(leaks, leak.parentPid())
                    ? Action.REAPED_BY_INIT_AFTER_PARENT_KILLED
                    : Action.REAPED_BY_PARENT);
      } else if (isLeaked(leaks, leak.parentPid())) {
        outcome = CleanupOutcome.of(Action.NOT_YET_REAPED_AFTER_PARENT_KILLED);
      } else {
        outcome = CleanupOutcome.of(Action.LEFT_PARENT_NOT_STARTED_IN_SCOPE);
      }
      cleaned.add(leak.withOutcome(outcome));
    }
    return cleaned;
  }

  /**
   * Waits for the leaked processes that are now zombies of this JVM. One missing from the walk of
   * this JVM's tree is read by its identity: while a killed JVM's threads end one by one, its
   * zombies move from thread to thread and then to this JVM, and a walk can pass them by.
   */
  private void reapAdopted(List<Leak> leaks) {
    long end = System.nanoTime() + REAP_DEADLINE.toNanos();
    while (true) {
      ProcessTable below = scanner.scan(SELF);
      boolean pending = false;
      for (Leak leak : leaks) {
        ProcessInfo now =
            below.get(leak.process()).or(() -> scanner.current(leak.process())).orElse(null);
        if (now == null || !now.isZombie()) {
          continue;
        }
        if (now.parentPid() != SELF) {
          pending |= isLeaked(leaks, now.parentPid()); // its culprit is dying: it will come to us
        } else if (now.adopted() || leak.parentPid() != SELF) {
          // No JDK thread waits for it: this JVM did not start it, or it came from a killed parent.
          reaper.reap(now);
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

  /**
   * Gives whoever adopted the zombies of the killed culprits (init, or a subreaper above this JVM)
   * a moment to reap them, as a real init does within milliseconds.
   */
  private void awaitReapedElsewhere(List<Leak> leaks) {
    List<ProcessId> orphaned =
        leaks.stream()
            .filter(leak -> leak.kind() == LeakKind.ZOMBIE && isLeaked(leaks, leak.parentPid()))
            .map(Leak::process)
            .filter(zombie -> reaper == null || reaper.statusOf(zombie).isEmpty())
            .toList();
    long end = System.nanoTime() + REAPED_ELSEWHERE_DEADLINE.toNanos();
    while (orphaned.stream().anyMatch(id -> scanner.current(id).isPresent())
        && System.nanoTime() < end) {
      Polling.pause();
    }
  }

  private static boolean isLeaked(List<Leak> leaks, long pid) {
    return leaks.stream().anyMatch(leak -> leak.pid() == pid && leak.kind() != LeakKind.ZOMBIE);
  }
}
