package dev.procleak.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * A clean test that forks thousands of short-lived processes, through the Jupiter engine with
 * procleak armed: it passes, and every process the JDK started keeps its own exit status.
 */
@DetectProcessLeaks // procleak's own suite must pass procleak
class ForkStormTests {
  private static final String RUN_STORM = "dev.procleak.junit.test.runStorm";

  @Test
  void aCleanTestThatForksThousandsOfProcessesPasses() {
    EngineExecutionResults results =
        EngineTestKit.engine("junit-jupiter")
            .selectors(selectClass(StormTestCases.class))
            .configurationParameter(RUN_STORM, "true")
            .execute();

    results.containerEvents().assertStatistics(stats -> stats.failed(0));
    results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1).failed(0));
  }

  @Target(ElementType.TYPE)
  @Retention(RetentionPolicy.RUNTIME)
  @ExtendWith(OnlyWhenRunByTheTest.class)
  @interface StormFixture {}

  static class OnlyWhenRunByTheTest implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      return context.getConfigurationParameter(RUN_STORM).filter("true"::equals).isPresent()
          ? ConditionEvaluationResult.enabled("run by " + ForkStormTests.class.getSimpleName())
          : ConditionEvaluationResult.disabled(
              "a fixture of " + ForkStormTests.class.getSimpleName());
    }
  }

  @StormFixture
  @DetectProcessLeaks
  static class StormTestCases {
    @Test
    void forksAStormAndWaitsForAllOfIt() throws Exception {
      Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
      // Children of a shell that waits for them, and double-forked ones the JVM adopts.
      Process shells =
          new ProcessBuilder(
                  "sh",
                  "-c",
                  "for i in $(seq 3000); do /bin/true & done; for i in $(seq 200); do (/bin/true &); done; wait")
              .start();
      List<Thread> starters = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        Thread starter =
            new Thread(
                () -> {
                  try {
                    for (int i = 0; i < 100; i++) {
                      Process process = new ProcessBuilder("sh", "-c", "exit 7").start();
                      assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
                      assertThat(process.exitValue()).as("exit status of a JDK child").isEqualTo(7);
                    }
                  } catch (Exception | AssertionError failure) {
                    failures.add(failure);
                  }
                },
                "storm-starter-" + t);
        starter.start();
        starters.add(starter);
      }
      for (Thread starter : starters) {
        starter.join();
      }
      assertThat(shells.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(shells.exitValue()).isZero();
      assertThat(failures).isEmpty();
    }
  }
}
