package dev.procleak.core.leak;

import dev.procleak.core.cleanup.Cleanup;
import dev.procleak.core.cleanup.Polling;
import dev.procleak.core.cleanup.ZombieReaper;
import dev.procleak.core.config.ProcleakConfig;
import dev.procleak.core.scan.ProcessClock;
import dev.procleak.core.scan.ProcessDetails;
import dev.procleak.core.scan.ProcessInfo;
import dev.procleak.core.scan.ProcessTable;
import dev.procleak.core.scan.SubtreeScanner;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks one scope: {@link #begin()} records the baseline, {@link #end} waits up to the grace
 * period for new processes to finish, then names what is left and cleans it up.
 */
public final class LeakCheck {
  private final SubtreeScanner scanner;
  private final ZombieReaper reaper;
  private final long rootPid;

  public LeakCheck(SubtreeScanner scanner, ZombieReaper reaper, long rootPid) {
    this.scanner = scanner;
    this.reaper = reaper;
    this.rootPid = rootPid;
  }

  public ProcessTable begin() {
    return scanner.scan(rootPid);
  }

  public List<Leak> end(ProcessTable baseline, ScopeKind scopeKind, String scope, ProcleakConfig config) {
    long deadline = System.nanoTime() + config.grace().toNanos();
    ProcessTable now;
    List<Suspect> suspects;
    while (true) {
      now = scanner.scan(rootPid);
      suspects = LeakRules.suspects(baseline, now);
      if (suspects.isEmpty()) {
        return List.of();
      }
      if (System.nanoTime() > deadline) {
        break;
      }
      Polling.pause();
    }
    List<Leak> leaks = describe(suspects, now, scopeKind, scope, config);
    if (leaks.isEmpty()) {
      return leaks;
    }
    if (config.cleanup()) {
      return new Cleanup(scanner, reaper).clean(leaks, now);
    }
    List<Leak> kept = new ArrayList<>();
    for (Leak leak : leaks) {
      kept.add(leak.withOutcome(CleanupOutcome.of(CleanupOutcome.Action.LEFT_RUNNING_CLEANUP_DISABLED)));
    }
    return kept;
  }

  private List<Leak> describe(
      List<Suspect> suspects, ProcessTable now, ScopeKind scopeKind, String scope, ProcleakConfig config) {
    Instant detected = Instant.now();
    Map<Long, String> commands = new HashMap<>();
    for (Suspect suspect : suspects) {
      commands.put(suspect.process().pid(), ProcessDetails.commandLine(suspect.process(), scanner));
    }
    List<Leak> leaks = new ArrayList<>();
    for (Suspect suspect : suspects) {
      ProcessInfo process = suspect.process();
      if (ignored(process, now, commands, config)) {
        continue;
      }
      Duration age = ProcessClock.age(process.id()).orElse(null);
      leaks.add(
          new Leak(
              suspect.kind(),
              process.id(),
              commands.get(process.pid()),
              ancestors(process, now, commands),
              scopeKind,
              scope,
              age == null ? null : detected.minus(age),
              age,
              CleanupOutcome.NOT_CLEANED_UP));
    }
    return leaks;
  }

  /** The live chain from the process's parent up to the root, which ends it. */
  private List<Ancestor> ancestors(ProcessInfo process, ProcessTable now, Map<Long, String> commands) {
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
      chain.add(Ancestor.process(pid, commands.computeIfAbsent(pid, p -> ProcessDetails.commandLine(ancestor, scanner))));
      child = ancestor;
      pid = ancestor.parentPid();
    }
    return chain;
  }

  /** A process is ignored with its whole subtree when it or a new ancestor matches a filter. */
  private boolean ignored(ProcessInfo process, ProcessTable now, Map<Long, String> commands, ProcleakConfig config) {
    ProcessInfo current = process;
    for (int hops = 0; current != null && hops <= now.processes().size(); hops++) {
      String command = commands.get(current.pid());
      if (command != null && (BuiltInFilters.matches(command) || config.ignores(command))) {
        return true;
      }
      current = now.get(current.parentPid()).orElse(null);
    }
    return false;
  }
}
