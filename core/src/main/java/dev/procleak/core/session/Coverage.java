package dev.procleak.core.session;

import dev.procleak.core.report.CheckGap;
import dev.procleak.core.report.JvmReport;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The rule that keeps "no leaked processes" honest: when tests ran in a module's build, each test
 * JVM must have reported to procleak, and each test must have been a scope of its own.
 */
public final class Coverage {
  private Coverage() {}

  /**
   * What procleak did not check in one module build.
   *
   * @param testsRun how many tests the build's test reports say ran; 0 when none did (no tests,
   *     {@code -DskipTests}): then nothing is missing
   * @param reports the test JVMs' reports
   * @param likelyCauses why no test JVM may have reported, each with its fix, most likely first
   */
  public static List<CheckGap> gaps(
      int testsRun, List<JvmReport> reports, List<String> likelyCauses) {
    List<CheckGap> gaps = new ArrayList<>();
    if (testsRun == 0) {
      return gaps;
    }
    String ran = testsRun == 1 ? "1 test ran" : testsRun + " tests ran";
    if (reports.isEmpty()) {
      StringBuilder message =
          new StringBuilder("procleak checked no test in this build although ")
              .append(ran)
              .append(": no test JVM reported to procleak.");
      for (String cause : likelyCauses) {
        message.append(' ').append(cause);
      }
      gaps.add(new CheckGap(true, message.toString()));
      return gaps;
    }
    // A JVM that dies in a test never rewrites its report: a runner that scopes tests, recorded
    // when its first test plan started, tells as much as a count of scopes.
    boolean scoped =
        reports.stream().anyMatch(report -> report.testScopes() > 0 || !report.runners().isEmpty());
    Set<String> unscoped = new LinkedHashSet<>();
    reports.forEach(report -> unscoped.addAll(report.unscopedRunners()));
    if (!scoped || !unscoped.isEmpty()) {
      StringBuilder message =
          new StringBuilder(
              !scoped
                  ? "procleak checked each test JVM only as a whole, no test on its own ("
                      + ran
                      + "): a leak that ends"
                      + " before its test JVM is missed, and a leak found names no test."
                  : "procleak checked some tests only as part of their whole test JVM.");
      for (String runner : unscoped) {
        message.append(' ').append(runner);
      }
      if (unscoped.isEmpty()) {
        message.append(
            " The tests ran on a runner procleak cannot scope per test; procleak scopes the JUnit"
                + " Platform (any engine), Surefire's junit4, junit47 and TestNG providers.");
      }
      gaps.add(new CheckGap(false, message.toString()));
    }
    return gaps;
  }
}
