package dev.procleak.core.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procleak.core.RealProcesses;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProcessClockTest {
  /** Linux counts start times in clock ticks (10 ms here) and the uptime in hundredths. */
  private static final Duration TICK = Duration.ofMillis(20);

  @Test
  void aProcessesAgeLiesBetweenWhatWasMeasuredAroundItsStart() {
    try (RealProcesses processes = new RealProcesses()) {
      long before = System.nanoTime();
      Process process = processes.shell("exec sleep 60");
      long after = System.nanoTime();
      ProcessId id = processes.track(process.pid());
      RealProcesses.await(
          "a measurable age", () -> System.nanoTime() - after > Duration.ofMillis(300).toNanos());

      long lowest = System.nanoTime() - after;
      Duration age = ProcessClock.age(id).orElseThrow();
      long highest = System.nanoTime() - before;

      assertThat(age)
          .isBetween(Duration.ofNanos(lowest).minus(TICK), Duration.ofNanos(highest).plus(TICK));
    }
  }
}
