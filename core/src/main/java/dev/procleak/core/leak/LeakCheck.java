package dev.procleak.core.leak;

import dev.procleak.core.config.ProcleakConfig;
import dev.procleak.core.model.Ancestor;
import dev.procleak.core.model.CleanupOutcome;
import dev.procleak.core.model.Leak;
import dev.procleak.core.model.ScopeKind;
import dev.procleak.core.model.ScopeName;
import dev.procleak.core.origin.Origins;
import dev.procleak.core.os.ThreadIds;
import dev.procleak.core.scan.Holdings;
import dev.procleak.core.scan.Polling;
import dev.procleak.core.scan.ProcessClock;
import dev.procleak.core.scan.ProcessDetails;
import dev.procleak.core.scan.ProcessId;
import dev.procleak.core.scan.ProcessInfo;
import dev.procleak.core.scan.ProcessTable;
import dev.procleak.core.scan.SubtreeScanner;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Checks scopes: {@link #open} records the baseline, {@link #end} waits up to the grace period for
 * new processes to finish, then names what is left. Scopes may run at the same time; a process is
 * reported only by the scope that started it ({@link LeakRules#attribute}), and skipped by the
 * others, as is everything below it. What to do about a leak is not decided here: the caller cleans
 * up, and what it finds below a leak meanwhile {@link #joined joins} it.
 */
public final class LeakCheck {
  private final SubtreeScanner scanner;
  private final long rootPid;
  private final ScopeRegistry registry;
  private volatile Origins origins;

  public LeakCheck(SubtreeScanner scanner, long rootPid) {
    this(scanner, rootPid, new ScopeRegistry());
  }

  public LeakCheck(SubtreeScanner scanner, long rootPid, ScopeRegistry registry) {
    this.scanner = scanner;
    this.rootPid = rootPid;
    this.registry = registry;
  }

  /**
   * From now on, each leak found names the Java start its tree came from (or why none is known) and
   * what it holds; before, neither is asked.
   */
  public void traceWith(Origins tracing) {
    this.origins = tracing;
  }

  /** What leaks are traced with now; null before {@link #traceWith}. */
  public Origins tracing() {
    return origins;
  }

  public ProcessTable begin() {
    return scanner.scan(rootPid);
  }

  /** Begins the root's own scope, the parent of every scope that names none. */
  public CheckedScope openRoot(String name) {
    return registry.openRoot(name, begin());
  }

  /**
   * Begins a scope on the calling thread.
   *
   * @param parent the scope it runs inside, or null for the innermost one running on this thread
   */
  public CheckedScope open(ScopeKind kind, Supplier<ScopeName> name, CheckedScope parent) {
    ProcessTable baseline = begin();
    return registry.open(kind, name, parent, ThreadIds.current(), baseline);
  }

  /** The scopes still running besides the root's, innermost first. */
  public List<CheckedScope> running() {
    return registry.running();
  }

  /**
   * The names of the innermost scopes running now: the test running, or each of those running at
   * the same time; empty when none is (the JVM itself).
   */
  public List<ScopeName> innermostRunning() {
    List<CheckedScope> running = running();
    List<ScopeName> innermost = new ArrayList<>();
    for (CheckedScope scope : running) {
      if (running.stream().noneMatch(inner -> inner.parent() == scope)) {
        innermost.add(scope.name());
      }
    }
    return innermost;
  }

  /** Ends a scope that began with {@code baseline}, on this thread, inside no other. */
  public List<Leak> end(
      ProcessTable baseline, ScopeKind scopeKind, ScopeName scope, ProcleakConfig config) {
    return end(registry.open(scopeKind, () -> scope, null, ThreadIds.current(), baseline), config);
  }

  /**
   * Ends {@code scope} and returns what it leaked, not cleaned up yet: once no new process is left,
   * or when the grace period has passed.
   */
  public List<Leak> end(CheckedScope scope, ProcleakConfig config) {
    long deadline = System.nanoTime() + config.grace().toNanos();
    ProcessTable now;
    Map<Suspect, Attribution> reported;
    while (true) {
      // Scan, judge and end under one lock: of two candidates ending together, the second must
      // see the first as ended, or neither would report their leak.
      synchronized (registry) {
        now = scanner.scan(rootPid);
        reported = reported(scope, now);
        if (reported.isEmpty() || System.nanoTime() > deadline) {
          List<ProcessId> decided = new ArrayList<>();
          reported.keySet().forEach(suspect -> decided.add(suspect.process().id()));
          registry.end(scope, now, decided);
          break;
        }
      }
      Polling.pause();
    }
    return reported.isEmpty() ? List.of() : describe(reported, now, scope, config);
  }

  /**
   * The processes found below {@code scope}'s leaks while they were being stopped, as leaks of the
   * same scope: no later scope reports them. Those a filter spares, or another scope already
   * decided, are left out.
   */
  public List<Leak> joined(CheckedScope scope, List<ProcessInfo> found, ProcleakConfig config) {
    Map<Suspect, Attribution> joined = new LinkedHashMap<>();
    ProcessTable now;
    synchronized (registry) {
      now = scanner.scan(rootPid);
      List<ProcessId> decided = new ArrayList<>();
      for (ProcessInfo process : found) {
        if (registry.isSettled(process.id())) {
          continue;
        }
        ProcessInfo seen = now.get(process.id()).orElse(process);
        joined.put(new Suspect(LeakRules.kindOf(seen), seen), Attribution.mine(scope));
        decided.add(process.id());
      }
      registry.settle(decided);
    }
    return describe(joined, now, scope, config);
  }

  /** The suspects {@code scope} must report, with the scopes that could have started each. */
  private Map<Suspect, Attribution> reported(CheckedScope scope, ProcessTable now) {
    List<Suspect> suspects = LeakRules.suspects(scope.baseline(), now);
    if (suspects.isEmpty()) {
      return Map.of();
    }
    List<CheckedScope> scopes = registry.scopes();
    Map<Suspect, Attribution> reported = new LinkedHashMap<>();
    for (Suspect suspect : suspects) {
      if (registry.isSettledWithAncestor(suspect.process(), now)) {
        continue; // decided by a scope that ended, or hangs below what one decided
      }
      Attribution attribution = LeakRules.attribute(suspect.process(), now, scope, scopes);
      if (attribution.isReported()) {
        reported.put(suspect, attribution);
      }
    }
    return reported;
  }

  private List<Leak> describe(
      Map<Suspect, Attribution> suspects,
      ProcessTable now,
      CheckedScope scope,
      ProcleakConfig config) {
    Instant detected = Instant.now();
    Map<Long, String> commands = new HashMap<>();
    for (Suspect suspect : suspects.keySet()) {
      commands.put(suspect.process().pid(), ProcessDetails.commandLine(suspect.process(), scanner));
    }
    ProcessFilter filter = ProcessFilter.of(config);
    Origins tracing = origins;
    List<Leak> leaks = new ArrayList<>();
    for (Map.Entry<Suspect, Attribution> entry : suspects.entrySet()) {
      Suspect suspect = entry.getKey();
      ProcessInfo process = suspect.process();
      if (ignored(process, now, commands, filter)) {
        continue;
      }
      Duration age = ProcessClock.age(process.id()).orElse(null);
      List<String> candidates = new ArrayList<>();
      if (entry.getValue().verdict() == Attribution.Verdict.AMBIGUOUS) {
        entry
            .getValue()
            .candidates()
            .forEach(candidate -> candidates.add(candidate.name().display()));
        candidates.sort(null);
      }
      leaks.add(
          new Leak(
              suspect.kind(),
              process.id(),
              commands.get(process.pid()),
              ancestors(process, now, commands),
              scope.kind(),
              scope.name(),
              age == null ? null : detected.minus(age),
              age,
              CleanupOutcome.NOT_CLEANED_UP,
              candidates,
              tracing == null ? null : tracing.of(process, now, scanner),
              tracing == null ? Holdings.NONE : Holdings.of(process, scanner)));
    }
    return leaks;
  }

  /** The live chain from the process's parent up to the root, which ends it. */
  private List<Ancestor> ancestors(
      ProcessInfo process, ProcessTable now, Map<Long, String> commands) {
    List<Ancestor> chain = new ArrayList<>();
    ProcessInfo child = process;
    long pid = process.parentPid();
    for (int hops = 0; hops <= now.processes().size(); hops++) {
      if (pid == rootPid) {
        chain.add(Ancestor.testJvm(rootPid));
        break;
      }
      ProcessInfo ancestor = now.get(pid).orElse(null);
      if (ancestor == null) {
        chain.add(Ancestor.process(pid, ProcessDetails.parentCommandLine(child, now, scanner)));
        break;
      }
      chain.add(
          Ancestor.process(
              pid,
              commands.computeIfAbsent(pid, p -> ProcessDetails.commandLine(ancestor, scanner))));
      child = ancestor;
      pid = ancestor.parentPid();
    }
    return chain;
  }

  /** A process is ignored with its whole subtree when it or a new ancestor matches a filter. */
  private static boolean ignored(
      ProcessInfo process, ProcessTable now, Map<Long, String> commands, ProcessFilter filter) {
    List<String> chain = new ArrayList<>();
    ProcessInfo current = process;
    for (int hops = 0; current != null && hops <= now.processes().size(); hops++) {
      chain.add(commands.get(current.pid()));
      current = now.get(current.parentPid()).orElse(null);
    }
    return filter.sparesAny(chain);
  }
}
