package dev.procleak.junit;

import static dev.procleak.junit.DetectProcessLeaksTests.ADOPTED_BY_JVM;
import static dev.procleak.junit.DetectProcessLeaksTests.AGE;
import static dev.procleak.junit.DetectProcessLeaksTests.CWD;
import static dev.procleak.junit.DetectProcessLeaksTests.NOT_RECORDED;
import static dev.procleak.junit.DetectProcessLeaksTests.PARENT_JVM;
import static dev.procleak.junit.DetectProcessLeaksTests.STARTED;
import static dev.procleak.junit.DetectProcessLeaksTests.SWITCHES;
import static dev.procleak.junit.DetectProcessLeaksTests.run;
import static dev.procleak.junit.DetectProcessLeaksTests.start;
import static dev.procleak.junit.DetectProcessLeaksTests.startOrphan;
import static dev.procleak.junit.DetectProcessLeaksTests.track;
import static dev.procleak.junit.DetectProcessLeaksTests.waitFor;
import static dev.procleak.junit.Procs.awaitGone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.procleak.junit.DetectProcessLeaksTests.Fixture;
import dev.procleak.junit.Procs.Tracked;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * JUnit's parallel execution, on real processes: tests that run at the same time are never blamed
 * for each other's leaks; a leak that cannot be pinned to one of them names them all.
 *
 * <p>Not annotated, unlike the other suites: the fixtures run on the nested engine's worker
 * threads, which no scope of this class runs on, so this class's own scope would be one more test
 * running at the same time as theirs and share their orphans.
 */
class ParallelExecutionTests {
  static final String ME = ParallelExecutionTests.class.getName();
  static final String[] PARALLEL = {
    "junit.jupiter.execution.parallel.enabled", "true",
    "junit.jupiter.execution.parallel.mode.default", "concurrent",
    "junit.jupiter.execution.parallel.config.strategy", "fixed",
    "junit.jupiter.execution.parallel.config.fixed.parallelism", "6",
  };

  @AfterEach
  void nothingLeftBehind() {
    List<Tracked> started = new ArrayList<>();
    for (Tracked process; (process = STARTED.poll()) != null; ) {
      started.add(process);
    }
    Procs.killAll(started);
  }

  @RepeatedTest(10)
  @DisplayName(
      "six tests at once, four clean with children still running: only the two that leaked fail")
  void onlyTheLeakingTestsFail() {
    ConcurrentTestCases.together = new CyclicBarrier(ConcurrentTestCases.TESTS);
    EngineExecutionResults results = run(selectClass(ConcurrentTestCases.class), PARALLEL);

    results.testEvents().assertStatistics(stats -> stats.started(6).succeeded(4).failed(2));
    results.containerEvents().assertStatistics(stats -> stats.failed(0));
    Tracked child = ConcurrentTestCases.child;
    Tracked culprit = ConcurrentTestCases.culprit;
    Tracked zombie = ConcurrentTestCases.zombie;
    String lingering = ME + "$ConcurrentTestCases.leavesAChild()";
    String zombies = ME + "$ConcurrentTestCases.leavesAZombie()";
    assertThat(AttributionTests.failureMessages(results))
        .containsExactlyInAnyOrder(
            List.of(
                "procleak: 1 process leaked by test " + lingering + ":",
                "  LINGERING pid " + child.pid() + "  sleep 60",
                PARENT_JVM,
                CWD,
                "            " + AGE + "; cleanup: terminated by SIGTERM",
                NOT_RECORDED,
                SWITCHES),
            List.of(
                "procleak: 2 processes leaked (1 zombie of one culprit, 1 lingering) by test "
                    + zombies
                    + ":",
                "  LINGERING pid " + culprit.pid() + "  sleep 30",
                PARENT_JVM,
                CWD,
                "            " + AGE + "; cleanup: terminated by SIGTERM",
                "  ZOMBIE    pid " + zombie.pid() + "  sleep",
                "            parent: pid "
                    + culprit.pid()
                    + "  sleep 30  <- the culprit: it never waited for its child",
                "            under:  the test JVM (pid " + Procs.JVM + ")",
                "            "
                    + AGE
                    + "; cleanup: reaped after its parent was killed: exited with code 0",
                NOT_RECORDED,
                SWITCHES));
    awaitGone(child);
    awaitGone(culprit);
    awaitGone(zombie);
  }

