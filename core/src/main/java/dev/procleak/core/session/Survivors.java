package dev.procleak.core.session;

import dev.procleak.core.cleanup.Cleanup;
import dev.procleak.core.leak.ProcessFilter;
import dev.procleak.core.model.Ancestor;
import dev.procleak.core.model.CleanupOutcome;
import dev.procleak.core.model.Leak;
import dev.procleak.core.model.LeakKind;
import dev.procleak.core.model.ScopeKind;
import dev.procleak.core.model.ScopeName;
import dev.procleak.core.origin.Origin;
import dev.procleak.core.origin.Origins;
import dev.procleak.core.os.EnvironmentCookie;
import dev.procleak.core.os.ThisProcess;
import dev.procleak.core.report.StartJournal;
import dev.procleak.core.scan.CookieSearch;
import dev.procleak.core.scan.Holdings;
import dev.procleak.core.scan.ProcessClock;
import dev.procleak.core.scan.ProcessDetails;
import dev.procleak.core.scan.ProcessInfo;
import dev.procleak.core.scan.ProcessTable;
import dev.procleak.core.scan.SubtreeScanner;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Processes of a build that outlived its test JVMs, found by the build's cookie: every process
 * whose cookie is the build's or one of its test JVMs' ({@link EnvironmentCookie#belongsTo}), never
 * one without it.
 */
public final class Survivors {
  public static final String SCOPE = "the test JVM, found still running after it exited";

  private final SubtreeScanner scanner = SubtreeScanner.forThisPlatform();
  private final Map<String, Path> journals;
  private final Map<String, StartJournal.Read> read = new HashMap<>();

  /** Survivors named by their cookie alone. */
  public Survivors() {
    this(Map.of());
  }

  /**
   * Survivors named, where their JVM journaled their start, after the test that ran then and the
   * code that started them.
   *
   * @param journals each test JVM's journal of its starts, by the JVM's cookie
   */
  public Survivors(Map<String, Path> journals) {
    this.journals = Map.copyOf(journals);
  }

  /**
   * The survivors carrying {@code cookie} that {@code filter} does not spare, described as leaks.
   */
  public List<Leak> find(String cookie, ProcessFilter filter) {
    return find(cookie, ScopeKind.SURVIVOR, SCOPE, filter);
  }

  /**
   * The processes carrying {@code cookie}, or one below it, described as leaks of {@code scope};
   * without those {@code filter} spares: a match, and whatever hangs below a match in the escaped
   * tree.
   */
  public List<Leak> find(String cookie, ScopeKind scopeKind, String scope, ProcessFilter filter) {
    return describe(CookieSearch.find(cookie, scanner), scopeKind, scope, filter, false);
  }

  /**
   * Describes what cleanup finds below survivors while it stops them: leaks of the same scope,
   * lingering below their parent.
   */
  public Cleanup.Joiner joiner(ScopeKind scopeKind, String scope, ProcessFilter filter) {
    return found -> describe(found, scopeKind, scope, filter, true);
  }

  /**
   * {@code processes} described as leaks of {@code scope}, without those {@code filter} spares:
   * unless they hang {@code belowALeak}, the top of each escaped tree, whose parent is not among
   * them, is an orphan.
   */
  private List<Leak> describe(
      List<ProcessInfo> processes,
      ScopeKind scopeKind,
      String scope,
      ProcessFilter filter,
      boolean belowALeak) {
    ProcessTable found = new ProcessTable(ThisProcess.pid(), processes);
    Set<Long> pids = new HashSet<>();
    processes.forEach(process -> pids.add(process.pid()));
    Instant detected = Instant.now();
    List<Leak> leaks = new ArrayList<>();
    for (ProcessInfo process : processes) {
      String command = ProcessDetails.commandLine(process, scanner);
      List<Ancestor> ancestors = ancestors(process, found, pids);
      if (spared(command, ancestors, pids, filter)) {
        continue;
      }
      LeakKind kind =
          belowALeak || pids.contains(process.parentPid()) ? LeakKind.LINGERING : LeakKind.ORPHAN;
      Duration age = ProcessClock.age(process.id()).orElse(null);
      Optional<JournaledStart> start = journaled(process);
      Leak leak =
          new Leak(
                  kind,
                  process.id(),
                  command,
                  ancestors,
                  scopeKind,
                  ScopeName.of(scope),
                  age == null ? null : detected.minus(age),
                  age,
                  CleanupOutcome.NOT_CLEANED_UP)
              .withDetails(
                  start.map(JournaledStart::origin).orElse(null), Holdings.of(process, scanner));
      leaks.add(start.map(journaled -> journaled.name(leak)).orElse(leak));
    }
    return leaks;
  }

  /** A survivor's start as its JVM journaled it: where it was started, and during which test. */
  private record JournaledStart(Origin origin, List<ScopeName> running) {
    Leak name(Leak leak) {
      if (running.isEmpty()) {
        return leak; // started outside any test: the JVM's
      }
      List<String> candidates = new ArrayList<>();
      if (running.size() > 1) {
        running.forEach(scope -> candidates.add(scope.display()));
        candidates.sort(null);
      }
      return leak.withScope(running.get(0)).withCandidates(candidates);
    }
  }

  /**
   * The tests that ran when the start that {@code cookie} names was made, as its JVM journaled
   * them; empty where no journal says.
   */
  public List<ScopeName> testsAt(String cookie) {
    return journalOf(cookie)
        .flatMap(journal -> journal.starts().byCookie(cookie).map(journal::scopesOf))
        .orElse(List.of());
  }

  private Optional<JournaledStart> journaled(ProcessInfo process) {
    String cookie = ProcessDetails.cookieOf(process, scanner).orElse(null);
    if (cookie == null) {
      return Optional.empty();
    }
    return journalOf(cookie)
        .flatMap(
            journal ->
                journal
                    .starts()
                    .byCookie(cookie)
                    .map(
                        start ->
                            new JournaledStart(
                                Origins.of(journal.starts()).ofEscaped(process, scanner),
                                journal.scopesOf(start))));
  }

  /** The journal of the JVM whose cookie {@code cookie} is below, read once. */
  private Optional<StartJournal.Read> journalOf(String cookie) {
    for (Map.Entry<String, Path> jvm : journals.entrySet()) {
      if (EnvironmentCookie.belongsTo(cookie, jvm.getKey())) {
        return Optional.of(
            read.computeIfAbsent(
                jvm.getKey(), jvmCookie -> StartJournal.read(jvm.getValue(), jvmCookie)));
      }
    }
    return Optional.empty();
  }

  /**
   * Its own command or an escaped ancestor's matches: the adopter above the tree does not count.
   */
  private static boolean spared(
      String command, List<Ancestor> ancestors, Set<Long> escaped, ProcessFilter filter) {
    List<String> chain = new ArrayList<>();
    chain.add(command);
    ancestors.stream()
        .filter(ancestor -> escaped.contains(ancestor.pid()))
        .forEach(ancestor -> chain.add(ancestor.command()));
    return filter.sparesAny(chain);
  }

  /**
   * The chain above a survivor: its test JVM is gone, so it goes up through the escaped tree and
   * ends at the process that adopted the tree's top (init or a subreaper).
   */
  private List<Ancestor> ancestors(ProcessInfo process, ProcessTable found, Set<Long> survivors) {
    List<Ancestor> chain = new ArrayList<>();
    ProcessInfo child = process;
    for (int hops = 0; hops <= survivors.size() && child.parentPid() > 0; hops++) {
      long pid = child.parentPid();
      chain.add(Ancestor.process(pid, ProcessDetails.parentCommandLine(child, found, scanner)));
      ProcessInfo ancestor = found.get(pid).orElse(null);
      if (ancestor == null) {
        break;
      }
      child = ancestor;
    }
    return chain;
  }
}
