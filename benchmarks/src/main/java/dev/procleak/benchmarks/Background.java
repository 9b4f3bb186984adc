package dev.procleak.benchmarks;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Unrelated processes on the machine: {@code sleep} processes that are <em>not</em> below this JVM.
 * Each is started by a short-lived {@code setsid sh} that forks it into the background and exits at
 * once, so the kernel re-parents it away from this JVM's subtree (to PID 1 here). Every one has a
 * finite lifetime ({@link #LIFETIME_SECONDS}), so a crash can never leave them behind for long;
 * normally {@link #close()} kills them by pid, with the start time re-checked first.
 */
public final class Background implements AutoCloseable {
  /** Also the marker to look for: {@code ps -eo pid,args | grep 'sleep 900'}. */
  public static final int LIFETIME_SECONDS = 900;

  public static final String COMMAND = "sleep " + LIFETIME_SECONDS;

  private static final int SHELLS = 2;
  private static final Path PROC = Path.of("/proc");

  /** Pairs of (pid, start time in clock ticks). */
  private final List<long[]> processes = new ArrayList<>();

  private final Thread hook = new Thread(this::kill, "procleak-bench-background-cleanup");
  private long startMillis;

  private Background() {}

  /** Starts {@code count} unrelated processes; returns once every one of them exists. */
  public static Background start(int count) {
    long began = System.nanoTime();
    Background background = new Background();
    // Should this JVM die half-way, the hook, or at worst the sleeps' own lifetime, ends them.
    Runtime.getRuntime().addShutdownHook(background.hook);
    try {
      List<Process> shells = new ArrayList<>();
      for (int shell = 0; shell < SHELLS; shell++) {
        int share = count / SHELLS + (shell < count % SHELLS ? 1 : 0);
        String script =
            "i=0; while [ $i -lt "
                + share
                + " ]; do "
                + COMMAND
                + " </dev/null >/dev/null 2>&1 & echo $!; i=$((i+1)); done";
        shells.add(
            new ProcessBuilder("setsid", "sh", "-c", script)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start());
      }
      for (Process shell : shells) {
        try (BufferedReader pids =
            new BufferedReader(
                new InputStreamReader(shell.getInputStream(), StandardCharsets.US_ASCII))) {
          for (String line = pids.readLine(); line != null; line = pids.readLine()) {
            long pid = Long.parseLong(line.trim());
            long start = startTime(pid);
            if (start >= 0) {
              synchronized (background.processes) {
                background.processes.add(new long[] {pid, start});
              }
            }
          }
        }
        if (!shell.waitFor(60, TimeUnit.SECONDS) || shell.exitValue() != 0) {
          throw new IllegalStateException("a background shell failed");
        }
      }
      if (background.size() != count) {
        throw new IllegalStateException(
            "started " + background.size() + " of " + count + " background processes");
      }
    } catch (IOException e) {
      background.close();
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      background.close();
      throw new IllegalStateException(e);
    } catch (RuntimeException e) {
      background.close();
      throw e;
    }
    background.startMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
    return background;
  }

  public int size() {
    synchronized (processes) {
      return processes.size();
    }
  }

  public long startMillis() {
    return startMillis;
  }

  /**
   * Kills every background process still there whose start time is still the recorded one, then
   * waits until they are gone.
   */
  public void kill() {
    List<long[]> snapshot;
    synchronized (processes) {
      snapshot = new ArrayList<>(processes);
    }
    for (long[] process : snapshot) {
      // The handle pins the start time the JDK saw; the JDK refuses to signal a pid reused after
      // that.
      ProcessHandle.of(process[0])
          .ifPresent(
              handle -> {
                if (startTime(process[0]) == process[1]) {
                  handle.destroyForcibly();
                }
              });
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    List<long[]> left = snapshot;
    while (!left.isEmpty() && System.nanoTime() < deadline) {
      List<long[]> still = new ArrayList<>();
      for (long[] process : left) {
        if (startTime(process[0]) == process[1]) {
          still.add(process);
        }
      }
      left = still;
      if (!left.isEmpty()) {
        sleepQuietly(50);
      }
    }
    synchronized (processes) {
      processes.clear();
      processes.addAll(left);
    }
  }

  /**
   * Kills what is left ({@link #size()} then tells how many survived) and drops the shutdown hook.
   */
  @Override
  public void close() {
    kill();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // The hook is running or about to: nothing more to do.
    }
  }

  /** Start time in clock ticks from {@code /proc/PID/stat}, or -1 when the process is gone. */
  static long startTime(long pid) {
    String stat;
    try {
      stat = Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"));
    } catch (IOException | UncheckedIOException gone) {
      return -1;
    }
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(fields[19]);
  }

  /** Every process on the machine right now (numeric entries of {@code /proc}). */
  public static int machineProcesses() {
    int count = 0;
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(PROC)) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        if (!name.isEmpty() && Character.isDigit(name.charAt(0))) {
          count++;
        }
      }
    } catch (IOException e) {
      return -1;
    }
    return count;
  }

  static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
