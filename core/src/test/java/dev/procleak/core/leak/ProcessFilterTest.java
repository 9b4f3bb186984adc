package dev.procleak.core.leak;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procleak.core.config.ProcleakConfig;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProcessFilterTest {
  private final ProcessFilter filter =
      ProcessFilter.of(
          ProcleakConfig.from(
              key ->
                  Optional.ofNullable(
                      key.equals(ProcleakConfig.IGNORE) ? "chromedriver, sleep 6[0-9]" : null)));

  @Test
  void sparesAMatchAndEverythingBelowIt() {
    assertThat(filter.spares("/usr/bin/chromedriver --port=9515")).isTrue();
    assertThat(
            filter.sparesAny(
                List.of("sleep 30", "sh -c sleep 30", "/usr/bin/chromedriver --port=9515")))
        .isTrue();
    assertThat(filter.sparesAny(List.of("sleep 30", "sh -c sleep 30"))).isFalse();
  }

  @Test
  void sparesWhatTheBuiltInFiltersSpareToo() {
    assertThat(filter.spares("/bin/sh -c ps -o etime,pid 4242")).isTrue();
    assertThat(
            ProcessFilter.of(List.of()).spares("/usr/lib/jvm/java-17/lib/jspawnhelper 17 8:9:10"))
        .isTrue();
  }

  @Test
  void anUnreadableCommandLineIsNoMatch() {
    assertThat(filter.sparesAny(Arrays.asList(null, "sleep 1"))).isFalse();
  }
}
