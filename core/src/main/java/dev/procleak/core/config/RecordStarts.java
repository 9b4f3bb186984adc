package dev.procleak.core.config;

/**
 * How a test JVM records the Java starts that leaks are traced back to ({@code
 * procleak.recordStarts}).
 */
public enum RecordStarts {
  /** Through procleak's agent, where it runs (plugin mode): cheap, so on; else not at all. */
  AUTO,
  /**
   * Through JFR's {@code jdk.ProcessStart} event, also without the agent: about a second and 50 MB
   * per test JVM.
   */
  JFR,
  OFF;

  /** The setting that makes a JVM without the agent record starts, as a message names it. */
  public static final String TURN_ON_WITHOUT_AGENT = ProcleakConfig.RECORD_STARTS + "=jfr";
}
