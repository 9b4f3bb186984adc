package dev.procleak.core.leak;

import dev.procleak.core.config.ProcleakConfig;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which processes procleak spares: those whose command line matches {@code procleak.ignore} or a
 * {@link BuiltInFilters built-in filter}, and everything below them. The one filter every check
 * applies — a test JVM's scopes and its escaped search, {@code check}'s survivors, the session-end
 * check, {@code scan} — so that an ignored process is never reported nor killed anywhere.
 */
public final class ProcessFilter {
  private final List<Pattern> ignore;

  private ProcessFilter(List<Pattern> ignore) {
    this.ignore = List.copyOf(ignore);
  }

  public static ProcessFilter of(ProcleakConfig config) {
    return new ProcessFilter(config.ignore());
  }

  public static ProcessFilter of(List<Pattern> ignore) {
    return new ProcessFilter(ignore);
  }

  /** Whether this one command line is spared (with everything below it). */
  public boolean spares(String commandLine) {
    if (commandLine == null) {
      return false;
    }
    if (BuiltInFilters.matches(commandLine)) {
      return true;
    }
    for (Pattern pattern : ignore) {
      if (pattern.matcher(commandLine).find()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a process is spared: it or one of the processes above it that procleak watches (below
   * the test JVM, or in the same escaped tree) matches.
   *
   * @param selfAndWatchedAncestors the process's command line, then its watched ancestors' upward
   */
  public boolean sparesAny(Iterable<String> selfAndWatchedAncestors) {
    for (String commandLine : selfAndWatchedAncestors) {
      if (spares(commandLine)) {
        return true;
      }
    }
    return false;
  }
}
