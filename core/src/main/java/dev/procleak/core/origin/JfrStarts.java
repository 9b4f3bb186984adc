package dev.procleak.core.origin;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
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

  /**
   * Longer than JFR's flush period (1 s) with room for a consumer thread that lags on a loaded
   * machine, shorter than anyone's patience.
   */
  private static final Duration DELIVERY = Duration.ofSeconds(5);

  /**
   * Committed when a leak asks for the starts before it: once the stream delivers it, it has
   * delivered every start committed before it, since a stream delivers a flush in time order. A
   * flush seen after the question is no such proof: the consumer may be reading an older one.
   */
  @Name("dev.procleak.DeliveryMark")
  @Label("procleak delivery mark")
  @StackTrace(false)
  static final class DeliveryMark extends Event {
    @Label("Sequence")
    long sequence;
  }

  private final RecordingStream stream;
  private long asked;
  private long delivered;

  private JfrStarts(RecordingStream stream) {
    this.stream = stream;
  }

  /** Starts recording into {@code starts}. */
  public static JfrStarts start(JavaStarts starts) {
    RecordingStream stream = new RecordingStream();
    JfrStarts jfr = new JfrStarts(stream);
    stream.enable(EVENT).withStackTrace();
    stream.enable(DeliveryMark.class);
    stream.onEvent(
        EVENT,
        event ->
            starts.started(
                starts.next(), event.getLong("pid"), event.getString("command"), callers(event)));
    stream.onEvent(
        DeliveryMark.class.getAnnotation(Name.class).value(),
        event -> jfr.delivered(event.getLong("sequence")));
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

  private synchronized void delivered(long sequence) {
    delivered = Math.max(delivered, sequence);
    notifyAll();
  }

  /** Waits until JFR has delivered the starts that happened before now, at most a few seconds. */
  public void awaitDelivery() {
    long mark;
    synchronized (this) {
      mark = ++asked;
    }
    DeliveryMark event = new DeliveryMark();
    event.sequence = mark;
    event.commit();
    long deadline = System.nanoTime() + DELIVERY.toNanos();
    synchronized (this) {
      while (delivered < mark) {
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
  }

  @Override
  public void close() {
    stream.close();
  }
}
