package dev.procleak.core.leak;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BuiltInFiltersTest {

  @Test
  void surefiresParentPingIsNeverALeak() {
    assertThat(BuiltInFilters.matches("/bin/sh -c ps -o etime,pid 4242")).isTrue();
    assertThat(BuiltInFilters.matches("ps -o etime,pid 4242")).isTrue();
    assertThat(BuiltInFilters.matches("/usr/bin/ps -o etime,pid 4242")).isTrue();
  }

  @Test
  void surefiresWindowsPingIsNeverALeak() {
    assertThat(BuiltInFilters.matches("wmic process where (ProcessId=4242) get CreationDate")).isTrue();
  }

  @Test
  void lookalikesAreStillChecked() {
    assertThat(BuiltInFilters.matches("ps -o etime,pid,args")).isFalse();
    assertThat(BuiltInFilters.matches("sleep 60")).isFalse();
  }
}
