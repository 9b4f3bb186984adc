package dev.procleak.core.origin;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingStream;

/**
 * Records this JVM's Java starts from JFR's {@code jdk.ProcessStart} event, where procleak's agent
 * does not run ({@code procleak.recordStarts=jfr}). JFR delivers events about once a second, so a
 * leak waits for the delivery that covers the moment it was found. Without the agent's cookies, a
 * leak is traced by its own pid or a live ancestor's only.
 */
public final class JfrStarts implements AutoCloseable {
  static final String EVENT = "jdk.ProcessStart";

  /** Longer than JFR's flush period (1 s), shorter than anyone's patience. */
  private static final Duration DELIVERY = Duration.ofSeconds(3);

  private final RecordingStream stream;
  private Instant delivered = Instant.MIN;

  private JfrStarts(RecordingStream stream) {
    this.stream = stream;
  }

  /** Starts recording into {@code starts}. */
  public static JfrStarts start(JavaStarts starts) {
    RecordingStream stream = new RecordingStream();
    JfrStarts jfr = new JfrStarts(stream);
    stream.enable(EVENT).withStackTrace();
    stream.onEvent(
        EVENT,
        event ->
            starts.started(
                starts.next(), event.getLong("pid"), event.getString("command"), callers(event)));
    stream.onFlush(jfr::flushed);
    stream.startAsync();
    return jfr;
  }

  private static List<String> callers(RecordedEvent event) {
    List<String> callers = new ArrayList<>();
    if (event.getStackTrace() == null) {
      return callers;
    }
    for (RecordedFrame frame : event.getStackTrace().getFrames()) {
      String type = frame.getMethod().getType().getName();
      if (!Callers.isFramework(type) && callers.size() < Callers.KEPT) {
        // JFR keeps no source file name: the line alone.
        callers.add(
            type + "." + frame.getMethod().getName() + "(line " + frame.getLineNumber() + ")");
      }
    }
    return callers;
  }

  private synchronized void flushed() {
    delivered = Instant.now();
    notifyAll();
  }

  /** Waits until JFR has delivered the starts that happened before now, at most a few seconds. */
  public synchronized void awaitDelivery() {
    Instant asked = Instant.now();
    long deadline = System.nanoTime() + DELIVERY.toNanos();
    while (!delivered.isAfter(asked)) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return;
      }
      try {
        wait(Math.max(1, left / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  @Override
  public void close() {
    stream.close();
  }
}
