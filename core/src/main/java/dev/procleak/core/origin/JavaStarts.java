package dev.procleak.core.origin;

import dev.procleak.core.os.EnvironmentCookie;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The processes this JVM started through Java, each with its callers. Every such start gets a
 * cookie of its own below the JVM's ({@code <jvm cookie>/start-<n>}), which all its descendants
 * inherit: an orphan whose shell exited still says which start its tree came from.
 *
 * <p>Only the latest {@value #KEPT} starts are kept: a suite may start processes by the hundred
 * thousand, and a leak's start is nearly always recent.
 */
public final class JavaStarts {
  static final int KEPT = 4096;
  private static final String START = "start-";

  private final String jvmCookie;
  private final AtomicLong sequence = new AtomicLong();
  private final Map<Long, JavaStart> bySequence =
      new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, JavaStart> eldest) {
          return size() > KEPT;
        }
      };
  private final Map<Long, Long> sequenceByPid =
      new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Long> eldest) {
          return size() > KEPT;
        }
      };

  private volatile Consumer<JavaStart> listener = start -> {};

  public JavaStarts(String jvmCookie) {
    this.jvmCookie = jvmCookie;
  }

  /** The cookie of the JVM whose starts these are; each start's is below it. */
  public String jvmCookie() {
    return jvmCookie;
  }

  /** Told of each start as it is recorded, on the thread that records it. */
  public void onEachStart(Consumer<JavaStart> listener) {
    this.listener = listener;
  }

  /** The number of the start about to happen. */
  public long next() {
    return sequence.incrementAndGet();
  }

  /** The cookie the process of start {@code number} and its descendants carry. */
  public String cookieOf(long number) {
    return jvmCookie + EnvironmentCookie.SEPARATOR + START + number;
  }

  /** Records what start {@code number} started; {@code callers} as {@link Callers} keeps them. */
  public void started(long number, long pid, String command, List<String> callers) {
    JavaStart start = new JavaStart(number, pid, Instant.now(), command, callers);
    add(start);
    listener.accept(start);
  }

  /** Keeps {@code start} as it was recorded, by this JVM or (read back) by another. */
  public void add(JavaStart start) {
    synchronized (this) {
      bySequence.put(start.sequence(), start);
      sequenceByPid.put(start.pid(), start.sequence());
      sequence.accumulateAndGet(start.sequence(), Math::max);
    }
  }

  /** How many starts were recorded, kept or not. */
  public long count() {
    return sequence.get();
  }

  /**
   * The start a process's cookie names: its own, or its first ancestor's that Java started. Empty
   * when the cookie names none of this JVM's starts, or one no longer kept.
   */
  public Optional<JavaStart> byCookie(String cookie) {
    OptionalLong number = numberIn(cookie);
    if (number.isEmpty()) {
      return Optional.empty();
    }
    synchronized (this) {
      return Optional.ofNullable(bySequence.get(number.getAsLong()));
    }
  }

  /** Whether {@code cookie} names a start of this JVM's (kept or not). */
  public boolean namesAStart(String cookie) {
    return numberIn(cookie).isPresent();
  }

  /**
   * Whether {@code cookie} is this JVM's own, below none of its starts: not started through Java.
   */
  public boolean isJvmOnly(String cookie) {
    return jvmCookie.equals(cookie);
  }

  /** The latest start that got {@code pid}. */
  public synchronized Optional<JavaStart> byPid(long pid) {
    Long number = sequenceByPid.get(pid);
    return number == null ? Optional.empty() : Optional.ofNullable(bySequence.get(number));
  }

  private OptionalLong numberIn(String cookie) {
    String prefix = jvmCookie + EnvironmentCookie.SEPARATOR + START;
    if (cookie == null || !cookie.startsWith(prefix)) {
      return OptionalLong.empty();
    }
    int end = prefix.length();
    while (end < cookie.length() && Character.isDigit(cookie.charAt(end))) {
      end++;
    }
    if (end == prefix.length()
        || (end < cookie.length() && cookie.charAt(end) != EnvironmentCookie.SEPARATOR)) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(Long.parseLong(cookie.substring(prefix.length(), end)));
  }
}
