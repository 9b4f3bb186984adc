package dev.procleak.benchmarks.agent;

import jdk.jfr.consumer.RecordingStream;

/** A trivial JVM that records starts as {@code procleak.recordStarts=jfr} does, without the agent. */
public final class JfrMain {
  private JfrMain() {}

  public static void main(String[] args) {
    try (RecordingStream stream = new RecordingStream()) {
      stream.enable("jdk.ProcessStart").withStackTrace();
      stream.onEvent("jdk.ProcessStart", event -> event.getLong("pid"));
      stream.startAsync();
    }
  }
}
