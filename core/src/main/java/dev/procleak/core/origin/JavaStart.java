package dev.procleak.core.origin;

import java.time.Instant;
import java.util.List;

/**
 * One process this JVM started through {@code ProcessBuilder.start} or {@code Runtime.exec}, as
 * seen when it started.
 *
 * @param sequence its number among this JVM's starts; its descendants' cookie ends with it
 * @param pid the pid it got
 * @param at when {@code start} returned
 * @param command the command line it was started with
 * @param callers the frames that called {@code start}, innermost first, without those of the JDK,
 *     procleak and the test frameworks ({@link Callers}); empty when they were all of those
 */
public record JavaStart(long sequence, long pid, Instant at, String command, List<String> callers) {
  public JavaStart {
    callers = List.copyOf(callers);
  }
}