  @Test
  @DisplayName(
      "an orphan of one of two tests that ran together: the last to end fails, naming both")
  void anOrphanNamesEveryCandidate() {
    AmbiguousTestCases.bothRun = new CountDownLatch(2);
    AmbiguousTestCases.orphanTestEnded = new CountDownLatch(1);
    EngineExecutionResults results = run(selectClass(AmbiguousTestCases.class), PARALLEL);

    results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(1).failed(1));
    assertThat(
            results.testEvents().succeeded().stream()
                .map(e -> e.getTestDescriptor().getDisplayName()))
        .containsExactly("leavesAnOrphan()");
    Tracked orphan = AmbiguousTestCases.orphan;
    String clean = ME + "$AmbiguousTestCases.isClean()";
    String leaky = ME + "$AmbiguousTestCases.leavesAnOrphan()";
    assertThat(AttributionTests.failureMessages(results))
        .containsExactly(
            List.of(
                "procleak: 1 process leaked by test "
                    + clean
                    + " or a test that ran at the same time:",
                "  ORPHAN    pid " + orphan.pid() + "  sleep 60",
                ADOPTED_BY_JVM,
                "            candidates: one of "
                    + clean
                    + ", "
                    + leaky
                    + " (they ran at the same time; procleak cannot tell which started it)",
                CWD,
                "            "
                    + AGE
                    + "; cleanup: terminated by SIGTERM; reaped: killed by signal 15",
                NOT_RECORDED,
                SWITCHES));
    awaitGone(orphan);
  }

  // ---------------------------------------------------------------------------------------------
  // Fixtures: run only through run(...), never on their own.

  @Fixture
  @DetectProcessLeaks
  @Execution(ExecutionMode.CONCURRENT)
  static class ConcurrentTestCases {
    static final int TESTS = 6;
    static volatile CyclicBarrier together;
    static volatile Tracked child;
    static volatile Tracked culprit;
    static volatile Tracked zombie;

    /** Runs a child that is still running when the leaking tests end, then waits for it. */
    static void runsAChildToTheEnd() throws Exception {
      Process process = start("sleep", "0.5");
      together.await(Procs.DEADLINE.toSeconds(), TimeUnit.SECONDS);
      waitFor(process);
    }

    @Test
    void clean1() throws Exception {
      runsAChildToTheEnd();
    }

    @Test
    void clean2() throws Exception {
      runsAChildToTheEnd();
    }

    @Test
    void clean3() throws Exception {
      runsAChildToTheEnd();
    }

    @Test
    void clean4() throws Exception {
      runsAChildToTheEnd();
    }

    @Test
    void leavesAChild() throws Exception {
      child = track(start("sleep", "60"));
      together.await(Procs.DEADLINE.toSeconds(), TimeUnit.SECONDS);
    }

    @Test
    void leavesAZombie() throws Exception {
      DetectProcessLeaksTests.ZombieUnderCulprit made = DetectProcessLeaksTests.leaveAZombie();
      culprit = made.culprit();
      zombie = made.zombie();
      together.await(Procs.DEADLINE.toSeconds(), TimeUnit.SECONDS);
    }
  }

  /** Lets the clean test end only after the orphan's test has ended, procleak's check included. */
  static class SignalsTheEnd implements AfterEachCallback {
    @Override
    public void afterEach(ExtensionContext context) {
      if (context.getRequiredTestMethod().getName().equals("leavesAnOrphan")) {
        AmbiguousTestCases.orphanTestEnded.countDown();
      }
    }
  }

  @Fixture
  @ExtendWith(
      SignalsTheEnd.class) // before procleak's extension: its afterEach runs after procleak's
  @DetectProcessLeaks
  @Execution(ExecutionMode.CONCURRENT)
  static class AmbiguousTestCases {
    static volatile CountDownLatch bothRun;
    static volatile CountDownLatch orphanTestEnded;
    static volatile Tracked orphan;

    @Test
    void leavesAnOrphan() throws Exception {
      bothRun.countDown();
      assertThat(bothRun.await(Procs.DEADLINE.toSeconds(), TimeUnit.SECONDS))
          .as("both tests run")
          .isTrue();
      orphan = startOrphan("sh", "-c", "sleep 60 >/dev/null 2>&1 & echo $!");
    }

    @Test
    void isClean() throws Exception {
      bothRun.countDown();
      assertThat(bothRun.await(Procs.DEADLINE.toSeconds(), TimeUnit.SECONDS))
          .as("both tests run")
          .isTrue();
      assertThat(orphanTestEnded.await(Procs.DEADLINE.toSeconds(), TimeUnit.SECONDS))
          .as("the other test ended")
          .isTrue();
    }
  }
}
