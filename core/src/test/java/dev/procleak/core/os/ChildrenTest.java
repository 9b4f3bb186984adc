package dev.procleak.core.os;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procleak.core.RealProcesses;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ChildrenTest {

  @Test
  void seesARunningChildAndThenNone() throws Exception {
    try (RealProcesses processes = new RealProcesses()) {
      Process child = processes.shell("exec sleep 60");

      assertThat(Children.anyOfThisJvm()).isTrue();

      child.destroyForcibly().waitFor();
      RealProcesses.await("no child left", () -> !Children.anyOfThisJvm());
    }
  }

  @Test
  void takesNoExitStatusFromTheJdk() throws Exception {
    AtomicBoolean probing = new AtomicBoolean(true);
    Thread prober =
        new Thread(
            () -> {
              while (probing.get()) {
                Children.anyOfThisJvm();
              }
            });
    prober.start();
    try (RealProcesses processes = new RealProcesses()) {
      for (int i = 0; i < 20; i++) {
        Process child = processes.shell("exit 3");
        assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).isEqualTo(3);
      }
    } finally {
      probing.set(false);
      prober.join();
    }
  }
}
