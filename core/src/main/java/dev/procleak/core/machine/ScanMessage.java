package dev.procleak.core.machine;

import dev.procleak.core.leak.Leak;
import dev.procleak.core.leak.LeakKind;
import dev.procleak.core.report.LeakMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The text {@code procleak:scan} prints. Each process is one block of the same table as a
 * leak report ({@link LeakMessage#describe}), so both read alike and change together.
 */
public final class ScanMessage {
  static final int COMMAND_WIDTH = 100;
  static final int PARENT_WIDTH = 60;
  private static final String ELISION = " ... ";
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private ScanMessage() {}

  /** The whole report: a summary line, the culprits, each zombie under its culprit, the orphans. */
  public static List<String> lines(ScanResult result, String switches) {
    List<String> lines = new ArrayList<>();
    Instant now = result.scannedAt();
    if (result.isEmpty()) {
      lines.add("procleak:scan: no zombies or orphans of user " + result.user() + " on this machine.");
    } else {
      lines.add("procleak:scan: " + summary(result) + " of user " + result.user() + " on this machine"
          + " (each still there after " + seconds(result.grace()) + "):");
    }
    if (!result.culprits().isEmpty()) {
      lines.add("Culprits first: only killing them, or fixing them to wait for their children, removes their zombies.");
      for (Culprit culprit : result.culprits()) {
        lines.add(String.format("  %-9s pid %d  %s  never waited for %s; %s",
            "CULPRIT", culprit.pid(), shorten(culprit.command()), count(culprit.zombies().size(), "zombie"),
            started(culprit.startedAt(), now)));
      }
    }
    for (Culprit culprit : result.culprits()) {
      for (FoundProcess zombie : culprit.zombies()) {
        lines.addAll(LeakMessage.describe(toLeak(zombie, now)).lines().toList());
      }
    }
    for (FoundProcess orphan : result.orphans()) {
      lines.addAll(LeakMessage.describe(toLeak(orphan, now)).lines().toList());
    }
    if (!result.sessionsKnown()) {
      lines.add("This system tells no sessions: an orphan adopted by init cannot be told from a daemon, so only"
          + " zombies and processes whose parent is gone are listed.");
    }
    if (!switches.isEmpty()) {
      lines.add(switches);
    }
    return lines;
  }

  /** One process as a row of the leak table. */
  static Leak toLeak(FoundProcess found, Instant now) {
    String parent = shorten(found.parentCommand(), PARENT_WIDTH);
    if (found.kind() == LeakKind.ORPHAN) {
      parent += "  <- adopted it: its own parent died";
    }
    String scope = started(found.startedAt(), now);
    if (found.session() >= 0) {
      scope += "; session " + found.session()
          + (found.sessionLeader() == null ? " (its leader exited)" : " of " + shorten(found.sessionLeader()))
          + ", process group " + found.processGroup();
    }
    String cleanup = found.kind() == LeakKind.ZOMBIE
        ? "none (scan only lists); it goes once pid " + found.parentPid() + " waits for it or is killed"
        : "none (scan only lists)";
    return new Leak(found.kind(), found.process(), shorten(found.command()), found.parentPid(), parent, scope, cleanup);
  }

  /** How many zombies, culprits and orphans, in words. */
  public static String summary(ScanResult result) {
    List<String> parts = new ArrayList<>();
    int zombies = result.zombies().size();
    if (zombies > 0) {
      parts.add(count(zombies, "zombie") + " of " + count(result.culprits().size(), "culprit"));
    }
    if (!result.orphans().isEmpty()) {
      parts.add(count(result.orphans().size(), "orphan"));
    }
    return String.join(" and ", parts);
  }

  static String shorten(String command) {
    return shorten(command, COMMAND_WIDTH);
  }

  /** One line of at most {@code width} characters, its middle left out; a command line may hold newlines. */
  static String shorten(String command, int width) {
    command = command.replaceAll("\\p{Cntrl}+", " ");
    if (command.length() <= width) {
      return command;
    }
    // Both ends tell: the program at the start, the main class or script at the end.
    int head = width * 2 / 5;
    int tail = width - head - ELISION.length();
    return command.substring(0, head) + ELISION + command.substring(command.length() - tail);
  }

  static String started(Instant startedAt, Instant now) {
    if (startedAt == null) {
      return "start time unknown";
    }
    return "started " + TIME.format(startedAt.atZone(ZoneId.systemDefault())) + " (" + age(Duration.between(startedAt, now))
        + " ago)";
  }

  static String age(Duration age) {
    long seconds = Math.max(0, age.getSeconds());
    if (seconds < 120) {
      return seconds + " s";
    }
    if (seconds < 2 * 3600) {
      return seconds / 60 + " min";
    }
    if (seconds < 2 * 86400) {
      return seconds / 3600 + " h";
    }
    return seconds / 86400 + " days";
  }

  private static String seconds(Duration grace) {
    return grace.toMillis() % 1000 == 0 ? grace.toSeconds() + " s" : grace.toMillis() + " ms";
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
