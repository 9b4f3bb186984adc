package dev.procleak.junit;

import static org.assertj.core.api.Assertions.fail;

import dev.procleak.core.os.Reaper;
import dev.procleak.testsupport.processes.Kill;
import dev.procleak.testsupport.processes.Poll;
import dev.procleak.testsupport.processes.ProcessIdentity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Real processes as the tests see them, read from {@code /proc} through test-support's kit,
 * independently of the code under test. A process is known by its pid and its start time: a pid
 * alone may name someone else's process by the time it is looked at again.
 */
final class Procs {
  /** Generous: the build box has 2 cores and is often busy with other work. */
  static final Duration DEADLINE = Duration.ofSeconds(30);

  static final long JVM = ProcessHandle.current().pid();

  private Procs() {}

  /** The fields of {@code /proc/PID/stat} the tests need. */
  record Stat(char state, long parentPid, long startTime) {}

  /**
   * A process a fixture made.
   *
   * @param adopted true when this JVM will become its parent by adoption (an orphan, or a zombie
   *     whose parent gets killed): the JDK never waits for such a process, so the tests must reap
   *     it themselves if it ever becomes a zombie of this JVM
   */
  record Tracked(long pid, long startTime, boolean adopted) {
    @Override
    public String toString() {
      return "pid " + pid + " (start " + startTime + ")";
    }
  }

  /** Records the identity of a process that exists now and cannot have been reaped yet. */
  static Tracked track(long pid, boolean adopted) {
    Stat stat = stat(pid).orElseThrow(() -> new AssertionError("pid " + pid + " is already gone"));
    return new Tracked(pid, stat.startTime(), adopted);
  }

  static Optional<Stat> stat(long pid) {
    return ProcessIdentity.stat(pid)
        .map(stat -> new Stat(stat.state(), stat.ppid(), stat.startTicks()));
  }

  /** The process now, if it is still the same process (same start time). */
  static Optional<Stat> stat(Tracked process) {
    return stat(process.pid()).filter(s -> s.startTime() == process.startTime());
  }

  /** Still in the process table, running or zombie. */
  static boolean exists(Tracked process) {
    return stat(process).isPresent();
  }

  static boolean isRunning(Tracked process) {
    return stat(process).filter(s -> s.state() != 'Z').isPresent();
  }

  static boolean isZombie(long pid) {
    return stat(pid).filter(s -> s.state() == 'Z').isPresent();
  }

  /**
   * The command line with its arguments separated by spaces; empty for zombies and gone processes.
   */
  static String commandLine(long pid) {
    try {
      byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
      return new String(raw, StandardCharsets.UTF_8).replace('\0', ' ').trim();
    } catch (IOException gone) {
      return "";
    }
  }

  /** Whether the process ignores SIGTERM (bit 15 of SigIgn in {@code /proc/PID/status}). */
  static boolean ignoresSigterm(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("SigIgn:")) {
          long mask = Long.parseUnsignedLong(line.substring("SigIgn:".length()).trim(), 16);
          return (mask & (1L << (15 - 1))) != 0;
        }
      }
    } catch (IOException gone) {
      return false;
    }
    return false;
  }

  /** The direct children of a process, from {@code /proc/PID/task/TID/children}. */
  static List<Long> children(long pid) {
    return ProcessIdentity.children(pid);
  }

  /** Polls until {@code condition} holds; fails the test when the deadline passes first. */
  static void await(String what, BooleanSupplier condition) {
    awaitValue(what, () -> condition.getAsBoolean() ? Optional.of(Boolean.TRUE) : Optional.empty());
  }

  /** Polls until {@code probe} yields a value; fails the test when the deadline passes first. */
  static <T> T awaitValue(String what, Supplier<Optional<T>> probe) {
    return Poll.find(DEADLINE, probe)
        .orElseGet(
            () -> fail("gave up after " + DEADLINE.toSeconds() + " s waiting until " + what));
  }

  /** Polls until the process has left the process table: neither running nor a zombie. */
  static void awaitGone(Tracked process) {
    await(process + " is gone", () -> !exists(process));
  }

  /**
   * Kills the processes that still run, by pid with their identity re-checked right before the
   * signal, and waits until all of them are out of the process table; reaps those this JVM adopted.
   * Parents first is fine: their zombie children come to this JVM and are reaped.
   */
  static void killAll(Iterable<Tracked> processes) {
    for (Tracked process : processes) {
      if (isRunning(process)) {
        Kill.byIdentity(process.pid(), process.startTime());
      }
    }
    for (Tracked process : processes) {
      await(
          process + " is gone",
          () -> {
            reapIfAdoptedZombie(process);
            return !exists(process);
          });
    }
  }

  static void kill(Tracked process) {
    killAll(List.of(process));
  }

  /**
   * The JDK never waits for a process it did not start: an adopted process that exited stays a
   * zombie of this JVM until someone waits for exactly that pid (never {@code waitpid(-1)}).
   */
  private static void reapIfAdoptedZombie(Tracked process) {
    if (process.adopted()
        && stat(process).filter(s -> s.state() == 'Z' && s.parentPid() == JVM).isPresent()) {
      Reaper.reap(process.pid());
    }
  }
}
