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

/**
 * Everything {@code procleak:check} found for one module: what its test JVMs reported and what
 * outlived them. Every report format (console, JSON, JUnit XML, job summary) renders this.
 *
 * @param project the module's name (its artifactId)
 * @param created when the report was made
 * @param testJvms the test JVMs whose reports were read
 * @param leaks every leak once, in the order found, survivors last
 * @param gaps what was not checked that the user would believe was (see {@link CheckGap})
 */
public record LeakReport(
    String project,
    Instant created,
    List<TestJvm> testJvms,
    List<Leak> leaks,
    List<CheckGap> gaps) {

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
  }

  public LeakReport(String project, Instant created, List<TestJvm> testJvms, List<Leak> leaks) {
    this(project, created, testJvms, leaks, List.of());
  }

  public LeakReport withGaps(List<CheckGap> found) {
    return new LeakReport(project, created, testJvms, leaks, found);
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
    for (JvmReport report : jvmReports) {
      jvms.add(
          new TestJvm(
              report.pid(),
              report.subreaper(),
              report.scopes(),
              report.testScopes(),
              report.runners()));
      leaks.addAll(report.leaks());
    }
    leaks.addAll(survivors);
    return new LeakReport(project, created, jvms, leaks);
  }

  public boolean isClean() {
    return leaks.isEmpty();
  }

  /** The scopes that leaked, in the order their first leak was found. */
  public List<Scope> scopes() {
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
    messages.add(switches);
    return String.join(System.lineSeparator(), messages);
  }
}
