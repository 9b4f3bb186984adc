package dev.procleak.core.os;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The kernel's id of the calling Java thread (Linux: {@code /proc/thread-self} points to {@code
 * PID/task/TID}). A child process is listed under the thread that started it, so a scope that knows
 * its thread knows which children are its own. A Java thread keeps its tid for life: it is read
 * once per thread.
 */
public final class ThreadIds {
  /** Where the kernel offers no thread id. */
  public static final long UNKNOWN = 0;

  private static final Path THREAD_SELF = Path.of("/proc/thread-self");
  private static final ThreadLocal<Long> CURRENT = ThreadLocal.withInitial(ThreadIds::read);

  private ThreadIds() {}

  public static long current() {
    return CURRENT.get();
  }

  private static long read() {
    try {
      String target = Files.readSymbolicLink(THREAD_SELF).toString();
      return Long.parseLong(target.substring(target.lastIndexOf('/') + 1));
    } catch (IOException
        | UnsupportedOperationException
        | NumberFormatException
        | SecurityException unavailable) {
      return UNKNOWN;
    }
  }
}
