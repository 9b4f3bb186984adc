package dev.procleak.core.session;

import dev.procleak.core.config.ProcleakConfig;
import dev.procleak.core.config.RecordStarts;
import dev.procleak.core.leak.LeakCheck;
import dev.procleak.core.origin.JavaStarts;
import dev.procleak.core.origin.JdkLogStarts;
import dev.procleak.core.origin.JfrStarts;
import dev.procleak.core.origin.Origins;
import java.util.Optional;

/**
 * How a test JVM learns where each process was started, and what every leak says of it: nothing
 * until a hook records starts (procleak's agent), JFR's {@code jdk.ProcessStart} where {@code
 * procleak.recordStarts=jfr} asks for it without the agent, or why starts are not recorded.
 */
final class StartRecording implements AutoCloseable {
  /** How starts are recorded without the agent, and at what cost, as every message ends. */
  private static final String TURN_ON =
      RecordStarts.TURN_ON_WITHOUT_AGENT
          + " (through JFR, which costs each test JVM about a second and 50 MB)";

  private final LeakCheck check;
  private final JavaStarts starts;
  private JfrStarts jfr;

  StartRecording(LeakCheck check, String cookie, ProcleakConfig config, boolean hooked) {
    this.check = check;
    this.starts = new JavaStarts(cookie);
    check.traceWith(
        Origins.off(
            config.recordStarts() == RecordStarts.OFF
                ? ProcleakConfig.RECORD_STARTS + "=off"
                : "this test JVM runs without procleak's agent; bind procleak:prepare, or set "
                    + TURN_ON));
    if (config.recordStarts() == RecordStarts.JFR && !hooked) {
      throughJfr();
    } else if (config.recordStarts() == RecordStarts.AUTO && !hooked) {
      throughTheJdksLog();
    }
  }

  /**
   * Without the agent, from JDK 21 on: the JDK's own log of each start, at about the cost of the
   * stack walk the agent does. Where it cannot be read (JDK 17, a LoggerFinder of the build's),
   * every leak keeps saying how to record starts, and why this did not.
   */
  private void throughTheJdksLog() {
    try {
      Optional<String> unavailable = JdkLogStarts.unavailable();
      if (unavailable.isEmpty()) {
        JdkLogStarts.start(starts);
        check.traceWith(Origins.byPid(starts, () -> {}));
      } else if (Runtime.version().feature() >= 21) {
        cannotRecord(
            "this test JVM runs without procleak's agent, and "
                + unavailable.get()
                + "; bind procleak:prepare, or set "
                + TURN_ON);
      }
    } catch (RuntimeException | LinkageError e) {
      // No java.logging module in this runtime, say: the leaks keep saying how to record.
    }
  }

  private void throughJfr() {
    try {
      JfrStarts recording = JfrStarts.start(starts);
      check.traceWith(Origins.byPid(starts, recording::awaitDelivery));
      jfr = recording;
    } catch (RuntimeException | LinkageError e) {
      // No jdk.jfr module in this runtime, or JFR disabled: say so on every leak.
      cannotRecord(ProcleakConfig.RECORD_STARTS + "=jfr, but JFR cannot record here: " + e);
    }
  }

  JavaStarts starts() {
    return starts;
  }

  /** A hook records every start into {@link #starts()}: each leak is traced to its start. */
  void recording() {
    check.traceWith(Origins.of(starts));
  }

  /** Starts cannot be recorded here: every leak says {@code why}. */
  void cannotRecord(String why) {
    check.traceWith(Origins.off(why));
  }

  @Override
  public void close() {
    if (jfr != null) {
      jfr.close();
    }
  }
}
