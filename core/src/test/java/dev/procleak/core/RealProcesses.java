package dev.procleak.core;

import dev.procleak.core.scan.ProcessId;
import dev.procleak.core.scan.ProcessInfo;
import dev.procleak.core.scan.ProcessTable;
import dev.procleak.core.scan.ProcfsScanner;
import dev.procleak.testsupport.processes.Kill;
import dev.procleak.testsupport.processes.Poll;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;

/** Starts real processes for a test and makes sure none outlives it. */
public final class RealProcesses implements AutoCloseable {
  private static final Duration DEADLINE = Duration.ofSeconds(20);
  private final ProcfsScanner scanner = new ProcfsScanner();
  private final List<ProcessId> made = new ArrayList<>();

  public Process shell(String script) {
    try {
      Process process = new ProcessBuilder("sh", "-c", script).start();
      track(process.pid());
      return process;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A culprit that never waits: a shell that starts {@code count} children and then execs {@code
   * sleep 60}, which waits for no one. The children block on the culprit's input until this method
   * closes it, so they all exit after the exec, never before it (a shell reaps a background child
   * that exits while it still runs). Returns once all of them are zombies.
   */
  public Process zombies(int count) {
    Process culprit =
        shell(
            "exec 3<&0; i=0; while [ $i -lt "
                + count
                + " ]; do cat <&3 >/dev/null & i=$((i+1)); done; exec sleep 60 3<&-");
    await(
        count + " children under a culprit that exec'd sleep",
        () -> {
          ProcessInfo info = scanner.lookup(culprit.pid());
          return info != null
              && info.name().equals("sleep")
              && scanner.scan(culprit.pid()).children(culprit.pid()).size() == count;
        });
    try {
      culprit.getOutputStream().close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    await(
        count + " zombies under the culprit",
        () ->
            scanner.scan(culprit.pid()).children(culprit.pid()).stream()
                    .filter(ProcessInfo::isZombie)
                    .count()
                == count);
    return culprit;
  }

  /** Remembers a process to kill at the end, by identity. */
  public ProcessId track(long pid) {
    ProcessInfo info = scanner.lookup(pid);
    if (info == null) {
      return null;
    }
    made.add(info.id());
    return info.id();
  }

  /** The pid a shell printed, such as {@code $!}. */
  public static long readPid(Process shell) {
    try {
      String line =
          new BufferedReader(new InputStreamReader(shell.getInputStream(), StandardCharsets.UTF_8))
              .readLine();
      return Long.parseLong(line.trim());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public ProcessInfo lookup(ProcessId id) {
    return scanner.current(id).orElse(null);
  }

  public static void await(String what, BooleanSupplier condition) {
    if (!Poll.until(DEADLINE, condition)) {
      throw new AssertionError("timed out after " + DEADLINE + " waiting for " + what);
    }
  }

  /**
   * Kills, by pid with the start time re-checked, whatever this test made and is still running,
   * with their descendants, deepest first so that none is orphaned on the way.
   */
  @Override
  public void close() {
    List<ProcessId> victims = new ArrayList<>();
    for (ProcessId id : made) {
      if (lookup(id) != null) {
        ProcessTable below = scanner.scan(id.pid());
        below.processes().stream()
            .sorted(Comparator.comparingInt(below::depth).reversed())
            .forEach(process -> victims.add(process.id()));
        victims.add(id);
      }
    }
    for (ProcessId id : victims) {
      Kill.byIdentity(id.pid(), id.startTime());
    }
    for (ProcessId id : victims) {
      await(
          "pid " + id.pid() + " to end",
          () -> {
            ProcessInfo info = lookup(id);
            return info == null || info.isZombie();
          });
    }
  }
}
