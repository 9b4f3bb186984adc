package demo;

import java.io.IOException;

/** Production code that starts processes, as the code a test calls usually does. */
public final class Indexer {

  public Process startChild() throws IOException {
    return new ProcessBuilder("sleep", "68.4").start();
  }

  public Process startInBackground() throws IOException {
    return new ProcessBuilder("sh", "-c", "sleep 68.5 >/dev/null 2>&1 & echo $!").start();
  }
}
