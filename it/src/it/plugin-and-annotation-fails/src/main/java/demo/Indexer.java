package demo;

import java.io.IOException;

/** Production code that starts processes, as the code a test calls usually does. */
public final class Indexer {

  /** Starts an indexer in the background through a shell, which exits at once: its pid. */
  public String startInBackground() throws IOException, InterruptedException {
    Process shell = new ProcessBuilder("sh", "-c", "sleep 68.6 >/dev/null 2>&1 & echo $!").start();
    String orphan = new String(shell.getInputStream().readAllBytes()).trim();
    shell.waitFor();
    return shell.pid() + " " + orphan;
  }
}
