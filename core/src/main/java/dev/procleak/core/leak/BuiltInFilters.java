package dev.procleak.core.leak;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Processes that test runners and the JDK start for themselves; they are never anyone's leak, never
 * killed. Each pattern matches the command line as the kernel shows it, recorded on this project's
 * machines.
 */
public final class BuiltInFilters {
  private BuiltInFilters() {}

  static final List<Pattern> PATTERNS =
      List.of(
          // Surefire's PpidChecker pings its Maven parent every few seconds.
          Pattern.compile("(^|[\\s/])ps -o etime,pid \\d+$"),
          Pattern.compile(
              "(^|[\\s\\\\])wmic(\\.exe)? process where \\(ProcessId=\\d+\\) get CreationDate"),
          // The JDK (17 and 25 alike) starts every process through its launch helper, which then
          // execs the program: "<java.home>/lib/jspawnhelper <version> <fd>:<fd>:<fd>".
          Pattern.compile("(^|/)jspawnhelper( \\S+)? \\d+:\\d+:\\d+$"),
          // Gradle's worker processes (test executors, worker daemons) run this main class; a
          // test worker never owns them, Gradle does.
          Pattern.compile(
              "\\sworker\\.org\\.gradle\\.process\\.internal\\.worker\\.GradleWorkerMain( |$)"));

  public static boolean matches(String commandLine) {
    for (Pattern pattern : PATTERNS) {
      if (pattern.matcher(commandLine).find()) {
        return true;
      }
    }
    return false;
  }
}
