package dev.procleak.agent.boot;

import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * What the rewritten {@code java.lang.ProcessBuilder} calls around each start. The JDK's own
 * classes see only the bootstrap class loader, so this class is loaded from there (the agent jar
 * {@code prepare} writes holds it and names itself in {@code Boot-Class-Path}) and refers to
 * nothing but {@code java.base}; the agent sets the listeners, which live on the class path.
 */
public final class ProcessStartBridge {
  // Typed as Object: a listener typed with ProcessBuilder would load that class, and its rewrite,
  // in every JVM the agent starts in, most of which never start a process.
  private static volatile Consumer<Object> starting;
  private static volatile BiConsumer<Object, Object> started;

  private ProcessStartBridge() {}

  /** Listeners of a {@code ProcessBuilder}, and of it and the {@code Process} it started. */
  public static void listen(Consumer<Object> beforeStart, BiConsumer<Object, Object> afterStart) {
    started = afterStart;
    starting = beforeStart;
  }

  /** Called by {@code ProcessBuilder} as a start begins. */
  public static void starting(ProcessBuilder builder) {
    Consumer<Object> listener = starting;
    if (listener != null) {
      try {
        listener.accept(builder);
      } catch (RuntimeException | LinkageError e) {
        // Never fail a user's start; the listener reports its own failures.
      }
    }
  }

  /** Called by {@code ProcessBuilder} with the process a start made, before it returns it. */
  public static void started(ProcessBuilder builder, Process process) {
    BiConsumer<Object, Object> listener = started;
    if (listener != null) {
      try {
        listener.accept(builder, process);
      } catch (RuntimeException | LinkageError e) {
        // Never fail a user's start; the listener reports its own failures.
      }
    }
  }
}
