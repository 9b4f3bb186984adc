package dev.procleak.core.cleanup;

import dev.procleak.core.leak.LeakRules;
import dev.procleak.core.os.Reaper;
import dev.procleak.core.os.WaitStatus;
import dev.procleak.core.scan.ProcessId;
import dev.procleak.core.scan.ProcessInfo;
import dev.procleak.core.scan.ProcessTable;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reaps zombies this JVM adopted as subreaper. The JDK never waits for processes it did not
 * start, so without this they would stay {@code <defunct>} until the JVM exits.
 */
public final class ZombieReaper {
  /** The JDK reaps its own children within microseconds; a zombie still here after this is not the JDK's. */
  static final Duration SETTLE = Duration.ofMillis(100);

  private final Map<ProcessId, Long> firstSeen = new ConcurrentHashMap<>();

  /** Reaps the adopted zombies of {@code table} that have stayed zombies for a while. */
  public void reapSettled(ProcessTable table) {
    long now = System.nanoTime();
    firstSeen.keySet().removeIf(id -> !table.contains(id));
    for (ProcessInfo zombie : LeakRules.adoptedZombies(table)) {
      long seen = firstSeen.computeIfAbsent(zombie.id(), id -> now);
      if (now - seen >= SETTLE.toNanos()) {
        reap(zombie);
      }
    }
  }

  /** Reaps one zombie child of this JVM, which must not be a process the JDK started. */
  public Optional<WaitStatus> reap(ProcessInfo zombie) {
    firstSeen.remove(zombie.id());
    return Reaper.reap(zombie.pid());
  }
}
