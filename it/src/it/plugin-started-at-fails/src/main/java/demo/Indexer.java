package demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Production code that starts processes, as the code a test calls usually does. */
public final class Indexer {

  /** Starts an indexer in the background through a shell, which exits at once: pids of both. */
  public long[] startInBackground() throws IOException {
    Process shell = new ProcessBuilder("sh", "-c", "sleep 68.1 >/dev/null 2>&1 & echo $!").start();
    return new long[] {shell.pid(), Long.parseLong(firstLine(shell))};
  }

  /** Starts a server on a free port of 127.0.0.1: its process and port. */
  public Object[] startServer() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classes = Path.of(Listener.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    Process server = new ProcessBuilder(java, "-cp", classes, Listener.class.getName(), "68.2").start();
    return new Object[] {server, Integer.parseInt(firstLine(server))};
  }

  private static String firstLine(Process process) throws IOException {
    return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)).readLine().trim();
  }
}
