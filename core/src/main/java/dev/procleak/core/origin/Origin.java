package dev.procleak.core.origin;

import java.util.List;

/**
 * Where a leak's process tree came from: the start, through Java, of the leak itself or of its
 * nearest ancestor that Java started (its <em>origin</em>: a shell whose child leaked, say), or why
 * no such start is known.
 *
 * @param pid the origin's pid; 0 when not recorded
 * @param command the origin's command line as it was started; null when not recorded
 * @param exited whether the origin had exited when the leak was found
 * @param callers the code that started the origin, innermost first ({@link Callers}); empty when
 *     not recorded, or when only the JDK, procleak and test frameworks were on the stack
 * @param notRecorded why no start is known, naming what would record it; null when recorded
 * @param recordingOff whether nothing was recorded for any leak of this JVM, for the reason {@code
 *     notRecorded} gives (a message says it once, not for each leak)
 */
public record Origin(
    long pid,
    String command,
    boolean exited,
    List<String> callers,
    String notRecorded,
    boolean recordingOff) {
  /** Shown after the callers kept in a message. */
  public static final int SHOWN = 2;

  public Origin {
    callers = List.copyOf(callers);
  }

  public static Origin recorded(JavaStart start, boolean exited) {
    return new Origin(start.pid(), start.command(), exited, start.callers(), null, false);
  }

  /** This leak's start is not known, for a reason of its own. */
  public static Origin notRecorded(String why) {
    return new Origin(0, null, false, List.of(), why, false);
  }

  /** No start is recorded in this JVM at all, for {@code why}. */
  public static Origin recordingOff(String why) {
    return new Origin(0, null, false, List.of(), why, true);
  }

  public boolean isRecorded() {
    return notRecorded == null;
  }

  /**
   * The callers as one line: the first {@value #SHOWN}, then, when the frame of {@code testClass}
   * comes later, that one, e.g. {@code Indexer.start(Indexer.java:12) ← … ←
   * IndexerTest.indexes(IndexerTest.java:9)}.
   */
  public String callersLine(String testClass) {
    if (callers.isEmpty()) {
      return "only the JDK and the test framework were on the stack";
    }
    StringBuilder line = new StringBuilder();
    int shown = Math.min(SHOWN, callers.size());
    for (int i = 0; i < shown; i++) {
      line.append(i == 0 ? "" : " ← ").append(callers.get(i));
    }
    if (testClass != null && !testClass.isEmpty()) {
      for (int i = shown; i < callers.size(); i++) {
        if (callers.get(i).startsWith(testClass + ".")) {
          line.append(i == shown ? " ← " : " ← … ← ").append(callers.get(i));
          break;
        }
      }
    }
    return line.toString();
  }
}
