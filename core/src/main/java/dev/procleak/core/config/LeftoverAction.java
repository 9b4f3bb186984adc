package dev.procleak.core.config;

import java.util.Locale;

/**
 * What a build does with processes an earlier build of the same project left running ({@value
 * #KEY}): this build did not leak them, so by default it stops them and says so without failing.
 */
public enum LeftoverAction {
  /** Stops them and warns: the default. */
  WARN,
  /** Stops them and fails the build, which did not leak them but should not run beside them. */
  FAIL,
  /** Names them and leaves them running, for whoever wants to look at them first. */
  KEEP;

  public static final String KEY = "procleak.leftovers";

  public static LeftoverAction parse(String value) {
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidConfigurationException(KEY, value, "warn, fail or keep");
    }
  }

  /** Whether the leftovers are stopped. */
  public boolean stops() {
    return this != KEEP;
  }
}
