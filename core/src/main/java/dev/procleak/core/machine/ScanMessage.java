package dev.procleak.core.machine;

import dev.procleak.core.model.Ancestor;
import dev.procleak.core.model.Leak;
import dev.procleak.core.report.LeakMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The text {@code procleak:scan} prints: the culprits, then each zombie and orphan as a block of
 * the same table as {@code check}'s ({@link LeakMessage}), so both read alike and change together;
 * each block ends with the process's session, a hint where it came from.
 */
public final class ScanMessage {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}+");

  private ScanMessage() {}

  /**
   * The whole report: a summary line, the culprits, each zombie in its culprit's order, the
   * orphans.
   */
  public static List<String> lines(ScanResult result, String switches) {
    List<String> lines = new ArrayList<>();
    if (result.isEmpty()) {
      lines.add(
          "procleak:scan: no zombies or orphans of user " + result.user() + " on this machine.");
    } else {
      lines.add(
          "procleak:scan: "
              + summary(result)
              + " of user "
              + result.user()
              + " on this machine"
              + " (each still there after "
              + seconds(result.grace())
              + "; the scan kills nothing):");
    }
    if (!result.culprits().isEmpty()) {
      lines.add(
          "Culprits first: only killing them, or fixing them to wait for their children, removes their zombies.");
      for (Culprit culprit : result.culprits()) {
        lines.add(
            String.format(
                "  %-9s pid %d  %s  never waited for %s; %s",
                "CULPRIT",
                culprit.pid(),
                LeakMessage.shorten(oneLine(culprit.command())),
                count(culprit.zombies().size(), "zombie"),
                started(culprit.startedAt(), result.scannedAt())));
      }
    }
    Map<Long, FoundProcess> found = new HashMap<>();
    result.zombies().forEach(zombie -> found.put(zombie.pid(), zombie));
    result.orphans().forEach(orphan -> found.put(orphan.pid(), orphan));
    List<Leak> leaks = result.leaks().stream().map(ScanMessage::oneLine).toList();
    // Every one: the scan is asked for the list. A horde of one culprit's zombies is still a sample
    // and a count.
    for (String block :
        LeakMessage.body(leaks, leak -> session(found.get(leak.pid())), Integer.MAX_VALUE)) {
      lines.addAll(block.lines().toList());
    }
    if (!result.sessionsKnown()) {
      lines.add(
          "This system tells no sessions: an orphan adopted by init cannot be told from a daemon, so only"
              + " zombies and processes whose parent is gone are listed.");
    }
    if (!switches.isEmpty()) {
      lines.add(switches);
    }
    return lines;
  }

  /**
   * Where the process sits: its session (and who opened it) and process group, where the system
   * tells.
   */
  private static List<String> session(FoundProcess found) {
    if (found == null) {
      return List.of();
    }
    List<String> lines = new ArrayList<>();
    if (found.leftBy() != null) {
      lines.add(oneLine(found.leftBy()));
    }
    if (found.session() >= 0) {
      lines.add(
          "session "
              + found.session()
              + (found.sessionLeader() == null
                  ? " (its leader exited)"
                  : " of " + LeakMessage.shorten(oneLine(found.sessionLeader())))
              + ", process group "
              + found.processGroup());
    }
    return lines;
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

  /**
   * A command line may hold newlines and other control characters: each block stays one line per
   * field.
   */
  static String oneLine(String command) {
    return CONTROL.matcher(command).replaceAll(" ");
  }

  private static Leak oneLine(Leak leak) {
    List<Ancestor> ancestors =
        leak.ancestors().stream()
            .map(
                ancestor ->
                    new Ancestor(ancestor.pid(), oneLine(ancestor.command()), ancestor.testJvm()))
            .toList();
    return new Leak(
        leak.kind(),
        leak.process(),
        oneLine(leak.command()),
        ancestors,
        leak.scopeKind(),
        leak.scope(),
        leak.startedAt(),
        leak.age(),
        leak.outcome());
  }

  static String started(Instant startedAt, Instant now) {
    if (startedAt == null) {
      return "start time unknown";
    }
    return "started "
        + TIME.format(startedAt.atZone(ZoneId.systemDefault()))
        + ", "
        + LeakMessage.age(
            Duration.between(startedAt, now).isNegative()
                ? Duration.ZERO
                : Duration.between(startedAt, now));
  }

  private static String seconds(Duration grace) {
    return grace.toMillis() % 1000 == 0 ? grace.toSeconds() + " s" : grace.toMillis() + " ms";
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
