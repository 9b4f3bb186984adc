package dev.procleak.core.machine;

import dev.procleak.core.scan.ProcessId;
import java.time.Instant;
import java.util.List;

/**
 * A live process that never waits for its exited children: killing it, or fixing it to wait, is the
 * only way to remove its zombies.
 *
 * @param process pid and start time
 * @param command its command line
 * @param startedAt when it started, or null where the system does not say
 * @param zombies its zombies, oldest first
 */
public record Culprit(
    ProcessId process, String command, Instant startedAt, List<FoundProcess> zombies) {
  public Culprit {
    zombies = List.copyOf(zombies);
  }

  public long pid() {
    return process.pid();
  }
}
