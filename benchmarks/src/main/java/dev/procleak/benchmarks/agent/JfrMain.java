package dev.procleak.benchmarks.agent;

import dev.procleak.core.origin.JavaStarts;
import dev.procleak.core.origin.JfrStarts;

/**
 * A trivial JVM that records starts as {@code procleak.recordStarts=jfr} does, without the agent.
 */
public final class JfrMain {
  private JfrMain() {}

  public static void main(String[] args) {
    try (JfrStarts recording = JfrStarts.start(new JavaStarts("benchmarks-jfr"))) {
      // started and closed, as a test JVM's session does
    }
  }
}
