package dev.procleak.core.cleanup;

import dev.procleak.core.os.Freezing;
import dev.procleak.core.scan.Polling;
import dev.procleak.core.scan.ProcessId;
import dev.procleak.core.scan.SubtreeScanner;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;

/**
 * Signals processes by identity: pid and start time are read again right before each signal, since
 * a pid alone may already name someone else's process.
 */
final class Signaller {
  private final SubtreeScanner scanner;

  Signaller(SubtreeScanner scanner) {
    this.scanner = scanner;
  }

  boolean stop(ProcessId id) {
    return scanner.current(id).isPresent() && Freezing.stop(id.pid());
  }

  boolean resume(ProcessId id) {
    return scanner.current(id).isPresent() && Freezing.resume(id.pid());
  }

  /** SIGTERM (TerminateProcess on Windows); false when the process was gone. */
  boolean terminate(ProcessId id) {
    return destroy(id, false);
  }

  boolean kill(ProcessId id) {
    return destroy(id, true);
  }

  boolean isRunning(ProcessId id) {
    return scanner.current(id).filter(process -> !process.isZombie()).isPresent();
  }

  /** Waits until none of {@code ids} runs, or {@code deadline} passed. */
  void awaitGone(Collection<ProcessId> ids, Duration deadline) {
    long end = System.nanoTime() + deadline.toNanos();
    while (ids.stream().anyMatch(this::isRunning) && System.nanoTime() < end) {
      Polling.pause();
    }
  }

  private boolean destroy(ProcessId id, boolean force) {
    Optional<ProcessHandle> handle = ProcessHandle.of(id.pid());
    // Checked after taking the handle: the JDK re-checks its own start time on destroy.
    if (handle.isEmpty() || scanner.current(id).isEmpty()) {
      return false;
    }
    return force ? handle.get().destroyForcibly() : handle.get().destroy();
  }
}
