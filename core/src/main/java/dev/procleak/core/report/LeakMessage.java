package dev.procleak.core.report;

import dev.procleak.core.model.Ancestor;
import dev.procleak.core.model.Leak;
import dev.procleak.core.model.LeakKind;
import dev.procleak.core.origin.Origin;
import dev.procleak.core.scan.Holdings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * The text a developer reads in a failed test or a failed build: a header that counts the leaks by
 * kind, then one block per leak, at most a screen per scope. Each block starts with the kind,
 * {@code pid N} and the command, so the text greps well; then the parent chain up to the test JVM,
 * the tests that could have started it when several ran at the same time, the Java call that
 * started its tree, its working directory and listening sockets, the age and what cleanup did.
 */
public final class LeakMessage {
  /** More zombies than this under one parent are a horde: a sample and a count. */
  static final int HORDE = 5;

  static final int HORDE_SAMPLE = 3;

  /** Blocks shown per scope; the rest are counted (the JSON report has them all). */
  static final int MAX_BLOCKS = 8;

  /** Ancestors shown between a leak's parent and the top of its chain. */
  static final int MAX_CHAIN = 3;

  /**
   * Longer command lines (a JVM's class path) keep their two ends; the JSON report keeps them
   * whole.
   */
  static final int MAX_COMMAND = 200;

  static final String CUT = " ... ";

  /** Added to a header when a leak there may be another test's that ran at the same time. */
  public static final String OR_AT_THE_SAME_TIME = "or a test that ran at the same time";

  private static final String NL = System.lineSeparator();
  private static final String INDENT = " ".repeat(12);

  private LeakMessage() {}

  /** The message for leaks of one scope, ending with {@code switches} when it is not empty. */
  public static String format(List<Leak> leaks, String switches) {
    if (leaks.isEmpty()) {
      throw new IllegalArgumentException("no leaks to describe");
    }
    StringBuilder text = new StringBuilder();
    text.append("procleak: ")
        .append(count(leaks.size(), "process", "processes"))
        .append(" leaked")
        // One leak's kind opens its block, right below: the count would only repeat it.
        .append(leaks.size() == 1 ? "" : " (" + countByKind(leaks) + ")")
        .append(" by ")
        .append(Printable.oneLine(leaks.get(0).scopeDescription()))
        .append(leaks.stream().anyMatch(Leak::isAmbiguous) ? " " + OR_AT_THE_SAME_TIME : "")
        .append(':');
    body(leaks).forEach(block -> text.append(NL).append(block));
    recordingOff(leaks).ifPresent(line -> text.append(NL).append(line));
    if (!switches.isEmpty()) {
      text.append(NL).append(switches);
    }
    return text.toString();
  }

  /** The lines under the header: leak blocks, hordes condensed, the rest counted. */
  static List<String> body(List<Leak> leaks) {
    return body(leaks, leak -> List.of(), MAX_BLOCKS);
  }

  /**
   * As {@link #body(List)}, each block ending with {@code notes} of its leak, one line each, and at
   * most {@code maxBlocks} blocks.
   */
  public static List<String> body(
      List<Leak> leaks, Function<Leak, List<String>> notes, int maxBlocks) {
    Map<Long, Integer> zombiesByParent = new LinkedHashMap<>();
    for (Leak leak : leaks) {
      if (leak.kind() == LeakKind.ZOMBIE) {
        zombiesByParent.merge(leak.parentPid(), 1, Integer::sum);
      }
    }
    // An entry is one leak, or the rest of a horde beyond its sample.
    List<List<Leak>> entries = new ArrayList<>();
    Map<Long, List<Leak>> hordeRests = new LinkedHashMap<>();
    Map<Long, Integer> sampled = new LinkedHashMap<>();
    for (Leak leak : leaks) {
      boolean inHorde =
          leak.kind() == LeakKind.ZOMBIE && zombiesByParent.get(leak.parentPid()) > HORDE;
      if (inHorde && sampled.merge(leak.parentPid(), 1, Integer::sum) > HORDE_SAMPLE) {
        List<Leak> rest = hordeRests.computeIfAbsent(leak.parentPid(), pid -> new ArrayList<>());
        if (rest.isEmpty()) {
          entries.add(rest);
        }
        rest.add(leak);
      } else {
        entries.add(List.of(leak));
      }
    }
    List<String> lines = new ArrayList<>();
    List<Leak> unshown = new ArrayList<>();
    for (List<Leak> entry : entries) {
      if (lines.size() >= maxBlocks) {
        unshown.addAll(entry);
      } else if (isHordeRest(entry, hordeRests)) {
        lines.add(hordeLine(entry));
      } else {
        lines.add(describe(entry.get(0), notes.apply(entry.get(0))));
      }
    }
    if (!unshown.isEmpty()) {
      lines.add(
          "  ... and "
              + count(unshown.size(), "more process", "more processes")
              + " ("
              + kinds(unshown)
              + "): procleak's JSON report lists every one");
    }
    return lines;
  }

