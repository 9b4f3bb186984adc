package com.example;

import java.io.IOException;

/** Production code as it is written every day: each method forgets a process. */
public final class ReportGenerator {

  /** Renders through a helper shell that starts a helper, then becomes a long task that never waits for it. */
  public Process render() throws IOException {
    return new ProcessBuilder("sh", "-c", "sleep 0.2 & exec sleep 30").start();
  }

  /** Starts the indexer in the background; the shell exits at once, the indexer lives on. */
  public int startIndexer() throws IOException, InterruptedException {
    return new ProcessBuilder("sh", "-c", "sleep 60 >/dev/null 2>&1 &").start().waitFor();
  }

  /** Converts, and waits for the conversion: nothing is left behind. */
  public int convert() throws IOException, InterruptedException {
    return new ProcessBuilder("sh", "-c", "seq 1000 | wc -l").start().waitFor();
  }
}
