package dev.procleak.core.cleanup;

import dev.procleak.core.model.Leak;
import dev.procleak.core.model.LeakKind;
import dev.procleak.core.scan.ProcessId;
import dev.procleak.core.scan.ProcessInfo;
import dev.procleak.core.scan.SubtreeScanner;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The running processes of one cleanup, parents before their children, and what was looked at: the
 * leaks it began with, and what was found below them while they were stopped.
 */
final class LeakedTree {
  /** A tree this large is a fork bomb: it is stopped as found rather than chased forever. */
  static final int MOST_PROCESSES = 10_000;

  private final SubtreeScanner scanner;
  private final List<Leak> leaks = new ArrayList<>();
  private final Map<ProcessId, Leak> running = new LinkedHashMap<>();
  private final Set<ProcessId> seen = new HashSet<>();

  LeakedTree(SubtreeScanner scanner, List<Leak> leaks) {
    this.scanner = scanner;
    this.leaks.addAll(leaks);
    leaks.stream()
        .filter(leak -> leak.kind() != LeakKind.ZOMBIE)
        .sorted(Comparator.comparingInt((Leak leak) -> leak.ancestors().size()))
        .forEach(leak -> running.put(leak.process(), leak));
    leaks.forEach(leak -> seen.add(leak.process()));
  }

  /** Every leak: those it began with, then those that joined. */
  List<Leak> leaks() {
    return leaks;
  }

  /** The processes that were running when found, parents first. */
  List<ProcessId> running() {
    return new ArrayList<>(running.keySet());
  }

  /**
   * The processes below this tree's live ones that it has not seen yet, parents before their
   * children. Zombies are left out: their parents were stopped before they could wait for them.
   */
  List<ProcessInfo> unseenBelow() {
    List<ProcessInfo> unseen = new ArrayList<>();
    if (seen.size() >= MOST_PROCESSES) {
      return unseen;
    }
    List<ProcessInfo> live = new ArrayList<>();
    Set<Long> livePids = new HashSet<>();
    for (ProcessId id : running.keySet()) {
      scanner
          .current(id)
          .ifPresent(
              process -> {
                live.add(process);
                livePids.add(process.pid());
              });
    }
    for (ProcessInfo top : live) {
      if (livePids.contains(top.parentPid())) {
        continue; // scanned with its parent's subtree
      }
      for (ProcessInfo below : scanner.scan(top.pid()).processes()) {
        if (!below.isZombie() && seen.add(below.id())) {
          unseen.add(below);
        }
      }
    }
    return unseen;
  }

  /** Adds what joined the tree; what was found but did not join stays seen, and untouched. */
  void join(List<Leak> joined) {
    for (Leak leak : joined) {
      leaks.add(leak);
      if (leak.kind() != LeakKind.ZOMBIE) {
        running.put(leak.process(), leak);
      }
    }
  }
}
