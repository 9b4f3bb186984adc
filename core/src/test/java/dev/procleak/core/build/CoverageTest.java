package dev.procleak.core.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procleak.core.report.CheckGap;
import dev.procleak.core.report.JvmReport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CoverageTest {
  private static final String ARG_LINE =
      "maven-surefire-plugin's `<argLine>-Xmx256m</argLine>` replaces the argLine"
          + " that procleak:prepare set: write `<argLine>@{argLine} -Xmx256m</argLine>`.";
  private static final String OTHERWISE =
      "Otherwise a test JVM started without procleak's agent: the JVM arguments must hold the"
          + " argLine property that procleak:prepare set (-javaagent:…procleak-agent.jar).";
  private static final String OTHERWISE_JAVAAGENT =
      "Otherwise a test JVM started without procleak's agent: its JVM arguments must hold the"
          + " -javaagent:…procleak-agent.jar that procleak:prepare puts into procleak.javaagent.";
  private static final String JAVA_OPTIONS =
      "`<javaOptions><additionalOptions combine.children=\"append\"><additionalOption>${procleak.javaagent}</additionalOption>"
          + "</additionalOptions></javaOptions>`";

  private static JvmReport jvm(int testScopes, List<String> runners, List<String> unscoped) {
    return new JvmReport(
        7,
        "c",
        true,
        testScopes + 1,
        List.of(),
        List.of(),
        testScopes,
        runners,
        unscoped,
        null,
        List.of());
  }

  private static BoundRunner runner(
      String group, String artifact, String goal, Map<String, List<String>> configuration) {
    return new BoundRunner(group, artifact, "1.0", goal, "test", true, false, configuration);
  }

  private static BoundRunner surefire(Map<String, List<String>> configuration) {
    return runner("org.apache.maven.plugins", "maven-surefire-plugin", "test", configuration);
  }

  private static BoundRunner junitPlatform(Map<String, List<String>> configuration) {
    return runner("de.sormuras.junit", "junit-platform-maven-plugin", "launch", configuration);
  }

  private static BoundRunner exec() {
    return runner("org.codehaus.mojo", "exec-maven-plugin", "exec", Map.of());
  }

  private static ModuleTests tests(int testsRun, boolean testClasses, BoundRunner... runners) {
    return new ModuleTests(true, "argLine", testsRun, testClasses, false, List.of(runners));
  }

  @Test
  void noTestsRunIsNoGap() {
    assertThat(Coverage.gaps(tests(0, false, surefire(Map.of())), List.of())).isEmpty();
  }

  @Test
  void everyTestAScopeIsNoGap() {
    assertThat(
            Coverage.gaps(
                tests(3, true, surefire(Map.of())),
                List.of(jvm(3, List.of("JUnit Platform"), List.of()))))
        .isEmpty();
  }

  @Test
  void testsThatRanWithoutAnyReportCheckedNothingAndSayWhy() {
    assertThat(
            Coverage.gaps(
                tests(1, true, surefire(Map.of("argLine", List.of("-Xmx256m")))), List.of()))
        .containsExactly(
            new CheckGap(
                true,
                "procleak checked no test in this build although 1 test ran: no test JVM"
                    + " reported to procleak. "
                    + ARG_LINE
                    + " "
                    + OTHERWISE));
    assertThat(Coverage.gaps(tests(12, true, surefire(Map.of())), List.of()).get(0).message())
        .isEqualTo(
            "procleak checked no test in this build although 12 tests ran: no test JVM reported to"
                + " procleak. "
                + OTHERWISE);
  }

  @Test
  void anArgLineThatHoldsTheAgentIsNoCause() {
    assertThat(
            Coverage.likelyCauses(
                tests(1, true, surefire(Map.of("argLine", List.of("@{argLine} -Xmx256m"))))))
        .containsExactly(OTHERWISE);
  }

  @Test
  void namesForkCountZeroAndAMissingPrepare() {
    ModuleTests unprepared =
        new ModuleTests(
            false, "argLine", 2, true, false, List.of(surefire(Map.of("forkCount", List.of("0")))));
    assertThat(Coverage.likelyCauses(unprepared))
        .containsExactly(
            "procleak:prepare did not run in this build: bind its goal prepare before the tests (it arms the test JVMs),"
                + " or annotate the test classes with @DetectProcessLeaks.",
            "maven-surefire-plugin runs the tests inside Maven's own JVM (forkCount=0), which procleak cannot arm:"
                + " remove forkCount=0.");
  }

  @Test
  void junitPlatformMavenPluginIsNamedWithTheLineThatArmsIt() {
    assertThat(
            Coverage.likelyCauses(
                tests(2, true, junitPlatform(Map.of("executor", List.of("JAVA"))))))
        .containsExactly(
            "de.sormuras.junit:junit-platform-maven-plugin:1.0 starts its test JVMs without procleak's"
                + " agent: add "
                + JAVA_OPTIONS
                + " to its configuration (or declare procleak-maven-plugin with"
                + " `<extensions>true</extensions>`, which adds it).",
            OTHERWISE_JAVAAGENT);
    assertThat(Coverage.likelyCauses(tests(2, true, junitPlatform(Map.of()))).get(0))
        .isEqualTo(
            "de.sormuras.junit:junit-platform-maven-plugin:1.0 runs the tests inside Maven's own JVM"
                + " (executor DIRECT, its default), which procleak cannot arm: set"
                + " `<executor>JAVA</executor>` and add "
                + JAVA_OPTIONS
                + " to its configuration.");
    assertThat(
            Coverage.likelyCauses(
                tests(
                    2,
                    true,
                    junitPlatform(
                        Map.of(
                            "executor",
                            List.of("JAVA"),
                            "javaOptions/additionalOptions/additionalOption",
                            List.of("${procleak.javaagent}"))))))
        .containsExactly(OTHERWISE_JAVAAGENT);
  }

  @Test
  void aRunnerThatWritesNoReportProcleakCountsFailsOverCompiledTests() {
    assertThat(Coverage.gaps(tests(0, true, exec()), List.of()))
        .singleElement()
        .satisfies(
            gap -> {
              assertThat(gap.nothingChecked()).isTrue();
              assertThat(gap.message())
                  .startsWith(
                      "procleak checked no test in this build: org.codehaus.mojo:exec-maven-plugin:1.0"
                          + " (exec) ran in the test phases over the module's compiled tests, but no"
                          + " test JVM reported to procleak. org.codehaus.mojo:exec-maven-plugin:1.0"
                          + " (exec) runs tests in a way procleak does not know:")
                  .endsWith(OTHERWISE_JAVAAGENT);
            });
  }

  @Test
  void anUnknownRunnerIsNoEvidenceWithoutTestsOrBesideSurefireOrWhenSkippedOrNotReached() {
    // No compiled tests, or tests named by -Dtest that wrote no report: nothing to run.
    assertThat(Coverage.gaps(tests(0, false, exec()), List.of())).isEmpty();
    assertThat(
            Coverage.gaps(
                new ModuleTests(true, "argLine", 0, true, true, List.of(exec())), List.of()))
        .isEmpty();
    // Beside Surefire in the test phase a plugin may be anything; Surefire ran no test.
    assertThat(Coverage.gaps(tests(0, true, surefire(Map.of()), exec()), List.of())).isEmpty();
    BoundRunner skipped =
        new BoundRunner(
            "org.codehaus.mojo", "exec-maven-plugin", "", "exec", "test", true, true, Map.of());
    BoundRunner notReached =
        new BoundRunner(
            "org.codehaus.mojo", "exec-maven-plugin", "", "exec", "test", false, false, Map.of());
    assertThat(Coverage.gaps(tests(0, true, skipped), List.of())).isEmpty();
    assertThat(Coverage.gaps(tests(0, true, notReached), List.of())).isEmpty();
    // Without prepare, procleak cannot have armed anything it was not told about.
    assertThat(
            Coverage.gaps(
                new ModuleTests(false, "argLine", 0, true, false, List.of(exec())), List.of()))
        .isEmpty();
  }

  @Test
  void aPluginThatRunsNoTestsIsNeitherEvidenceNorSuspect() {
    BoundRunner jacoco = runner("org.jacoco", "jacoco-maven-plugin", "report", Map.of());
    assertThat(Coverage.gaps(tests(0, true, jacoco), List.of())).isEmpty();
    // Beside a runner procleak knows, another plugin of the test phase is not named (oshi binds
    // JaCoCo's report there, beside junit-platform-maven-plugin).
    assertThat(
            Coverage.likelyCauses(
                tests(2, true, junitPlatform(Map.of("executor", List.of("JAVA"))), exec(), jacoco)))
        .noneMatch(cause -> cause.contains("exec-maven-plugin") || cause.contains("jacoco"));
  }

  @Test
  void tychoIsToldWhichPropertyItReads() {
    BoundRunner tycho = runner("org.eclipse.tycho", "tycho-surefire-plugin", "test", Map.of());
    assertThat(Coverage.likelyCauses(tests(1, true, tycho)).get(0))
        .isEqualTo(
            "org.eclipse.tycho:tycho-surefire-plugin:1.0 reads its test JVM's arguments from"
                + " tycho.testArgLine: set procleak:prepare's"
                + " `<propertyName>tycho.testArgLine</propertyName>`.");
  }

  @Test
  void aJvmWhoseTestsWereNoScopesWasCheckedOnlyAsAWhole() {
    List<CheckGap> gaps =
        Coverage.gaps(
            tests(4, true, surefire(Map.of())),
            List.of(
                jvm(0, List.of(), List.of("JUnit 3 (Surefire's junit3 provider): use JUnit 4."))));

    assertThat(gaps)
        .containsExactly(
            new CheckGap(
                false,
                "procleak checked each test JVM only as a whole, no test on"
                    + " its own (4 tests ran): a leak that ends before its test JVM is missed, and a leak found names no test."
                    + " JUnit 3 (Surefire's junit3 provider): use JUnit 4."));
  }

  @Test
  void anUnknownRunnerIsNamedAsUnscopable() {
    assertThat(
            Coverage.gaps(tests(2, true, surefire(Map.of())), List.of(jvm(0, List.of(), List.of())))
                .get(0)
                .message())
        .endsWith(
            "The tests ran on a runner procleak cannot scope per test; procleak scopes the JUnit Platform (any"
                + " engine), Surefire's junit4, junit47 and TestNG providers.");
  }
}