  private static boolean isHordeRest(List<Leak> entry, Map<Long, List<Leak>> hordeRests) {
    return hordeRests.get(entry.get(0).parentPid()) == entry;
  }

  /** One leak: kind, pid and command; parent chain; age and cleanup. */
  public static String describe(Leak leak) {
    return describe(leak, List.of());
  }

  /** As {@link #describe(Leak)}, then {@code notes}, one line each. */
  public static String describe(Leak leak, List<String> notes) {
    StringBuilder block = new StringBuilder();
    block.append(
        String.format("  %-9s pid %d  %s", leak.kind(), leak.pid(), shorten(leak.command())));
    List<Ancestor> chain = leak.ancestors();
    Ancestor parent = chain.get(0);
    block.append(NL).append(INDENT).append("parent: ");
    if (leak.kind() == LeakKind.ORPHAN) {
      block.append("exited; adopted by ").append(shorten(parent.toString()));
    } else {
      block.append(shorten(parent.toString()));
      if (leak.kind() == LeakKind.ZOMBIE) {
        block.append("  <- the culprit: it never waited for its child");
      }
    }
    List<Ancestor> above = chain.subList(1, chain.size());
    for (int i = 0; i < above.size(); i++) {
      if (above.size() > MAX_CHAIN && i == MAX_CHAIN - 1) {
        block
            .append(NL)
            .append(INDENT)
            .append("under:  ... ")
            .append(above.size() - MAX_CHAIN)
            .append(" more");
        i = above.size() - 1;
      }
      block.append(NL).append(INDENT).append("under:  ").append(shorten(above.get(i).toString()));
    }
    if (leak.isAmbiguous()) {
      block.append(NL).append(INDENT).append(candidates(leak));
    }
    origin(leak).forEach(line -> block.append(NL).append(INDENT).append(line));
    holdings(leak).ifPresent(line -> block.append(NL).append(INDENT).append(line));
    block
        .append(NL)
        .append(INDENT)
        .append(age(leak.age()))
        .append("; cleanup: ")
        .append(leak.cleanup());
    notes.forEach(note -> block.append(NL).append(INDENT).append(note));
    return block.toString();
  }

  /**
   * Where the leak's tree came from: {@code started by: pid N command (exited)} when Java started
   * an ancestor, not the leak itself; then {@code started at:} its callers, or why none are known.
   * Nothing where nothing was asked.
   */
  public static List<String> origin(Leak leak) {
    Origin origin = leak.origin();
    if (origin == null || origin.recordingOff()) {
      return List.of();
    }
    if (!origin.isRecorded()) {
      return List.of("started at: " + origin.notRecorded());
    }
    List<String> lines = new ArrayList<>();
    if (origin.pid() != leak.pid()) {
      lines.add(
          "started by: pid "
              + origin.pid()
              + "  "
              + shorten(origin.command())
              + (origin.exited() ? "  (exited)" : ""));
    }
    // The test's own frame is worth showing, after a gap if need be: its class is the scope's.
    lines.add("started at: " + origin.callersLine(leak.scope().className()));
    return lines;
  }

  /**
   * The one line saying why no leak names where it was started, when its JVM recorded no starts at
   * all: the reason names the switch that records them.
   */
  public static Optional<String> recordingOff(List<Leak> leaks) {
    return leaks.stream()
        .map(Leak::origin)
        .filter(origin -> origin != null && origin.recordingOff())
        .map(origin -> "Where they were started is not recorded: " + origin.notRecorded() + ".")
        .findFirst();
  }

