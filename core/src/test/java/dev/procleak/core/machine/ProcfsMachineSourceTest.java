package dev.procleak.core.machine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcfsMachineSourceTest {
  @Test
  void readsGroupSessionFlagsAndStartTimeAfterTheLastParenthesis() {
    String stat =
        "24352 (a) b (c)) S 1 24349 17144 0 -1 4194304 103 0 0 0 0 0 0 0 20 0 1 0 754638 2654208 395 "
            + "18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0";
    MachineProcess process = ProcfsMachineSource.parse(24352, stat, "1000");
    assertThat(process.name()).isEqualTo("a) b (c)");
    assertThat(process.parentPid()).isEqualTo(1);
    assertThat(process.processGroup()).isEqualTo(24349);
    assertThat(process.session()).isEqualTo(17144);
    assertThat(process.id().startTime()).isEqualTo(754638);
    assertThat(process.kernelThread()).isFalse();
    assertThat(process.user()).isEqualTo("1000");
  }

  @Test
  void recognisesKernelThreadsByTheirFlag() {
    String stat =
        "14 (ksoftirqd/0) S 2 0 0 0 -1 69238848 0 0 0 0 0 0 0 0 20 0 1 0 3 0 0 "
            + "18446744073709551615 0 0 0 0 0 0 0 2147483647 0 0 0 0 17 0 0 0 0 0 0";
    assertThat(ProcfsMachineSource.parse(14, stat, "0").kernelThread()).isTrue();
  }

  @Test
  void theUserIsTheEffectiveUid() {
    String status = "Name:\tsudo\nState:\tS (sleeping)\nUid:\t1000\t0\t0\t0\nGid:\t1000\t0\t0\t0\n";
    assertThat(ProcfsMachineSource.effectiveUid(status)).isEqualTo("0");
  }
}
