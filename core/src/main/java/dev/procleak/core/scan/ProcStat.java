package dev.procleak.core.scan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads {@code /proc/PID/stat}. */
final class ProcStat {
  private static final int STATE = 0;
  private static final int PARENT = 1;
  private static final int START_TIME = 19;

  private ProcStat() {}

  /** The process, or null when it is gone or {@code pid} names a thread rather than a process. */
  static ProcessInfo read(long pid, boolean adopted) {
    String stat;
    try {
      stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
    } catch (IOException gone) {
      return null;
    }
    return parse(pid, stat, adopted);
  }

  static ProcessInfo parse(long pid, String stat, boolean adopted) {
    // The name sits in parentheses and may itself hold spaces and parentheses.
    int open = stat.indexOf('(');
    int close = stat.lastIndexOf(')');
    if (open < 0 || close < open) {
      return null;
    }
    if (Long.parseLong(stat.substring(0, open).trim()) != pid) {
      return null;
    }
    String[] fields = stat.substring(close + 2).split(" ");
    return new ProcessInfo(
        new ProcessId(pid, Long.parseLong(fields[START_TIME])),
        Long.parseLong(fields[PARENT]),
        fields[STATE].charAt(0),
        stat.substring(open + 1, close),
        adopted);
  }
}
