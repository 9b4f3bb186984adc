package dev.procleak.core.leak;

import java.util.List;
import java.util.regex.Pattern;

/** Processes test runners start for themselves; they are never anyone's leak. */
public final class BuiltInFilters {
  private BuiltInFilters() {}

  static final List<Pattern> PATTERNS =
      List.of(
          // Surefire's PpidChecker pings its Maven parent every few seconds.
          Pattern.compile("(^|[\\s/])ps -o etime,pid \\d+$"),
          Pattern.compile("(^|[\\s\\\\])wmic(\\.exe)? process where \\(ProcessId=\\d+\\) get CreationDate"));

  public static boolean matches(String commandLine) {
    for (Pattern pattern : PATTERNS) {
      if (pattern.matcher(commandLine).find()) {
        return true;
      }
    }
    return false;
  }
}
