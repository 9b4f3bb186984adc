package dev.procleak.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procleak.core.report.CheckGap;
import dev.procleak.core.report.JvmReport;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoverageTest {
  private static final String ARG_LINE =
      "maven-surefire-plugin's `<argLine>-Xmx256m</argLine>` replaces the argLine"
          + " that procleak:prepare set: write `<argLine>@{argLine} -Xmx256m</argLine>`.";

  private static JvmReport jvm(int testScopes, List<String> runners, List<String> unscoped) {
    return new JvmReport(
        7, "c", true, testScopes + 1, List.of(), List.of(), testScopes, runners, unscoped);
  }

  @Test
  void noTestsRunIsNoGap() {
    assertThat(Coverage.gaps(0, List.of(), List.of(ARG_LINE))).isEmpty();
  }

  @Test
  void everyTestAScopeIsNoGap() {
    assertThat(Coverage.gaps(3, List.of(jvm(3, List.of("JUnit Platform"), List.of())), List.of()))
        .isEmpty();
  }

  @Test
  void testsThatRanWithoutAnyReportCheckedNothingAndSayWhy() {
    assertThat(Coverage.gaps(1, List.of(), List.of(ARG_LINE)))
        .containsExactly(
            new CheckGap(
                true,
                "procleak checked no test in this build although 1 test ran: no test JVM"
                    + " reported to procleak. "
                    + ARG_LINE));
    assertThat(Coverage.gaps(12, List.of(), List.of("A.", "B.")).get(0).message())
        .isEqualTo(
            "procleak checked no test in this build although 12 tests ran: no test JVM reported to procleak. A. B.");
  }

  @Test
  void aJvmWhoseTestsWereNoScopesWasCheckedOnlyAsAWhole() {
    List<CheckGap> gaps =
        Coverage.gaps(
            4,
            List.of(
                jvm(0, List.of(), List.of("JUnit 3 (Surefire's junit3 provider): use JUnit 4."))),
            List.of());

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
    assertThat(Coverage.gaps(2, List.of(jvm(0, List.of(), List.of())), List.of()).get(0).message())
        .endsWith(
            "The tests ran on a runner procleak cannot scope per test; procleak scopes the JUnit Platform (any"
                + " engine), Surefire's junit4, junit47 and TestNG providers.");
  }
}
