package dev.procleak.core.cleanup;

import dev.procleak.core.scan.Polling;
import dev.procleak.core.model.CleanupOutcome.Action;
import dev.procleak.core.scan.ProcessId;
import dev.procleak.core.scan.ProcessInfo;
import dev.procleak.core.scan.SubtreeScanner;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * SIGTERM, a short grace, then SIGKILL for whatever ignored it. The identity (pid and start
 * time) is re-checked right before each signal: a pid alone may already name someone else's
 * process.
 */
public final class Terminator {
  static final Duration TERM_GRACE = Duration.ofSeconds(1);
  static final Duration KILL_DEADLINE = Duration.ofSeconds(10);

  /** Windows has no signals: the JDK's destroy() there is TerminateProcess, which cannot be ignored. */
  private static final Action TERMINATED =
      System.getProperty("os.name", "").startsWith("Windows")
          ? Action.TERMINATED_BY_TERMINATEPROCESS
          : Action.TERMINATED_BY_SIGTERM;

  private final SubtreeScanner scanner;

  public Terminator(SubtreeScanner scanner) {
    this.scanner = scanner;
  }

  /** Terminates {@code targets} in the given order and returns what it took for each. */
  public Map<ProcessId, Action> terminate(List<ProcessId> targets) {
    Map<ProcessId, Action> outcomes = new LinkedHashMap<>();
    for (ProcessId target : targets) {
      outcomes.put(target, signal(target, false) ? TERMINATED : Action.ALREADY_GONE);
    }
    waitUntilStopped(targets, TERM_GRACE);
    for (ProcessId target : targets) {
      if (isRunning(target) && signal(target, true)) {
        outcomes.put(target, Action.KILLED_BY_SIGKILL);
      }
    }
    waitUntilStopped(targets, KILL_DEADLINE);
    return outcomes;
  }

  public boolean isRunning(ProcessId id) {
    ProcessInfo process = current(id);
    return process != null && !process.isZombie();
  }

  private void waitUntilStopped(List<ProcessId> targets, Duration deadline) {
    long end = System.nanoTime() + deadline.toNanos();
    while (targets.stream().anyMatch(this::isRunning) && System.nanoTime() < end) {
      Polling.pause();
    }
  }

  private ProcessInfo current(ProcessId id) {
    ProcessInfo process = scanner.lookup(id.pid());
    return process != null && process.id().equals(id) ? process : null;
  }

  private boolean signal(ProcessId id, boolean force) {
    Optional<ProcessHandle> handle = ProcessHandle.of(id.pid());
    // Checked after taking the handle: the JDK re-checks its own start time on destroy.
    if (handle.isEmpty() || current(id) == null) {
      return false;
    }
    return force ? handle.get().destroyForcibly() : handle.get().destroy();
  }
}
