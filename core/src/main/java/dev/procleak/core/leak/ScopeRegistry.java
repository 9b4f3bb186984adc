package dev.procleak.core.leak;

import dev.procleak.core.model.ScopeKind;
import dev.procleak.core.model.ScopeName;
import dev.procleak.core.scan.ProcessId;
import dev.procleak.core.scan.ProcessInfo;
import dev.procleak.core.scan.ProcessTable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The scopes of one JVM that are running, or ended while one of those still ran: the candidates a
 * new process may belong to when tests run at the same time. Scopes end one at a time, under this
 * registry's lock, so that of two candidates ending together the second sees the first as ended and
 * decides.
 */
public final class ScopeRegistry {
  private final List<CheckedScope> scopes = new ArrayList<>();
  private final Set<ProcessId> settled = new HashSet<>();
  private CheckedScope root;
  private long sequence;

  /** The scope of the whole JVM: the parent of every scope that names no other. */
  public synchronized CheckedScope openRoot(String name, ProcessTable baseline) {
    ScopeName named = ScopeName.of(name);
    root = open(ScopeKind.JVM, () -> named, null, 0, baseline);
    return root;
  }

  /**
   * Registers a scope that has just taken its baseline.
   *
   * @param name how reports name it, asked for only when they do
   * @param parent the scope it runs inside; when null, the innermost scope still running on the
   *     same thread (a test that runs a nested engine), else the JVM's
   */
  public synchronized CheckedScope open(
      ScopeKind kind,
      Supplier<ScopeName> name,
      CheckedScope parent,
      long thread,
      ProcessTable baseline) {
    CheckedScope enclosing = parent != null ? parent : innermostActiveOn(thread);
    CheckedScope scope = new CheckedScope(kind, name, enclosing, thread, baseline, ++sequence);
    scopes.add(scope);
    return scope;
  }

  /** The scopes still running besides the JVM's, innermost (latest) first. */
  public synchronized List<CheckedScope> running() {
    List<CheckedScope> running = new ArrayList<>();
    for (CheckedScope scope : scopes) {
      if (scope.isActive() && scope != root) {
        running.add(0, scope);
      }
    }
    return running;
  }

  /** Whether a scope that ended already decided about the process. */
  synchronized boolean isSettled(ProcessId process) {
    return settled.contains(process);
  }

  /**
   * Whether a scope that ended already decided about the process or one of its ancestors in {@code
   * now}: what a leak starts after its scope ended is still that scope's.
   */
  synchronized boolean isSettledWithAncestor(ProcessInfo process, ProcessTable now) {
    ProcessInfo current = process;
    for (int hops = 0; current != null && hops <= now.processes().size(); hops++) {
      if (settled.contains(current.id())) {
        return true;
      }
      current = now.get(current.parentPid()).orElse(null);
    }
    return false;
  }

  /** Processes a scope that ended decided about later: what was found below its leaks. */
  synchronized void settle(Collection<ProcessId> decided) {
    settled.addAll(decided);
  }

  synchronized List<CheckedScope> scopes() {
    return List.copyOf(scopes);
  }

  /**
   * Ends a scope with the snapshot its verdicts were made on, and the processes it decided about
   * (reported, or ignored by its filters): no other scope judges them again, so that a class never
   * reports what one of its tests ignored. Forgets scopes no running scope can share a process with
   * any more: ended before every running scope that is not their ancestor began.
   */
  synchronized void end(CheckedScope scope, ProcessTable last, Collection<ProcessId> decided) {
    settled.addAll(decided);
    scope.end(last, ++sequence);
    List<CheckedScope> forgotten = new ArrayList<>();
    for (CheckedScope ended : scopes) {
      if (!ended.isActive() && !overlapsARunningScope(ended)) {
        forgotten.add(ended);
      }
    }
    scopes.removeAll(forgotten);
  }

  private boolean overlapsARunningScope(CheckedScope ended) {
    for (CheckedScope running : scopes) {
      if (running.isActive() && running.began() < ended.ended() && !running.isAncestorOf(ended)) {
        return true;
      }
    }
    return false;
  }

  private CheckedScope innermostActiveOn(long thread) {
    CheckedScope innermost = root;
    if (thread == 0) {
      return innermost;
    }
    for (CheckedScope scope : scopes) {
      if (scope.isActive()
          && scope.thread() == thread
          && (innermost == null || scope.began() > innermost.began())) {
        innermost = scope;
      }
    }
    return innermost;
  }
}
