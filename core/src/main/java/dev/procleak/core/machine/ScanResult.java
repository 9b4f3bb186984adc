package dev.procleak.core.machine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code procleak:scan} found on the machine.
 *
 * @param user whose processes were looked at
 * @param scannedAt when the first snapshot was taken
 * @param grace how long a finding had to stay to be reported
 * @param sessionsKnown whether the system gave sessions and process groups (Linux), without
 *     which most orphans cannot be told from daemons
 * @param culprits the parents of the zombies, the one with most zombies first
 * @param orphans the orphans, oldest first
 */
public record ScanResult(
    String user,
    Instant scannedAt,
    Duration grace,
    boolean sessionsKnown,
    List<Culprit> culprits,
    List<FoundProcess> orphans) {

  public ScanResult {
    culprits = List.copyOf(culprits);
    orphans = List.copyOf(orphans);
  }

  /** The zombies in the culprits' order. */
  public List<FoundProcess> zombies() {
    List<FoundProcess> zombies = new ArrayList<>();
    culprits.forEach(culprit -> zombies.addAll(culprit.zombies()));
    return zombies;
  }

  public boolean isEmpty() {
    return culprits.isEmpty() && orphans.isEmpty();
  }
}