  /** {@code cwd /work/app; listening on 127.0.0.1:8080}, for a leak still running when found. */
  public static Optional<String> holdings(Leak leak) {
    Holdings held = leak.holdings();
    if (held.isEmpty()) {
      return Optional.empty();
    }
    StringJoiner line = new StringJoiner("; ");
    if (held.workingDirectory() != null) {
      line.add("cwd " + Printable.oneLine(held.workingDirectory()));
    }
    if (!held.listening().isEmpty()) {
      line.add("listening on " + String.join(", ", held.listening()));
    }
    return Optional.of(line.toString());
  }

  /** The line naming every test that could have started an ambiguous leak. */
  public static String candidates(Leak leak) {
    return "candidates: one of "
        + Printable.oneLine(String.join(", ", leak.candidates()))
        + " (they ran at the same time; procleak cannot tell which started it)";
  }

  /**
   * A command line on one line ({@link Printable#oneLine}), cut in its middle when it is longer
   * than {@link #MAX_COMMAND}.
   */
  public static String shorten(String text) {
    String command = Printable.oneLine(text);
    if (command.length() <= MAX_COMMAND) {
      return command;
    }
    int half = (MAX_COMMAND - CUT.length()) / 2;
    return command.substring(0, half) + CUT + command.substring(command.length() - half);
  }

  /** How old a process was when found: tenths of a second when young, minutes when old. */
  public static String age(Duration age) {
    if (age == null) {
      return "age unknown";
    }
    long millis = age.toMillis();
    if (millis < 10_000) {
      return String.format("age %d.%ds", millis / 1000, millis % 1000 / 100);
    }
    long seconds = age.toSeconds();
    if (seconds < 60) {
      return "age " + seconds + "s";
    }
    if (seconds < 3600) {
      return String.format("age %dm %02ds", seconds / 60, seconds % 60);
    }
    return String.format("age %dh %02dm", seconds / 3600, seconds % 3600 / 60);
  }

  private static String hordeLine(List<Leak> rest) {
    Leak first = rest.get(0);
    Map<String, Integer> outcomes = new LinkedHashMap<>();
    rest.forEach(leak -> outcomes.merge(leak.cleanup(), 1, Integer::sum));
    StringJoiner cleanup = new StringJoiner("; ");
    outcomes.forEach((outcome, n) -> cleanup.add(n + " " + outcome));
    return String.format(
        "  %-9s ... and %d more zombies of pid %d like the %d above; cleanup: %s",
        LeakKind.ZOMBIE, rest.size(), first.parentPid(), HORDE_SAMPLE, cleanup);
  }

  /**
   * How many of each kind, for a header: {@code 200 zombies of one culprit, 1 lingering}. Zombies
   * count their culprits, since one culprit killed removes all of its zombies.
   */
  static String countByKind(List<Leak> leaks) {
    Map<LeakKind, Integer> byKind = new EnumMap<>(LeakKind.class);
    Set<Long> culprits = new HashSet<>();
    for (Leak leak : leaks) {
      byKind.merge(leak.kind(), 1, Integer::sum);
      if (leak.kind() == LeakKind.ZOMBIE) {
        culprits.add(leak.parentPid());
      }
    }
    StringJoiner counts = new StringJoiner(", ");
    byKind.forEach(
        (kind, n) ->
            counts.add(
                switch (kind) {
                  case ZOMBIE ->
                      count(n, "zombie", "zombies")
                          + " of "
                          + (culprits.size() == 1
                              ? "one culprit"
                              : count(culprits.size(), "culprit", "culprits"));
                  case ORPHAN -> count(n, "orphan", "orphans");
                  case LINGERING -> n + " lingering";
                }));
    return counts.toString();
  }

  private static String kinds(List<Leak> leaks) {
    Map<LeakKind, Integer> byKind = new LinkedHashMap<>();
    leaks.forEach(leak -> byKind.merge(leak.kind(), 1, Integer::sum));
    StringJoiner kinds = new StringJoiner(", ");
    byKind.forEach((kind, n) -> kinds.add(n + " " + kind));
    return kinds.toString();
  }

  static String count(int n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }
}
