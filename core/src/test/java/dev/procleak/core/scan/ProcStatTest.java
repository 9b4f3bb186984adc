package dev.procleak.core.scan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcStatTest {
  private static final String TAIL =
      " 0 0 0 0 0 0 0 0 0 0 0 20 0 1 0 98765 1000 100 0 0 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0";

  @Test
  void readsFieldsAfterTheLastParenthesis() {
    ProcessInfo info = ProcStat.parse(42, "42 (my (odd) name) S 7 42 42" + TAIL, false);

    assertThat(info.name()).isEqualTo("my (odd) name");
    assertThat(info.state()).isEqualTo('S');
    assertThat(info.parentPid()).isEqualTo(7);
    assertThat(info.id()).isEqualTo(new ProcessId(42, 98765));
  }

  @Test
  void readsTheThreadCount() {
    assertThat(ProcStat.threads("42 (my (odd) name) S 7 42 42" + TAIL)).isEqualTo(1);
    assertThat(ProcStat.threads(ProcStat.line(ProcessHandle.current().pid()))).isGreaterThan(1);
    assertThat(ProcStat.threads("42 (cut) S 7")).isZero();
  }

  @Test
  void recognisesZombies() {
    assertThat(ProcStat.parse(9, "9 (sleep) Z 8 9 9" + TAIL, false).isZombie()).isTrue();
  }

  @Test
  void rejectsAStatOfAnotherPid() {
    assertThat(ProcStat.parse(10, "11 (sleep) S 8 9 9" + TAIL, false)).isNull();
  }

  @Test
  void aVanishedProcessIsGoneNotAnError() {
    assertThat(ProcStat.read(Integer.MAX_VALUE, false)).isNull();
  }

  @Test
  void aLineCutShortIsNoProcess() {
    String whole = "42 (sleep) S 7 42 42" + TAIL;

    assertThat(ProcStat.parse(42, whole.substring(0, 30), false)).isNull();
    assertThat(ProcStat.parse(42, "42 (sleep)", false)).isNull();
    assertThat(ProcStat.parse(42, "", false)).isNull();
    assertThat(ProcStat.parse(42, "4x (sleep) S 7 42 42" + TAIL, false)).isNull();
  }
}
