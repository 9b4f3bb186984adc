package dev.procleak.core.report;

import dev.procleak.core.leak.Leak;
import dev.procleak.core.leak.LeakKind;
import java.util.List;

/** The text a developer reads in a failed test or a failed build. */
public final class LeakMessage {
  private LeakMessage() {}

  public static String format(String where, List<Leak> leaks, String switches) {
    StringBuilder text = new StringBuilder();
    text.append("procleak: ")
        .append(leaks.size())
        .append(leaks.size() == 1 ? " process" : " processes")
        .append(" leaked by ")
        .append(where)
        .append(':');
    for (Leak leak : leaks) {
      text.append(System.lineSeparator()).append(describe(leak));
    }
    if (!switches.isEmpty()) {
      text.append(System.lineSeparator()).append(switches);
    }
    return text.toString();
  }

  public static String describe(Leak leak) {
    String indent = "  " + " ".repeat(10);
    String parent =
        leak.parentCommand().equals("the test JVM")
            ? "parent: the test JVM (pid " + leak.parentPid() + ")"
            : "parent: pid " + leak.parentPid() + "  " + leak.parentCommand();
    if (leak.kind() == LeakKind.ZOMBIE) {
      parent += "  <- the culprit: it never waited for its child";
    }
    return String.format(
        "  %-9s pid %d  %s%n%s%s%n%sscope: %s%n%scleanup: %s",
        leak.kind(),
        leak.pid(),
        leak.command(),
        indent,
        parent,
        indent,
        leak.scope(),
        indent,
        leak.cleanup());
  }
}
