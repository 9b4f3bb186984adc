package dev.procleak.core.session;

import dev.procleak.core.cleanup.Terminator;
import dev.procleak.core.leak.Leak;
import dev.procleak.core.leak.LeakKind;
import dev.procleak.core.os.EnvironmentCookie;
import dev.procleak.core.scan.CookieSearch;
import dev.procleak.core.scan.ProcessDetails;
import dev.procleak.core.scan.ProcessId;
import dev.procleak.core.scan.ProcessInfo;
import dev.procleak.core.scan.SubtreeScanner;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Processes of a build that outlived its test JVMs, found by the build's cookie: every process
 * whose cookie is the build's or one of its test JVMs' ({@link EnvironmentCookie#belongsTo}),
 * never one without it.
 */
public final class Survivors {
  public static final String SCOPE = "the test JVM, found still running after it exited";

  private final SubtreeScanner scanner = SubtreeScanner.forThisPlatform();

  /** The survivors carrying {@code cookie}, described as leaks. */
  public List<Leak> find(String cookie) {
    return find(cookie, SCOPE);
  }

  /** The processes carrying {@code cookie}, or one below it, described as leaks of {@code scope}. */
  public List<Leak> find(String cookie, String scope) {
    List<ProcessInfo> processes = new ArrayList<>();
    for (long pid : CookieSearch.find(cookie)) {
      ProcessInfo process = scanner.lookup(pid);
      if (process != null) {
        processes.add(process);
      }
    }
    Set<Long> pids = new HashSet<>();
    processes.forEach(process -> pids.add(process.pid()));
    List<Leak> leaks = new ArrayList<>();
    for (ProcessInfo process : processes) {
      // The top of each escaped tree has lost its parent; the rest still hang below it.
      LeakKind kind = pids.contains(process.parentPid()) ? LeakKind.LINGERING : LeakKind.ORPHAN;
      leaks.add(
          new Leak(
              kind,
              process.id(),
              ProcessDetails.commandLine(process.pid(), process.name()),
              process.parentPid(),
              ProcessDetails.commandLine(process.parentPid(), "?"),
              scope,
              "left running"));
    }
    return leaks;
  }

  /** Terminates the survivors, children before parents. */
  public List<Leak> terminate(List<Leak> survivors) {
    List<ProcessId> targets = new ArrayList<>();
    for (int i = survivors.size() - 1; i >= 0; i--) {
      targets.add(survivors.get(i).process());
    }
    Map<ProcessId, String> outcomes = new Terminator(scanner).terminate(targets);
    List<Leak> cleaned = new ArrayList<>();
    for (Leak leak : survivors) {
      cleaned.add(leak.withCleanup(outcomes.get(leak.process())));
    }
    return cleaned;
  }
}
