package dev.procleak.core.leak;

import dev.procleak.core.scan.ProcessInfo;
import dev.procleak.core.scan.ProcessTable;
import java.util.ArrayList;
import java.util.List;

/** Turns a baseline and a later snapshot of the same root into suspects, by kind. */
public final class LeakRules {
  private LeakRules() {}

  public static List<Suspect> suspects(ProcessTable baseline, ProcessTable now) {
    List<Suspect> suspects = new ArrayList<>();
    for (ProcessInfo process : now.processes()) {
      if (baseline.contains(process.id())) {
        continue;
      }
      boolean childOfRoot = process.parentPid() == now.rootPid();
      if (process.isZombie()) {
        // Under the root, a zombie is either the JDK's own child about to be reaped or an
        // orphan that finished after adoption: neither is left running by anyone. An adopted
        // zombie elsewhere (macOS: under launchd) is init's to reap, as it will.
        if (!childOfRoot && !process.adopted()) {
          suspects.add(new Suspect(LeakKind.ZOMBIE, process));
        }
      } else {
        // Adopted: by the root as subreaper (Linux), by init (macOS), or by no one (Windows).
        suspects.add(new Suspect(process.adopted() ? LeakKind.ORPHAN : LeakKind.LINGERING, process));
      }
    }
    return suspects;
  }

  /** Zombies the root adopted: the root must reap them, since no one else will. */
  public static List<ProcessInfo> adoptedZombies(ProcessTable now) {
    List<ProcessInfo> zombies = new ArrayList<>();
    for (ProcessInfo process : now.processes()) {
      if (process.isZombie() && process.adopted() && process.parentPid() == now.rootPid()) {
        zombies.add(process);
      }
    }
    return zombies;
  }
}
