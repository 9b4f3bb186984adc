package dev.procleak.core.os;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WaitStatusTest {

  @Test
  void decodesAnExitCode() {
    WaitStatus status = new WaitStatus(3 << 8);

    assertThat(status.exited()).isTrue();
    assertThat(status.signaled()).isFalse();
    assertThat(status).hasToString("exited with code 3");
  }

  @Test
  void decodesATerminatingSignal() {
    assertThat(new WaitStatus(15)).hasToString("killed by signal 15");
    assertThat(new WaitStatus(9).termSignal()).isEqualTo(9);
  }

  @Test
  void decodesACoreDump() {
    WaitStatus status = new WaitStatus(0x80 | 11);

    assertThat(status.coreDumped()).isTrue();
    assertThat(status).hasToString("killed by signal 11 (core dumped)");
  }

  @Test
  void aStoppedChildIsNeitherExitedNorSignaled() {
    WaitStatus stopped = new WaitStatus((19 << 8) | 0x7f);

    assertThat(stopped.exited()).isFalse();
    assertThat(stopped.signaled()).isFalse();
  }
}
