package dev.procleak.core.scan;

import dev.procleak.core.os.ClockTicks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Turns a {@link ProcessId}'s start time into an age and a wall-clock instant. On Linux the start
 * time is in clock ticks since boot, so the age is measured against the uptime, which is as precise
 * as the ticks; elsewhere (OSHI) it is already in epoch milliseconds.
 */
public final class ProcessClock {
  private static final Path UPTIME = Path.of("/proc/uptime");

  private ProcessClock() {}

  /** How long the process has existed now, or empty where the clock cannot be read. */
  public static Optional<Duration> age(ProcessId process) {
    if (!ProcfsScanner.isAvailable()) {
      return Optional.of(
          Duration.ofMillis(Math.max(0, System.currentTimeMillis() - process.startTime())));
    }
    try {
      String uptime = Files.readString(UPTIME).trim();
      double secondsSinceBoot = Double.parseDouble(uptime.substring(0, uptime.indexOf(' ')));
      long uptimeMillis = Math.round(secondsSinceBoot * 1000);
      long startedMillis = process.startTime() * 1000 / ClockTicks.PER_SECOND;
      return Optional.of(Duration.ofMillis(Math.max(0, uptimeMillis - startedMillis)));
    } catch (IOException | RuntimeException unreadable) {
      return Optional.empty();
    }
  }
}
