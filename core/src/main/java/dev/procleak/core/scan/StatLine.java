package dev.procleak.core.scan;

/**
 * One {@code /proc/PID/stat} line, split around the process's name, which sits in parentheses and
 * may itself hold spaces and parentheses. Field indexes count from the state, the first field after
 * the name.
 */
public final class StatLine {
  public static final int STATE = 0;
  public static final int PARENT = 1;
  public static final int GROUP = 2;
  public static final int SESSION = 3;
  public static final int FLAGS = 6;
  public static final int THREADS = 17;
  public static final int START_TIME = 19;

  private final long pid;
  private final String name;
  private final String[] fields;

  private StatLine(long pid, String name, String[] fields) {
    this.pid = pid;
    this.name = name;
    this.fields = fields;
  }

  /** The line, or null when the text is not a whole {@code stat} line (cut short, garbled). */
  public static StatLine of(String stat) {
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
      return new StatLine(
          Long.parseLong(stat.substring(0, open).trim()), stat.substring(open + 1, close), fields);
    } catch (NumberFormatException notAPid) {
      return null;
    }
  }

  public long pid() {
    return pid;
  }

  public String name() {
    return name;
  }

  public char state() {
    return fields[STATE].charAt(0);
  }

  /** A numeric field; throws {@link NumberFormatException} when it is not a number. */
  public long number(int field) {
    return Long.parseLong(fields[field]);
  }
}
