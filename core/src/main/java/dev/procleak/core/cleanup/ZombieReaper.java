package dev.procleak.core.cleanup;

import dev.procleak.core.os.Reaper;
import dev.procleak.core.os.ThisProcess;
import dev.procleak.core.os.WaitStatus;
import dev.procleak.core.scan.ProcessId;
import dev.procleak.core.scan.ProcessInfo;
import dev.procleak.core.scan.ProcessTable;
import dev.procleak.core.scan.ProcfsScanner;
import dev.procleak.core.scan.SubtreeScanner;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reaps zombies this JVM adopted as subreaper, as init would have. The JDK never waits for
 * processes it did not start, so without this they would stay {@code <defunct>} until the JVM
 * exits. Remembers the status of what it reaped, for the report of whoever asks next.
 */
public final class ZombieReaper {
  /**
   * The JDK reaps its own children within microseconds; a zombie still here after this is not the
   * JDK's.
   */
  static final Duration SETTLE = Duration.ofMillis(100);

  static final Duration BACKGROUND_PERIOD = Duration.ofMillis(250);
  private static final int REMEMBERED = 1024;
  private static final long SELF = ThisProcess.pid();

  private final SubtreeScanner identities;
  private final Map<ProcessId, Long> firstSeen = new ConcurrentHashMap<>();
  private final Map<ProcessId, WaitStatus> statuses =
      Collections.synchronizedMap(
          new LinkedHashMap<>() {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<ProcessId, WaitStatus> eldest) {
              return size() > REMEMBERED;
            }
          });

  public ZombieReaper() {
    this(new ProcfsScanner());
  }

  /**
   * @param identities where the identity of a zombie is re-read right before it is reaped
   */
  public ZombieReaper(SubtreeScanner identities) {
    this.identities = identities;
  }

  /** Reaps the adopted zombies of {@code table} that have stayed zombies for a while. */
  private void reapSettled(ProcessTable table) {
    long now = System.nanoTime();
    firstSeen.keySet().removeIf(id -> !table.contains(id));
    for (ProcessInfo zombie : table.adoptedZombies()) {
      long seen = firstSeen.computeIfAbsent(zombie.id(), id -> now);
      if (now - seen >= SETTLE.toNanos()) {
        reap(zombie);
      }
    }
  }

  /**
   * Reaps one zombie child of this JVM, which must not be a process the JDK started. Its identity
   * is re-read the instant before: {@code waitpid} on a pid that now names another child would take
   * that child's exit status from whoever waits for it.
   */
  public Optional<WaitStatus> reap(ProcessInfo zombie) {
    firstSeen.remove(zombie.id());
    ProcessInfo now = identities.current(zombie.id()).orElse(null);
    if (now == null || !now.isZombie() || now.parentPid() != SELF) {
      return statusOf(zombie.id());
    }
    Optional<WaitStatus> status = Reaper.reap(zombie.pid());
    status.ifPresent(reaped -> statuses.put(zombie.id(), reaped));
    return status.isPresent() ? status : statusOf(zombie.id());
  }

  /** The exit status of a process this reaper has reaped, in the foreground or the background. */
  public Optional<WaitStatus> statusOf(ProcessId id) {
    return Optional.ofNullable(statuses.get(id));
  }

  /**
   * Keeps reaping below {@code rootPid} between scopes, on a daemon thread, until that thread is
   * interrupted.
   */
  public Thread startInBackground(SubtreeScanner scanner, long rootPid) {
    Thread thread =
        new Thread(
            () -> {
              boolean told = false;
              while (true) {
                try {
                  reapSettled(scanner.scan(rootPid));
                } catch (RuntimeException unexpected) {
                  // One bad round must not leave zombies to pile up for the rest of the JVM's life.
                  if (!told) {
                    System.err.println(
                        "procleak: the background reaper skipped a round: " + unexpected);
                    told = true;
                  }
                }
                try {
                  Thread.sleep(BACKGROUND_PERIOD.toMillis());
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "procleak-reaper");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }
}
