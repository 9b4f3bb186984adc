package dev.procleak.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.procleak.core.leak.ProcessFilter;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProcleakConfigTest {

  private static ProcleakConfig read(Map<String, String> values) {
    return ProcleakConfig.from(key -> Optional.ofNullable(values.get(key)));
  }

  @Test
  void absentKeysKeepTheirDefaults() {
    assertThat(read(Map.of())).isEqualTo(ProcleakConfig.DEFAULTS);
  }

  @Test
  void readsEveryKey() {
    ProcleakConfig config =
        read(
            Map.of(
                "procleak.action", "WARN",
                "procleak.cleanup", "false",
                "procleak.grace", "2s",
                "procleak.ignore", "sleep 6[0-9], ^/usr/bin/ssh-agent",
                "procleak.subreaper", "false"));

    assertThat(config.action()).isEqualTo(Action.WARN);
    assertThat(config.cleanup()).isFalse();
    assertThat(config.grace()).isEqualTo(Duration.ofSeconds(2));
    assertThat(ProcessFilter.of(config).spares("sleep 60")).isTrue();
    assertThat(ProcessFilter.of(config).spares("/usr/bin/ssh-agent -D")).isTrue();
    assertThat(ProcessFilter.of(config).spares("sleep 30")).isFalse();
    assertThat(config.subreaper()).isFalse();
  }

  @Test
  void aBadSubreaperSwitchNamesKeyAndValue() {
    assertThatThrownBy(() -> read(Map.of("procleak.subreaper", "off")))
        .hasMessage("procleak: invalid value 'off' for procleak.subreaper: expected true or false");
  }

  @Test
  void readsDurationsInEveryUnit() {
    assertThat(ProcleakConfig.parseDuration("k", "250ms")).isEqualTo(Duration.ofMillis(250));
    assertThat(ProcleakConfig.parseDuration("k", " 3 s ")).isEqualTo(Duration.ofSeconds(3));
    assertThat(ProcleakConfig.parseDuration("k", "1m")).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void aBadDurationNamesTheKeyAndTheValue() {
    assertThatThrownBy(() -> read(Map.of("procleak.grace", "banana")))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessage(
            "procleak: invalid value 'banana' for procleak.grace: expected a duration such as 500ms, 2s or 1m");
  }

  @Test
  void aBadActionNamesTheKeyAndTheValue() {
    assertThatThrownBy(() -> read(Map.of("procleak.action", "explode")))
        .hasMessage("procleak: invalid value 'explode' for procleak.action: expected fail or warn");
  }

  @Test
  void aBadBooleanNamesTheKeyAndTheValue() {
    assertThatThrownBy(() -> read(Map.of("procleak.cleanup", "yes")))
        .hasMessage("procleak: invalid value 'yes' for procleak.cleanup: expected true or false");
  }

  @Test
  void aBadPatternNamesTheKeyTheValueAndTheFault() {
    assertThatThrownBy(() -> read(Map.of("procleak.ignore", "ok,sleep (")))
        .hasMessageStartingWith(
            "procleak: invalid value 'ok,sleep (' for procleak.ignore: expected comma-separated regular expressions (Unclosed group");
  }
}
