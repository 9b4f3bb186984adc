package dev.procleak.core.leak;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procleak.core.leak.Attribution.Verdict;
import dev.procleak.core.model.ScopeKind;
import dev.procleak.core.model.ScopeName;
import dev.procleak.core.scan.ProcessId;
import dev.procleak.core.scan.ProcessInfo;
import dev.procleak.core.scan.ProcessTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Which scope a process belongs to, on made-up tables; DetectProcessLeaksTests proves it on real
 * processes and concurrent tests. The JVM is pid 100 and its primordial thread tid 100; test
 * threads are tids 101, 102, 103.
 */
class AttributionTest {
  private static final long JVM = 100;

  private final ScopeRegistry registry = new ScopeRegistry();
  private final List<ProcessInfo> running = new ArrayList<>();
  private final Map<Long, Long> threads = new HashMap<>();
  private final CheckedScope jvm = registry.openRoot("JVM", table());

  private ProcessInfo start(long pid, long parent, long thread, boolean adopted) {
    ProcessInfo process =
        new ProcessInfo(new ProcessId(pid, 1000 + pid), parent, 'S', "p" + pid, adopted);
    running.add(process);
    if (parent == JVM) {
      threads.put(pid, thread);
    }
    return process;
  }

  private ProcessTable table() {
    return new ProcessTable(JVM, List.copyOf(running), List.of(), Map.copyOf(threads));
  }

  private CheckedScope open(String name, CheckedScope parent, long thread) {
    return registry.open(
        name.equals("class") ? ScopeKind.CLASS : ScopeKind.TEST,
        () -> ScopeName.of(name),
        parent,
        thread,
        table());
  }

  private Attribution attribute(ProcessInfo process, CheckedScope ending) {
    return LeakRules.attribute(process, table(), ending, registry.scopes());
  }

  @Test
  void aChildListedUnderATestsThreadIsThatTestsAloneThoughOthersRanAtTheSameTime() {
    CheckedScope a = open("A", jvm, 101);
    CheckedScope b = open("B", jvm, 102);
    CheckedScope c = open("C", jvm, 103);
    ProcessInfo child = start(201, JVM, 102, false);

    assertThat(attribute(child, b)).isEqualTo(new Attribution(Verdict.MINE, List.of(b)));
    assertThat(attribute(child, a).verdict()).isEqualTo(Verdict.NOT_MINE);
    assertThat(attribute(child, c).verdict()).isEqualTo(Verdict.NOT_MINE);
    assertThat(attribute(child, jvm).verdict()).isEqualTo(Verdict.NOT_MINE);
  }

  @Test
  void aGrandchildFollowsTheThreadOfItsAncestorBelowTheJvm() {
    CheckedScope a = open("A", jvm, 101);
    CheckedScope b = open("B", jvm, 102);
    start(201, JVM, 102, false);
    ProcessInfo zombie = start(202, 201, 0, false);

    assertThat(attribute(zombie, b).verdict()).isEqualTo(Verdict.MINE);
    assertThat(attribute(zombie, a).verdict()).isEqualTo(Verdict.NOT_MINE);
  }

  @Test
  void onOneThreadTheInnermostScopeOwnsAChild() {
    CheckedScope theClass = open("class", jvm, 101);
    CheckedScope method = open("method", theClass, 101);
    ProcessInfo child = start(201, JVM, 101, false);

    assertThat(attribute(child, method).verdict()).isEqualTo(Verdict.MINE);
    assertThat(attribute(child, theClass).verdict()).isEqualTo(Verdict.NOT_MINE);
  }

  @Test
  void whatTheClassStartedBeforeItsTestIsTheClasssThoughTheTestRunsOnTheSameThread() {
    CheckedScope theClass = open("class", jvm, 101);
    ProcessInfo server = start(201, JVM, 101, false);
    CheckedScope method = open("method", theClass, 101);

    assertThat(attribute(server, method).verdict()).isEqualTo(Verdict.NOT_MINE);
    assertThat(attribute(server, theClass).verdict()).isEqualTo(Verdict.MINE);
  }

  @Test
  void anOrphanOfOneOfTwoTestsRunningTogetherIsDeferredUntilTheLastEndsThenAmbiguous() {
    CheckedScope a = open("A", jvm, 101);
    CheckedScope b = open("B", jvm, 102);
    ProcessInfo orphan = start(201, JVM, JVM, true); // listed under the primordial thread

    assertThat(attribute(orphan, a)).isEqualTo(new Attribution(Verdict.DEFERRED, List.of(a, b)));
    registry.end(a, table(), List.of());
    assertThat(attribute(orphan, b)).isEqualTo(new Attribution(Verdict.AMBIGUOUS, List.of(a, b)));
  }

  @Test
  void anOrphanOfTheOnlyTestRunningIsThatTestsEvenInsideItsClass() {
    CheckedScope theClass = open("class", jvm, 101);
    CheckedScope method = open("method", theClass, 101);
    ProcessInfo orphan = start(201, JVM, JVM, true);

    assertThat(attribute(orphan, method)).isEqualTo(new Attribution(Verdict.MINE, List.of(method)));
    assertThat(attribute(orphan, theClass).verdict()).isEqualTo(Verdict.NOT_MINE);
  }

  @Test
  void aTestThatEndedBeforeAProcessStartedIsNoCandidate() {
    CheckedScope first = open("first", jvm, 101);
    registry.end(first, table(), List.of());
    CheckedScope second = open("second", jvm, 102);
    CheckedScope running = open("running", jvm, 103);
    ProcessInfo orphan = start(201, JVM, JVM, true);

    assertThat(attribute(orphan, second))
        .isEqualTo(new Attribution(Verdict.DEFERRED, List.of(second, running)));
    assertThat(registry.scopes()).doesNotContain(first);
  }

  @Test
  void aTestThatBeganAfterAProcessStartedIsNoCandidate() {
    CheckedScope early = open("early", jvm, 101);
    ProcessInfo orphan = start(201, JVM, JVM, true);
    open("late", jvm, 102);

    assertThat(attribute(orphan, early)).isEqualTo(new Attribution(Verdict.MINE, List.of(early)));
  }

  @Test
  void aChildOfAThreadNoScopeRanOnIsJudgedByTime() {
    CheckedScope a = open("A", jvm, 101);
    ProcessInfo child = start(201, JVM, 150, false); // an executor thread the test started

    assertThat(attribute(child, a)).isEqualTo(new Attribution(Verdict.MINE, List.of(a)));
  }

  @Test
  void outsideEveryTestTheJvmIsToBlame() {
    ProcessInfo orphan = start(201, JVM, JVM, true);

    assertThat(attribute(orphan, jvm)).isEqualTo(new Attribution(Verdict.MINE, List.of(jvm)));
  }

  @Test
  void withoutAParentAScopeNestsInTheInnermostOneRunningOnItsThread() {
    CheckedScope outer = open("outer test", jvm, 101);
    CheckedScope nested = open("test of a nested engine", null, 101);

    assertThat(nested.parent()).isSameAs(outer);
    assertThat(open("elsewhere", null, 102).parent()).isSameAs(jvm);
  }
}
