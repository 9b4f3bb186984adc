package dev.procleak.core.origin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class JavaStartsTest {
  private final JavaStarts starts = new JavaStarts("build-1/jvm-7-8");

  @Test
  void aStartsCookieNamesItBelowTheJvmsAndThroughNestedBuilds() {
    long number = starts.next();
    starts.started(number, 4711, "sh -c ./start-daemon.sh", List.of("a.B.c(B.java:1)"));

    assertThat(starts.cookieOf(number)).isEqualTo("build-1/jvm-7-8/start-1");
    assertThat(starts.byCookie("build-1/jvm-7-8/start-1"))
        .get()
        .extracting(JavaStart::pid)
        .isEqualTo(4711L);
    // A build that test ran: its own cookies go below the start's.
    assertThat(starts.byCookie("build-1/jvm-7-8/start-1/it-uuid/jvm-9-10/start-4"))
        .get()
        .extracting(JavaStart::command)
        .isEqualTo("sh -c ./start-daemon.sh");
    assertThat(starts.byPid(4711)).get().extracting(JavaStart::sequence).isEqualTo(1L);
  }

  @Test
  void otherCookiesNameNoStart() {
    assertThat(starts.byCookie("build-1/jvm-7-8")).isEmpty();
    assertThat(starts.isJvmOnly("build-1/jvm-7-8")).isTrue();
    assertThat(starts.namesAStart("build-1/jvm-7-8/start-")).isFalse();
    assertThat(starts.namesAStart("build-1/jvm-7-8/start-1x")).isFalse();
    assertThat(starts.namesAStart("build-1/jvm-7-88/start-1")).isFalse();
    assertThat(starts.namesAStart(null)).isFalse();
  }

  @Test
  void onlyTheLatestStartsAreKept() {
    for (int i = 0; i < JavaStarts.KEPT + 10; i++) {
      starts.started(starts.next(), 1000 + i, "true", List.of());
    }

    assertThat(starts.count()).isEqualTo(JavaStarts.KEPT + 10);
    assertThat(starts.byCookie(starts.cookieOf(10))).isEmpty();
    assertThat(starts.namesAStart(starts.cookieOf(10))).isTrue();
    assertThat(starts.byCookie(starts.cookieOf(11))).isPresent();
    assertThat(starts.byPid(1000)).isEmpty();
  }
}
