package dev.procleak.core.origin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * JFR's starts are there when a leak asks, also when the stream's consumer lags behind the
 * recorder: the busy threads below keep both cores of a CI machine loaded while it reads.
 */
@EnabledOnOs(OS.LINUX)
class JfrStartsTest {

  @Test
  void everyStartBeforeTheQuestionIsDeliveredWhenItIsAsked() throws Exception {
    JavaStarts starts = new JavaStarts("jfr-test");
    List<Thread> load = new ArrayList<>();
    try (JfrStarts jfr = JfrStarts.start(starts)) {
      for (int i = 0; i < Runtime.getRuntime().availableProcessors() * 2; i++) {
        Thread busy =
            new Thread(
                () -> {
                  long spin = 0;
                  while (!Thread.currentThread().isInterrupted()) {
                    spin++;
                  }
                  assertThat(spin).isPositive();
                },
                "jfr-test-load-" + i);
        busy.setDaemon(true);
        busy.start();
        load.add(busy);
      }
      for (int round = 0; round < 3; round++) {
        Process process = new ProcessBuilder("true").start();
        assertThat(process.waitFor()).isZero();

        jfr.awaitDelivery();

        assertThat(starts.byPid(process.pid()))
            .as("round %d: the start of pid %d", round, process.pid())
            .hasValueSatisfying(start -> assertThat(start.command()).isEqualTo("true"));
      }
    } finally {
      load.forEach(Thread::interrupt);
      for (Thread busy : load) {
        busy.join();
      }
    }
  }
}
