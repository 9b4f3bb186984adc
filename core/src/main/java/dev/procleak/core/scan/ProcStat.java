package dev.procleak.core.scan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads {@code /proc/PID/stat}. */
final class ProcStat {
  private ProcStat() {}

  /**
   * The process, or null when it is gone or {@code pid} names a thread rather than a process.
   * Processes vanish between being listed and being read: that is "gone", never an error.
   */
  static ProcessInfo read(long pid, boolean adopted) {
    String stat = line(pid);
    return stat == null ? null : parse(pid, stat, adopted);
  }

  /** The {@code stat} line of {@code pid}, or null when it is gone. */
  static String line(long pid) {
    try {
      return Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
    } catch (IOException | SecurityException gone) {
      return null;
    }
  }

  /** How many threads the process has, or 0 when the line does not say. */
  static int threads(String stat) {
    StatLine line = StatLine.of(stat);
    try {
      return line == null ? 0 : (int) line.number(StatLine.THREADS);
    } catch (NumberFormatException notANumber) {
      return 0;
    }
  }

  /**
   * The process the text describes, or null when it is not a whole {@code stat} line of {@code
   * pid}.
   */
  static ProcessInfo parse(long pid, String stat, boolean adopted) {
    StatLine line = StatLine.of(stat);
    if (line == null || line.pid() != pid) {
      return null;
    }
    try {
      return new ProcessInfo(
          new ProcessId(pid, line.number(StatLine.START_TIME)),
          line.number(StatLine.PARENT),
          line.state(),
          line.name(),
          adopted);
    } catch (NumberFormatException notAStatLine) {
      return null;
    }
  }
}
