package dev.procleak.core.origin;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Records this JVM's Java starts from the JDK's own log of them, where procleak's agent does not
 * run: from JDK 21 on, {@code ProcessBuilder.start} (which {@code Runtime.exec} calls too) logs
 * each start to the {@code System.Logger} named {@code java.lang.ProcessBuilder}, with the pid and
 * the command, and at {@code TRACE} with the callers' stack. Only where that logger is
 * java.util.logging's, the JDK's own: a handler of procleak's on that one logger takes the records.
 * Where the logger did not log them already, it is set to take them and to keep them from every
 * other handler, so that nothing new is printed; where it did, nothing of the build's own
 * configuration changes.
 */
public final class JdkLogStarts {
  static final String LOGGER = "java.lang.ProcessBuilder";

  /**
   * The JDK's own {@code LoggerFinder}, which hands {@code System.Logger}s to java.util.logging.
   */
  private static final String JDK_FINDER = "sun.util.logging.internal.LoggingProviderImpl";

  /** {@code ProcessBuilder.start(): pid: 4711, dir: null, cmd: "sh" "-c" "exit 0"}. */
  private static final Pattern START =
      Pattern.compile(
          "ProcessBuilder\\.start\\(\\): pid: (\\d+), dir: .*?, cmd: (.*)", Pattern.DOTALL);

  /** java.util.logging holds its loggers weakly: procleak's configuration must not be lost. */
  private static Logger held;

  private JdkLogStarts() {}

  /** Why the JDK's log of starts cannot be read in this JVM; empty where it can. */
  public static Optional<String> unavailable() {
    int feature = Runtime.version().feature();
    if (feature < 21) {
      return Optional.of(
          "the JDK logs process starts from JDK 21 on, and this test JVM runs " + feature);
    }
    String finder = System.LoggerFinder.getLoggerFinder().getClass().getName();
    if (!finder.equals(JDK_FINDER)) {
      return Optional.of(
          "the JDK's log of process starts goes to "
              + finder
              + ", this test class path's LoggerFinder, where procleak does not read it");
    }
    return Optional.empty();
  }

  /**
   * Starts recording into {@code starts}: each start is recorded on its own thread, as it happens.
   */
  public static synchronized void start(JavaStarts starts) {
    Logger logger = Logger.getLogger(LOGGER);
    if (!logger.isLoggable(Level.FINER)) {
      logger.setLevel(Level.FINER);
      logger.setUseParentHandlers(false);
    }
    logger.addHandler(new StartHandler(starts));
    held = logger;
  }

  /** What one record says: the start's pid, its command and the first callers outside the JDK. */
  private static final class StartHandler extends Handler {
    private final JavaStarts starts;

    StartHandler(JavaStarts starts) {
      this.starts = starts;
      setLevel(Level.ALL);
    }

    @Override
    public void publish(LogRecord record) {
      try {
        Matcher start = START.matcher(String.valueOf(record.getMessage()));
        if (start.matches()) {
          starts.started(
              starts.next(),
              Long.parseLong(start.group(1)),
              command(start.group(2)),
              callers(record));
        }
      } catch (RuntimeException e) {
        // A record procleak cannot read must never fail the start that logged it.
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }

  /** {@code "sh" "-c" "exit 0"} as procleak shows a command line: {@code sh -c exit 0}. */
  static String command(String quoted) {
    String trimmed = quoted.trim();
    if (trimmed.length() >= 2 && trimmed.startsWith("\"") && trimmed.endsWith("\"")) {
      return trimmed.substring(1, trimmed.length() - 1).replace("\" \"", " ");
    }
    return trimmed;
  }

  private static List<String> callers(LogRecord record) {
    List<String> callers = new ArrayList<>();
    Throwable stack = record.getThrown();
    if (stack == null) {
      return callers; // logged at DEBUG only: the start, with no callers
    }
    for (StackTraceElement frame : stack.getStackTrace()) {
      if (!Callers.isFramework(frame.getClassName()) && callers.size() < Callers.KEPT) {
        callers.add(
            Callers.frame(
                frame.getClassName(),
                frame.getMethodName(),
                frame.getFileName(),
                frame.getLineNumber()));
      }
    }
    return callers;
  }
}
