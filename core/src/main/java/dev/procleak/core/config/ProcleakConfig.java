package dev.procleak.core.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The settings shared by the JUnit extension, the test-JVM agent and the Maven goals. The same keys
 * are JUnit configuration parameters, system properties and Maven user properties.
 *
 * @param action fail the test or build, or only warn
 * @param cleanup kill and reap what leaked once it is reported
 * @param grace how long to wait for processes to finish before calling them leaked
 * @param ignore command lines matching any of these are neither reported nor killed
 * @param subreaper make the test JVM the child subreaper of its descendants (Linux); when off,
 *     escaped processes are found through the environment cookie at the end of the test JVM
 * @param recordStarts how the test JVM records where each process it starts was started from
 */
public record ProcleakConfig(
    Action action,
    boolean cleanup,
    Duration grace,
    List<Pattern> ignore,
    boolean subreaper,
    RecordStarts recordStarts) {
  public static final String ACTION = "procleak.action";
  public static final String CLEANUP = "procleak.cleanup";
  public static final String GRACE = "procleak.grace";
  public static final String IGNORE = "procleak.ignore";
  public static final String SUBREAPER = "procleak.subreaper";
  public static final String RECORD_STARTS = "procleak.recordStarts";

  public static final ProcleakConfig DEFAULTS =
      new ProcleakConfig(
          Action.FAIL, true, Duration.ofMillis(500), List.of(), true, RecordStarts.AUTO);

  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m)");

  public ProcleakConfig {
    ignore = List.copyOf(ignore);
  }

  /** The settings with starts recorded as by default. */
  public ProcleakConfig(
      Action action, boolean cleanup, Duration grace, List<Pattern> ignore, boolean subreaper) {
    this(action, cleanup, grace, ignore, subreaper, RecordStarts.AUTO);
  }

  /** These settings with {@code patterns} to ignore instead. */
  public ProcleakConfig withIgnore(List<Pattern> patterns) {
    return new ProcleakConfig(action, cleanup, grace, patterns, subreaper, recordStarts);
  }

  /**
   * Reads every key from {@code settings}: {@code prepare}'s file, a Mojo's parameters, a
   * properties file; an absent key keeps its default.
   */
  public static ProcleakConfig from(Properties settings) {
    return from(key -> Optional.ofNullable(settings.getProperty(key)));
  }

  /**
   * Reads every key through {@code lookup} (the one reader of procleak's settings, whichever the
   * source: {@link #from(Properties)}, JUnit's configuration parameters, system properties); an
   * absent key keeps its default.
   */
  public static ProcleakConfig from(Function<String, Optional<String>> lookup) {
    // No lambda per key: each costs a class spun at its first use, in every test JVM.
    String action = lookup.apply(ACTION).orElse(null);
    String cleanup = lookup.apply(CLEANUP).orElse(null);
    String grace = lookup.apply(GRACE).orElse(null);
    String ignore = lookup.apply(IGNORE).orElse(null);
    String subreaper = lookup.apply(SUBREAPER).orElse(null);
    String recordStarts = lookup.apply(RECORD_STARTS).orElse(null);
    return new ProcleakConfig(
        action == null ? DEFAULTS.action() : parseAction(ACTION, action),
        cleanup == null ? DEFAULTS.cleanup() : parseBoolean(CLEANUP, cleanup),
        grace == null ? DEFAULTS.grace() : parseDuration(GRACE, grace),
        ignore == null ? DEFAULTS.ignore() : parsePatterns(IGNORE, ignore),
        subreaper == null ? DEFAULTS.subreaper() : parseBoolean(SUBREAPER, subreaper),
        recordStarts == null
            ? DEFAULTS.recordStarts()
            : parseRecordStarts(RECORD_STARTS, recordStarts));
  }

  public static RecordStarts parseRecordStarts(String key, String value) {
    switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "auto":
        return RecordStarts.AUTO;
      case "jfr":
        return RecordStarts.JFR;
      case "off":
        return RecordStarts.OFF;
      default:
        throw new InvalidConfigurationException(key, value, "auto, jfr or off");
    }
  }

  public static Action parseAction(String key, String value) {
    switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "fail":
        return Action.FAIL;
      case "warn":
        return Action.WARN;
      default:
        throw new InvalidConfigurationException(key, value, "fail or warn");
    }
  }

  public static boolean parseBoolean(String key, String value) {
    switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "true":
        return true;
      case "false":
        return false;
      default:
        throw new InvalidConfigurationException(key, value, "true or false");
    }
  }

  public static Duration parseDuration(String key, String value) {
    Matcher matcher = DURATION.matcher(value.trim().toLowerCase(Locale.ROOT));
    if (!matcher.matches()) {
      throw new InvalidConfigurationException(key, value, "a duration such as 500ms, 2s or 1m");
    }
    long amount = Long.parseLong(matcher.group(1));
    switch (matcher.group(2)) {
      case "ms":
        return Duration.ofMillis(amount);
      case "s":
        return Duration.ofSeconds(amount);
      default:
        return Duration.ofMinutes(amount);
    }
  }

  /** Comma-separated regular expressions, searched anywhere in the command line. */
  public static List<Pattern> parsePatterns(String key, String value) {
    List<Pattern> patterns = new ArrayList<>();
    for (String part : value.split(",")) {
      String regex = part.trim();
      if (regex.isEmpty()) {
        continue;
      }
      try {
        patterns.add(Pattern.compile(regex));
      } catch (PatternSyntaxException e) {
        throw new InvalidConfigurationException(
            key,
            value,
            "comma-separated regular expressions (" + e.getDescription() + " in '" + regex + "')");
      }
    }
    return patterns;
  }
}
