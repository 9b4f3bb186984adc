package dev.procleak.core.leak;

import dev.procleak.core.model.ScopeKind;
import dev.procleak.core.model.ScopeName;
import dev.procleak.core.scan.ProcessId;
import dev.procleak.core.scan.ProcessTable;
import java.util.function.Supplier;

/**
 * One scope being checked, or checked a moment ago: what existed when it began, the thread it began
 * on, the scope it runs inside, and, once it ended, what existed at its end. Those two snapshots
 * bound the processes it could have started: one missing from its baseline and present at its end
 * (or while it still runs) started during it.
 */
public final class CheckedScope {
  private final ScopeKind kind;
  private final Supplier<ScopeName> naming;
  private volatile ScopeName name;
  private final CheckedScope parent;
  private final long thread;
  private final ProcessTable baseline;
  private final long began;
  private volatile long ended;
  private volatile ProcessTable atEnd;

  CheckedScope(
      ScopeKind kind,
      Supplier<ScopeName> naming,
      CheckedScope parent,
      long thread,
      ProcessTable baseline,
      long began) {
    this.kind = kind;
    this.naming = naming;
    this.parent = parent;
    this.thread = thread;
    this.baseline = baseline;
    this.began = began;
  }

  /** A test, a class or the whole JVM. */
  public ScopeKind kind() {
    return kind;
  }

  /** How messages and reports name it, e.g. {@code com.example.FooTest.bar()}. */
  public ScopeName name() {
    // Named on first use: only a leak needs the name, and some names cost more than the check.
    ScopeName known = name;
    if (known == null) {
      known = naming.get();
      name = known;
    }
    return known;
  }

  /** The scope it runs inside (its class, the test that launched a nested engine), or null. */
  public CheckedScope parent() {
    return parent;
  }

  /** The kernel id of the thread it began on, or 0 when unknown. */
  public long thread() {
    return thread;
  }

  public ProcessTable baseline() {
    return baseline;
  }

  long began() {
    return began;
  }

  long ended() {
    return ended;
  }

  public boolean isActive() {
    return ended == 0;
  }

  void end(ProcessTable last, long sequence) {
    atEnd = last;
    ended = sequence;
  }

  /** Whether the process started while this scope ran: after its baseline, and before its end. */
  boolean couldHaveStarted(ProcessId process) {
    if (baseline.contains(process)) {
      return false;
    }
    ProcessTable last = atEnd;
    return last == null || last.contains(process);
  }

  boolean isAncestorOf(CheckedScope other) {
    for (CheckedScope current = other.parent; current != null; current = current.parent) {
      if (current == this) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    ScopeName known = name;
    return known == null ? null : known.display();
  }
}
