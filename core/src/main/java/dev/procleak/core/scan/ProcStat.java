package dev.procleak.core.scan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads {@code /proc/PID/stat}. */
final class ProcStat {
  private static final int STATE = 0;
  private static final int PARENT = 1;
  private static final int THREADS = 17;
  private static final int START_TIME = 19;

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
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    try {
      return fields.length > THREADS ? Integer.parseInt(fields[THREADS]) : 0;
    } catch (NumberFormatException notANumber) {
      return 0;
    }
  }

  /** The process the text describes, or null when it is not a whole {@code stat} line of {@code pid}. */
  static ProcessInfo parse(long pid, String stat, boolean adopted) {
    // The name sits in parentheses and may itself hold spaces and parentheses.
    int open = stat.indexOf('(');
    int close = stat.lastIndexOf(')');
    if (open < 0 || close < open || close + 2 > stat.length()) {
      return null;
    }
    String[] fields = stat.substring(close + 2).split(" ");
    if (fields.length <= START_TIME || fields[STATE].isEmpty()) {
      return null;
    }
    try {
      if (Long.parseLong(stat.substring(0, open).trim()) != pid) {
        return null;
      }
      return new ProcessInfo(
          new ProcessId(pid, Long.parseLong(fields[START_TIME])),
          Long.parseLong(fields[PARENT]),
          fields[STATE].charAt(0),
          stat.substring(open + 1, close),
          adopted);
    } catch (NumberFormatException notAStatLine) {
      return null;
    }
  }
}
