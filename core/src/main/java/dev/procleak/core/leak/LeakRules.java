package dev.procleak.core.leak;

import dev.procleak.core.leak.Attribution.Verdict;
import dev.procleak.core.model.LeakKind;
import dev.procleak.core.scan.ProcessInfo;
import dev.procleak.core.scan.ProcessTable;
import java.util.ArrayList;
import java.util.Collection;
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
      // Under the root, a zombie is either the JDK's own child about to be reaped or an
      // orphan that finished after adoption: neither is left running by anyone. An adopted
      // zombie elsewhere (macOS: under launchd) is init's to reap, as it will.
      if (!process.isZombie() || process.parentPid() != now.rootPid() && !process.adopted()) {
        suspects.add(new Suspect(kindOf(process), process));
      }
    }
    return suspects;
  }

  /**
   * The kind of a new process below the root: a zombie, an orphan when it lost the parent that
   * started it (the scanner marks it {@link ProcessInfo#adopted() adopted}: by the root as
   * subreaper on Linux, by init on macOS, by no one on Windows), else a lingering child.
   */
  static LeakKind kindOf(ProcessInfo process) {
    if (process.isZombie()) {
      return LeakKind.ZOMBIE;
    }
    return process.adopted() ? LeakKind.ORPHAN : LeakKind.LINGERING;
  }

  /**
   * Which scope started a new process, as {@code ending} sees it among {@code scopes}.
   *
   * <p>The process's origin is its ancestor (or itself) that is a child of the root. While the
   * root's thread that started the origin lives, the kernel lists the origin under that thread: the
   * innermost scope that ran on that thread while the origin started owns it. Otherwise (an orphan
   * the root adopted, a child of a thread that ended, a thread no scope ran on) every scope that
   * ran while the process started is a candidate. Only the innermost candidates count: a class is
   * no candidate when one of its tests is.
   */
  public static Attribution attribute(
      ProcessInfo process, ProcessTable now, CheckedScope ending, Collection<CheckedScope> scopes) {
    ProcessInfo origin = origin(process, now);
    Collection<CheckedScope> pool = scopes;
    long thread = origin == null ? 0 : now.forkingThread(origin.pid());
    if (thread != 0 && thread != now.rootPid()) {
      CheckedScope owner = innermostOn(thread, origin, scopes);
      if (owner != null) {
        pool = origin == process ? List.of(owner) : ownerAndInner(owner, scopes);
      }
    }
    List<CheckedScope> candidates = new ArrayList<>();
    for (CheckedScope scope : pool) {
      if (scope.couldHaveStarted(process.id())) {
        candidates.add(scope);
      }
    }
    candidates.removeIf(outer -> candidates.stream().anyMatch(outer::isAncestorOf));
    if (!candidates.contains(ending)) {
      return new Attribution(Verdict.NOT_MINE, candidates);
    }
    if (candidates.size() == 1) {
      return new Attribution(Verdict.MINE, candidates);
    }
    boolean othersRun = candidates.stream().anyMatch(scope -> scope != ending && scope.isActive());
    return new Attribution(othersRun ? Verdict.DEFERRED : Verdict.AMBIGUOUS, candidates);
  }

  /** The ancestor-or-self of {@code process} that is a child of the root, or null. */
  static ProcessInfo origin(ProcessInfo process, ProcessTable now) {
    ProcessInfo current = process;
    for (int hops = 0; current != null && hops <= now.processes().size(); hops++) {
      if (current.parentPid() == now.rootPid()) {
        return current;
      }
      current = now.get(current.parentPid()).orElse(null);
    }
    return null;
  }

  private static CheckedScope innermostOn(
      long thread, ProcessInfo origin, Collection<CheckedScope> scopes) {
    CheckedScope innermost = null;
    for (CheckedScope scope : scopes) {
      if (scope.thread() == thread
          && scope.couldHaveStarted(origin.id())
          && (innermost == null || scope.began() > innermost.began())) {
        innermost = scope;
      }
    }
    return innermost;
  }

  private static List<CheckedScope> ownerAndInner(
      CheckedScope owner, Collection<CheckedScope> scopes) {
    List<CheckedScope> pool = new ArrayList<>();
    for (CheckedScope scope : scopes) {
      if (scope == owner || owner.isAncestorOf(scope)) {
        pool.add(scope);
      }
    }
    return pool;
  }
}
