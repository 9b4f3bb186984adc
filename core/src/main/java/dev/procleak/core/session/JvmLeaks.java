package dev.procleak.core.session;

import dev.procleak.core.model.Leak;
import dev.procleak.core.report.JvmReport;
import dev.procleak.core.report.ReportFiles;
import dev.procleak.core.scan.ProcessId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What one test JVM found, each leak once, and its report file ({@code jvm-<pid>-<start>.json}),
 * rewritten atomically whenever that changes: a JVM that dies a moment later has already told
 * {@code check}.
 */
final class JvmLeaks {
  private final Path file;
  private final long pid;
  private final String cookie;
  private final Path journal;
  private final List<Leak> leftovers = new ArrayList<>();
  private final Map<ProcessId, Leak> leaks = new LinkedHashMap<>();
  private final AtomicInteger scopes = new AtomicInteger();

  /**
   * @param journal the JVM's journal of its starts, or null where it keeps none
   */
  JvmLeaks(Path file, long pid, String cookie, Path journal) {
    this.file = file;
    this.pid = pid;
    this.cookie = cookie;
    this.journal = journal;
  }

  /** What earlier runs left, found as this JVM began: not its leaks, a section of the report. */
  synchronized void leftovers(List<Leak> found) {
    leftovers.addAll(found);
  }

  /** Whether a leak recorded here was left running, for a later check to find. */
  synchronized boolean anyLeftRunning() {
    return leaks.values().stream().anyMatch(leak -> leak.outcome().leftRunning());
  }

  Path file() {
    return file;
  }

  /**
   * A scope was checked and {@code found} leaked there: returns those not recorded before, which
   * the report file must be rewritten for.
   */
  List<Leak> checked(List<Leak> found) {
    scopes.incrementAndGet();
    List<Leak> fresh = new ArrayList<>();
    synchronized (this) {
      for (Leak leak : found) {
        if (leaks.putIfAbsent(leak.process(), leak) == null) {
          fresh.add(leak);
        }
      }
    }
    return fresh;
  }

  /**
   * Records {@code found} in place of what was recorded for the same processes (the JVM's own scope
   * renamed after the caller of {@code System.exit}), or besides it.
   */
  synchronized void replace(List<Leak> found) {
    found.forEach(leak -> leaks.put(leak.process(), leak));
  }

  /** Records {@code found} where nothing was recorded for the same process. */
  synchronized void add(List<Leak> found) {
    found.forEach(leak -> leaks.putIfAbsent(leak.process(), leak));
  }

  /** Rewrites the report file, with what the JVM's session says of itself besides its leaks. */
  synchronized void write(boolean subreaper, List<String> limitations, TestRuns runs) {
    try {
      ReportFiles.write(
          file,
          new JvmReport(
              pid,
              cookie,
              subreaper,
              scopes.get(),
              List.copyOf(leaks.values()),
              limitations,
              runs.testScopes(),
              runs.runners(),
              runs.unscopedRunners(),
              journal == null ? null : journal.toString(),
              List.copyOf(leftovers)));
    } catch (IOException e) {
      throw new UncheckedIOException("procleak could not write its report " + file, e);
    }
  }
}
