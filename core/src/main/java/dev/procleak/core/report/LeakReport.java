package dev.procleak.core.report;

import dev.procleak.core.model.Leak;
import dev.procleak.core.model.LeakKind;
import dev.procleak.core.model.ScopeKind;
import dev.procleak.core.model.ScopeName;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything {@code procleak:check} found for one module: what its test JVMs reported and what
 * outlived them. Every report format (console, JSON, JUnit XML, job summary) renders this.
 *
 * @param project the module's name (its artifactId)
 * @param created when the report was made
 * @param testJvms the test JVMs whose reports were read
 * @param leaks every leak once, in the order found, survivors last
 * @param gaps what was not checked that the user would believe was (see {@link CheckGap})
 * @param leftovers what earlier builds of the project left running, found and handled when this
 *     build began: not this build's leaks, a section of their own
 */
public record LeakReport(
    String project,
    Instant created,
    List<TestJvm> testJvms,
    List<Leak> leaks,
    List<CheckGap> gaps,
    List<Leak> leftovers) {

  /**
   * One test JVM's share of the report.
   *
   * @param pid the JVM's pid
   * @param subreaper whether orphans were re-parented to it
   * @param scopes how many scopes it checked
   * @param testScopes how many of them were single tests
   * @param runners what made tests scopes there
   */
  public record TestJvm(
      long pid, boolean subreaper, int scopes, int testScopes, List<String> runners) {
    public TestJvm {
      runners = List.copyOf(runners);
    }

    public TestJvm(long pid, boolean subreaper, int scopes) {
      this(pid, subreaper, scopes, 0, List.of());
    }
  }

  /** The leaks of one scope, in the order found. */
  public record Scope(ScopeKind kind, ScopeName name, List<Leak> leaks) {
    public Scope {
      leaks = List.copyOf(leaks);
    }

    /**
     * How the scope reads in a sentence: "test a.B.c()", and "test a.B.c() or a test that ran at
     * the same time" when one of its leaks may be another test's.
     */
    public String description() {
      boolean ambiguous = leaks.stream().anyMatch(Leak::isAmbiguous);
      return kind.describe(name) + (ambiguous ? " " + LeakMessage.OR_AT_THE_SAME_TIME : "");
    }
  }

  public LeakReport {
    testJvms = List.copyOf(testJvms);
    leaks = List.copyOf(leaks);
    gaps = List.copyOf(gaps);
    leftovers = List.copyOf(leftovers);
  }

  public LeakReport(
      String project,
      Instant created,
      List<TestJvm> testJvms,
      List<Leak> leaks,
      List<CheckGap> gaps) {
    this(project, created, testJvms, leaks, gaps, List.of());
  }

  public LeakReport(String project, Instant created, List<TestJvm> testJvms, List<Leak> leaks) {
    this(project, created, testJvms, leaks, List.of());
  }

  public LeakReport withGaps(List<CheckGap> found) {
    return new LeakReport(project, created, testJvms, leaks, found, leftovers);
  }

  /** The same, with {@code found} besides the leftovers its test JVMs found. */
  public LeakReport withLeftovers(List<Leak> found) {
    List<Leak> all = new ArrayList<>(leftovers);
    all.addAll(found);
    return new LeakReport(project, created, testJvms, leaks, gaps, all);
  }

  /**
   * One line on what earlier builds left, for the reports that show this build's leaks; empty when
   * they left nothing.
   */
  public Optional<String> leftoversLine() {
    if (leftovers.isEmpty()) {
      return Optional.empty();
    }
    long running = leftovers.stream().filter(leak -> leak.outcome().leftRunning()).count();
    return Optional.of(
        "procleak: earlier builds of this project had left "
            + LeakMessage.count(leftovers.size(), "process", "processes")
            + " running, "
            + (running == 0
                ? "stopped before this build's tests"
                : running + " of them left running as asked")
            + "; not this build's leaks (prepare's output names each)");
  }

  /** Whether no test of the module was checked although tests ran. */
  public boolean checkedNothing() {
    return gaps.stream().anyMatch(CheckGap::nothingChecked);
  }

  /** Builds the report from the test JVMs' own reports and the survivors check found. */
  public static LeakReport of(
      String project, Instant created, List<JvmReport> jvmReports, List<Leak> survivors) {
    List<TestJvm> jvms = new ArrayList<>();
    List<Leak> leaks = new ArrayList<>();
    List<Leak> leftovers = new ArrayList<>();
    for (JvmReport report : jvmReports) {
      jvms.add(
          new TestJvm(
              report.pid(),
              report.subreaper(),
              report.scopes(),
              report.testScopes(),
              report.runners()));
      leaks.addAll(report.leaks());
      leftovers.addAll(report.leftovers());
    }
    leaks.addAll(survivors);
    return new LeakReport(project, created, jvms, leaks, List.of(), leftovers);
  }

  public boolean isClean() {
    return leaks.isEmpty();
  }

  /** The scopes that leaked, in the order their first leak was found. */
  public List<Scope> scopes() {
    return scopesOf(leaks);
  }

  /** The scopes of what earlier builds left, in the order found. */
  public List<Scope> leftoverScopes() {
    return scopesOf(leftovers);
  }

  /** A message per scope of {@code leaks}, one after the other, as the console shows them. */
  public static String messages(List<Leak> leaks) {
    List<String> messages = new ArrayList<>();
    for (Scope scope : scopesOf(leaks)) {
      messages.add(LeakMessage.format(scope.leaks(), ""));
    }
    return String.join(System.lineSeparator(), messages);
  }

  private static List<Scope> scopesOf(List<Leak> leaks) {
    Map<List<Object>, List<Leak>> byScope = new LinkedHashMap<>();
    for (Leak leak : leaks) {
      byScope
          .computeIfAbsent(List.of(leak.scopeKind(), leak.scope()), key -> new ArrayList<>())
          .add(leak);
    }
    List<Scope> scopes = new ArrayList<>();
    byScope.forEach(
        (key, scoped) ->
            scopes.add(new Scope((ScopeKind) key.get(0), (ScopeName) key.get(1), scoped)));
    return scopes;
  }

  /** How many leaks of each kind, every kind present (zero when none). */
  public Map<LeakKind, Integer> countByKind() {
    Map<LeakKind, Integer> counts = new EnumMap<>(LeakKind.class);
    for (LeakKind kind : LeakKind.values()) {
      counts.put(kind, 0);
    }
    leaks.forEach(leak -> counts.merge(leak.kind(), 1, Integer::sum));
    return counts;
  }

  /** The console text: one message per scope, then the gaps, then {@code switches}. */
  public String message(String switches) {
    List<String> messages = new ArrayList<>();
    for (Scope scope : scopes()) {
      messages.add(LeakMessage.format(scope.leaks(), ""));
    }
    gaps.forEach(gap -> messages.add(gap.message()));
    leftoversLine().ifPresent(messages::add);
    messages.add(switches);
    return String.join(System.lineSeparator(), messages);
  }
}
