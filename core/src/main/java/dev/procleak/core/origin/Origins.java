package dev.procleak.core.origin;

import dev.procleak.core.scan.ProcessClock;
import dev.procleak.core.scan.ProcessDetails;
import dev.procleak.core.scan.ProcessInfo;
import dev.procleak.core.scan.ProcessTable;
import dev.procleak.core.scan.SubtreeScanner;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rule that links a leaked process to the Java start its tree came from: the start its cookie
 * names (its own environment's, else its nearest live ancestor's below the test JVM), else the
 * start that got its pid or an ancestor's. Without either, it says why.
 */
public final class Origins {
  static final String NOT_KEPT =
      "its start was not kept: procleak keeps the latest "
          + JavaStarts.KEPT
          + " starts of a test JVM";
  static final String NATIVE =
      "no Java start was recorded: it was started by native code, not through"
          + " ProcessBuilder or Runtime.exec (JNA's posix_spawn, NuProcess, a native library)";
  static final String NO_COOKIE =
      "no Java start was recorded: it was not started through ProcessBuilder or"
          + " Runtime.exec (native code: JNA's posix_spawn, NuProcess), or its builder's environment() dropped "
          + "PROCLEAK_COOKIE";
  static final String UNLINKED =
      "no Java start is linked to it: without procleak's agent (procleak:prepare), a"
          + " process whose parent exited cannot be traced to its start, only one that Java started or a live child of it";

  /** The root of a table that holds one escaped process and no test JVM. */
  private static final long NO_ROOT = -1;

  /** A pid given to a start is still that start's process only if that process is no younger. */
  private static final Duration SAME_START = Duration.ofSeconds(2);

  private final JavaStarts starts;
  private final String off;
  private final Runnable delivery;

  private Origins(JavaStarts starts, String off, Runnable delivery) {
    this.starts = starts;
    this.off = off;
    this.delivery = delivery;
  }

  /** Links leaks to the starts recorded in {@code starts}, each with a cookie of its own. */
  public static Origins of(JavaStarts starts) {
    return new Origins(starts, null, null);
  }

  /**
   * Links leaks to the starts JFR records in {@code starts}: by pid only, once {@code delivery} has
   * waited for the events of the starts made so far.
   */
  public static Origins byPid(JavaStarts starts, Runnable delivery) {
    return new Origins(starts, null, delivery);
  }

  /**
   * No starts are recorded: every leak says {@code why}, which names the switch that records them.
   */
  public static Origins off(String why) {
    return new Origins(null, why, null);
  }

  /** The origin of {@code leak}, a process of {@code now} below its root. */
  public Origin of(ProcessInfo leak, ProcessTable now, SubtreeScanner scanner) {
    if (starts == null) {
      return Origin.recordingOff(off);
    }
    List<ProcessInfo> chain = chain(leak, now);
    if (delivery != null) {
      delivery.run();
      return byPid(chain, now, scanner).orElse(Origin.notRecorded(UNLINKED));
    }
    boolean jvmOnly = false;
    for (ProcessInfo process : chain) {
      if (process.isZombie()) {
        continue; // a zombie keeps no environment
      }
      String cookie = ProcessDetails.cookieOf(process, scanner).orElse(null);
      if (cookie == null) {
        continue;
      }
      Optional<JavaStart> start = starts.byCookie(cookie);
      if (start.isPresent()) {
        return Origin.recorded(start.get(), exited(start.get(), now, scanner));
      }
      if (starts.namesAStart(cookie)) {
        return Origin.notRecorded(NOT_KEPT);
      }
      jvmOnly |= starts.isJvmOnly(cookie);
      break; // descendants inherit their ancestors' cookie: the nearest readable one decides
    }
    return byPid(chain, now, scanner).orElse(Origin.notRecorded(jvmOnly ? NATIVE : NO_COOKIE));
  }

  /** The start that got the pid of the leak or of one of its live ancestors. */
  private Optional<Origin> byPid(
      List<ProcessInfo> chain, ProcessTable now, SubtreeScanner scanner) {
    for (ProcessInfo process : chain) {
      Optional<JavaStart> start = starts.byPid(process.pid()).filter(s -> startedBy(process, s));
      if (start.isPresent()) {
        return Optional.of(Origin.recorded(start.get(), exited(start.get(), now, scanner)));
      }
    }
    return Optional.empty();
  }

  /**
   * The origin of a process found outside the test JVM's tree (escaped where no subreaper held it,
   * found by its cookie): by its own cookie, else its pid.
   */
  public Origin ofEscaped(ProcessInfo process, SubtreeScanner scanner) {
    return of(process, new ProcessTable(NO_ROOT, List.of(process)), scanner);
  }

  /** The leak, then its live ancestors, up to the root (excluded). */
  private static List<ProcessInfo> chain(ProcessInfo leak, ProcessTable now) {
    List<ProcessInfo> chain = new ArrayList<>();
    ProcessInfo process = leak;
    for (int hops = 0;
        process != null && process.pid() != now.rootPid() && hops <= now.processes().size();
        hops++) {
      chain.add(process);
      process = now.get(process.parentPid()).orElse(null);
    }
    return chain;
  }

  /** Whether the origin is gone: from the table, else (escaped from it) from the system. */
  private static boolean exited(JavaStart start, ProcessTable now, SubtreeScanner scanner) {
    ProcessInfo origin = now.get(start.pid()).orElseGet(() -> scanner.lookup(start.pid()));
    return origin == null || origin.isZombie() || !startedBy(origin, start);
  }

  /** Whether {@code process} began when {@code start} ran, not after (a pid reused since). */
  private static boolean startedBy(ProcessInfo process, JavaStart start) {
    Optional<Duration> age = ProcessClock.age(process.id());
    if (age.isEmpty()) {
      return true; // nothing tells otherwise
    }
    Instant began = Instant.now().minus(age.get());
    return !began.isAfter(start.at().plus(SAME_START));
  }
}
