package dev.procleak.core.build;

import dev.procleak.core.config.AgentSettings;
import dev.procleak.core.report.CheckGap;
import dev.procleak.core.report.JvmReport;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rule that keeps "no leaked processes" honest: when a module's tests ran in this build, each
 * test JVM must have reported to procleak, and each test must have been a scope of its own. Where
 * they did not, it names the runner bound to the test phases and the one change that arms it.
 */
public final class Coverage {
  static final String PREPARE_DID_NOT_RUN =
      "procleak:prepare did not run in this build: bind its goal prepare before the tests (it arms"
          + " the test JVMs), or annotate the test classes with @DetectProcessLeaks.";

  /** The JVM option junit-platform-maven-plugin's configuration needs, as a user writes it. */
  static final String JUNIT_PLATFORM_JAVA_OPTIONS =
      "<javaOptions><additionalOptions combine.children=\"append\"><additionalOption>${"
          + AgentSettings.JAVAAGENT
          + "}</additionalOption></additionalOptions></javaOptions>";

  private Coverage() {}

  /**
   * What procleak did not check in one module build.
   *
   * @param tests what the build says of the module's tests
   * @param reports the test JVMs' reports
   */
  public static List<CheckGap> gaps(ModuleTests tests, List<JvmReport> reports) {
    List<CheckGap> gaps = new ArrayList<>();
    if (reports.isEmpty()) {
      nothingChecked(tests).ifPresent(gaps::add);
      return gaps;
    }
    if (tests.testsRun() == 0) {
      return gaps;
    }
    String ran = ran(tests.testsRun());
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

  /**
   * No test JVM reported: nothing was checked when tests ran, as their reports say, or when a
   * runner procleak cannot count for ran over compiled test classes. A module without tests, tests
   * skipped or none selected by {@code -Dtest} leave nothing to check.
   */
  private static Optional<CheckGap> nothingChecked(ModuleTests tests) {
    String what;
    if (tests.testsRun() > 0) {
      what =
          "procleak checked no test in this build although "
              + ran(tests.testsRun())
              + ": no test JVM reported to procleak.";
    } else {
      // Only where a runner procleak cannot count for took the test phase (Surefire's place):
      // beside Surefire, a plugin bound to the test phase may be anything, and Surefire's
      // missing reports say there was nothing for it to run.
      List<BoundRunner> uncounted =
          tests.activeRunners().stream()
              .filter(runner -> !runner.writesKnownReports() && runner.mayRunTests())
              .toList();
      boolean countedTestPhase =
          tests.activeRunners().stream()
              .anyMatch(runner -> runner.writesKnownReports() && runner.phase().equals("test"));
      if (!tests.prepared()
          || !tests.testClasses()
          || tests.selectedByName()
          || uncounted.isEmpty()
          || countedTestPhase) {
        return Optional.empty();
      }
      what =
          "procleak checked no test in this build: "
              + uncounted.stream()
                  .map(runner -> runner.coordinates() + " (" + runner.goal() + ")")
                  .collect(Collectors.joining(" and "))
              + " ran in the test phases over the module's compiled tests, but no test JVM"
              + " reported to procleak.";
    }
    StringBuilder message = new StringBuilder(what);
    for (String cause : likelyCauses(tests)) {
      message.append(' ').append(cause);
    }
    return Optional.of(new CheckGap(true, message.toString()));
  }

  /**
   * Why the test JVMs may not have reported, each with its fix, the likeliest first: {@code
   * prepare} missing, then what each runner that ran does with the JVM arguments.
   */
  static List<String> likelyCauses(ModuleTests tests) {
    Set<String> causes = new LinkedHashSet<>();
    if (!tests.prepared()) {
      causes.add(PREPARE_DID_NOT_RUN);
    }
    List<BoundRunner> runners = tests.activeRunners();
    if (runners.isEmpty()) {
      runners = tests.runners();
    }
    // A plugin procleak does not know is a suspect only where no runner it knows ran the tests.
    boolean knownRunner = runners.stream().anyMatch(BoundRunner::writesKnownReports);
    for (BoundRunner runner : runners) {
      if (runner.isSurefire()) {
        surefire(runner, tests).ifPresent(causes::add);
      } else if (runner.isJunitPlatformPlugin()) {
        junitPlatformPlugin(runner, tests).ifPresent(causes::add);
      } else if (runner.isTychoSurefire()) {
        if (!tests.propertyName().equals("tycho.testArgLine")) {
          causes.add(
              runner.coordinates()
                  + " reads its test JVM's arguments from tycho.testArgLine: set procleak:prepare's"
                  + " `<propertyName>tycho.testArgLine</propertyName>`.");
        }
      } else if (!knownRunner && runner.mayRunTests()) {
        causes.add(
            runner.coordinates()
                + " ("
                + runner.goal()
                + ") runs tests in a way procleak does not know: give its test JVMs the JVM argument"
                + " that procleak:prepare puts into the property "
                + AgentSettings.JAVAAGENT
                + ", or set prepare's `<propertyName>` to the property that runner reads its JVM"
                + " arguments from.");
      }
    }
    if (tests.prepared()) {
      boolean argLine = runners.isEmpty() || runners.stream().anyMatch(BoundRunner::isSurefire);
      causes.add(
          argLine
              ? "Otherwise a test JVM started without procleak's agent: the JVM arguments must hold"
                  + " the "
                  + tests.propertyName()
                  + " property that procleak:prepare set (-javaagent:…procleak-agent.jar)."
              : "Otherwise a test JVM started without procleak's agent: its JVM arguments must hold"
                  + " the -javaagent:…procleak-agent.jar that procleak:prepare puts into "
                  + AgentSettings.JAVAAGENT
                  + ".");
    }
    return new ArrayList<>(causes);
  }

  private static Optional<String> surefire(BoundRunner runner, ModuleTests tests) {
    String property = tests.propertyName();
    String argLine = runner.value("argLine");
    if (tests.prepared()
        && argLine != null
        && !argLine.contains("@{" + property + "}")
        && !argLine.contains("${" + property + "}")) {
      return Optional.of(
          runner.artifactId()
              + "'s `<argLine>"
              + argLine.trim()
              + "</argLine>` replaces the "
              + property
              + " that procleak:prepare set: write `<argLine>@{"
              + property
              + "} "
              + argLine.trim()
              + "</argLine>`.");
    }
    String forkCount = runner.value("forkCount");
    if (forkCount != null && forkCount.trim().matches("0+(\\.0*)?C?")) {
      return Optional.of(
          runner.artifactId()
              + " runs the tests inside Maven's own JVM (forkCount="
              + forkCount.trim()
              + "), which procleak cannot arm: remove forkCount=0.");
    }
    return Optional.empty();
  }

  /**
   * junit-platform-maven-plugin passes no {@code argLine}: each JVM option is one {@code
   * additionalOption} of its {@code javaOptions}, and only its {@code JAVA} executor forks a JVM.
   */
  private static Optional<String> junitPlatformPlugin(BoundRunner runner, ModuleTests tests) {
    String executor = runner.value("executor");
    if (executor == null || !executor.trim().equalsIgnoreCase("JAVA")) {
      return Optional.of(
          runner.coordinates()
              + " runs the tests inside Maven's own JVM (executor "
              + (executor == null ? "DIRECT, its default" : executor.trim())
              + "), which procleak cannot arm: set `<executor>JAVA</executor>` and add `"
              + JUNIT_PLATFORM_JAVA_OPTIONS
              + "` to its configuration.");
    }
    boolean given =
        runner.valuesUnder("javaOptions/additionalOptions/").stream()
            .anyMatch(
                option ->
                    option.contains("${" + AgentSettings.JAVAAGENT + "}")
                        || option.contains("${" + tests.propertyName() + "}"));
    if (given) {
      return Optional.empty();
    }
    return Optional.of(
        runner.coordinates()
            + " starts its test JVMs without procleak's agent: add `"
            + JUNIT_PLATFORM_JAVA_OPTIONS
            + "` to its configuration (or declare procleak-maven-plugin with"
            + " `<extensions>true</extensions>`, which adds it).");
  }

  private static String ran(int tests) {
    return tests == 1 ? "1 test ran" : tests + " tests ran";
  }
}
