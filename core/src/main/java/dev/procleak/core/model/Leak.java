package dev.procleak.core.model;

import dev.procleak.core.origin.Origin;
import dev.procleak.core.scan.Holdings;
import dev.procleak.core.scan.ProcessId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One leaked process, with everything a developer needs to find the code that made it.
 *
 * @param kind zombie, orphan or lingering child
 * @param process pid and start time
 * @param command the command line, or the kernel's name where none is kept (zombies)
 * @param ancestors the live processes above it, its parent first, up to the test JVM when it is
 *     still there; for a zombie the first is the culprit that never waited; an orphan's real parent
 *     has exited, so its first is the process that adopted it
 * @param scopeKind test, class, JVM or survivor found by {@code check}
 * @param scope the name of the test, class or JVM scope during which the process appeared
 * @param startedAt when the process started, or null where unknown
 * @param age how long it had existed when it was found to have leaked, or null where unknown
 * @param outcome what procleak did about it
 * @param candidates when tests ran at the same time and procleak cannot tell which of them started
 *     the process: the names of all of them as shown, sorted, {@code scope} (the last of them to
 *     end, which reports it) among them; else empty
 * @param origin the Java start its tree came from, or why none is known; null where nothing was
 *     asked (a report written before procleak recorded starts)
 * @param holdings the sockets it listened on and its working directory when found
 */
public record Leak(
    LeakKind kind,
    ProcessId process,
    String command,
    List<Ancestor> ancestors,
    ScopeKind scopeKind,
    ScopeName scope,
    Instant startedAt,
    Duration age,
    CleanupOutcome outcome,
    List<String> candidates,
    Origin origin,
    Holdings holdings) {

  public Leak {
    Objects.requireNonNull(scope, "scope");
    ancestors = List.copyOf(ancestors);
    if (ancestors.isEmpty()) {
      throw new IllegalArgumentException("a leak has at least its parent");
    }
    candidates = List.copyOf(candidates);
    holdings = holdings == null ? Holdings.NONE : holdings;
  }

  /** A leak whose origin and holdings are not known yet. */
  public Leak(
      LeakKind kind,
      ProcessId process,
      String command,
      List<Ancestor> ancestors,
      ScopeKind scopeKind,
      ScopeName scope,
      Instant startedAt,
      Duration age,
      CleanupOutcome outcome,
      List<String> candidates) {
    this(
        kind,
        process,
        command,
        ancestors,
        scopeKind,
        scope,
        startedAt,
        age,
        outcome,
        candidates,
        null,
        Holdings.NONE);
  }

  /** A leak pinned to one scope: no candidates. */
  public Leak(
      LeakKind kind,
      ProcessId process,
      String command,
      List<Ancestor> ancestors,
      ScopeKind scopeKind,
      ScopeName scope,
      Instant startedAt,
      Duration age,
      CleanupOutcome outcome) {
    this(kind, process, command, ancestors, scopeKind, scope, startedAt, age, outcome, List.of());
  }

  public long pid() {
    return process.pid();
  }

  /** The current parent: for a zombie, the culprit; for an orphan, whoever adopted it. */
  public Ancestor parent() {
    return ancestors.get(0);
  }

  public long parentPid() {
    return parent().pid();
  }

  /** What cleanup did, as one phrase. */
  public String cleanup() {
    return outcome.toString();
  }

  /** The scope as it reads in a sentence: "test a.B.c()", "class a.B (outside ...)". */
  public String scopeDescription() {
    return scopeKind.describe(scope);
  }

  public Leak withOutcome(CleanupOutcome cleaned) {
    return new Leak(
        kind,
        process,
        command,
        ancestors,
        scopeKind,
        scope,
        startedAt,
        age,
        cleaned,
        candidates,
        origin,
        holdings);
  }

  public Leak withScope(ScopeName named) {
    return new Leak(
        kind,
        process,
        command,
        ancestors,
        scopeKind,
        named,
        startedAt,
        age,
        outcome,
        candidates,
        origin,
        holdings);
  }

  /** With where its tree came from and what it holds. */
  /** The same, with {@code named} the tests that may have started it ({@code scope} among them). */
  public Leak withCandidates(List<String> named) {
    return new Leak(
        kind, process, command, ancestors, scopeKind, scope, startedAt, age, outcome, named, origin,
        holdings);
  }

  public Leak withDetails(Origin from, Holdings held) {
    return new Leak(
        kind,
        process,
        command,
        ancestors,
        scopeKind,
        scope,
        startedAt,
        age,
        outcome,
        candidates,
        from,
        held);
  }

  /** Whether several tests that ran at the same time could have started it. */
  public boolean isAmbiguous() {
    return !candidates.isEmpty();
  }
}
