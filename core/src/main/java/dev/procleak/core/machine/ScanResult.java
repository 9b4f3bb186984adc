package dev.procleak.core.machine;

import dev.procleak.core.model.CleanupOutcome;
import dev.procleak.core.model.Leak;
import dev.procleak.core.model.ScopeKind;
import dev.procleak.core.model.ScopeName;
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
 * @param sessionsKnown whether the system gave sessions and process groups (Linux), without which
 *     most orphans cannot be told from daemons
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

  /** The scope every finding is reported in, as it reads in a sentence. */
  public String scope() {
    return "the processes of user " + user + " on this machine";
  }

  /**
   * The zombies (in the culprits' order), then the orphans, as leaks in the {@link
   * ScopeKind#MACHINE} scope.
   */
  public List<Leak> leaks() {
    List<Leak> leaks = new ArrayList<>();
    zombies().forEach(zombie -> leaks.add(toLeak(zombie)));
    orphans.forEach(orphan -> leaks.add(toLeak(orphan)));
    return leaks;
  }

  private Leak toLeak(FoundProcess found) {
    Duration age =
        found.startedAt() == null ? null : Duration.between(found.startedAt(), scannedAt);
    return new Leak(
        found.kind(),
        found.process(),
        found.command(),
        found.ancestors(),
        ScopeKind.MACHINE,
        ScopeName.of(scope()),
        found.startedAt(),
        age == null || age.isNegative() ? null : age,
        CleanupOutcome.NOT_CLEANED_UP);
  }

  public boolean isEmpty() {
    return culprits.isEmpty() && orphans.isEmpty();
  }
}
