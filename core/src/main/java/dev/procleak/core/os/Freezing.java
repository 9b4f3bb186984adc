package dev.procleak.core.os;

import com.sun.jna.Platform;

/**
 * SIGSTOP and SIGCONT, which the JDK cannot send: a stopped process starts nothing and exits only
 * by SIGKILL, so a leaked tree can be stopped whole before anything in it dies. The caller
 * re-checks the identity right before, as for every signal.
 */
public final class Freezing {
  private static final boolean SUPPORTED = Platform.isLinux() || Platform.isMac();
  // The two differ between Linux and the BSDs.
  private static final int SIGSTOP = Platform.isMac() ? 17 : 19;
  private static final int SIGCONT = Platform.isMac() ? 19 : 18;

  private Freezing() {}

  /** Whether processes can be stopped here: not on Windows, which has no signals. */
  public static boolean isSupported() {
    return SUPPORTED;
  }

  /** Stops {@code pid}; false when it is gone. */
  public static boolean stop(long pid) {
    return signal(pid, SIGSTOP);
  }

  /** Lets a stopped {@code pid} run again, so that a signal sent while it was stopped lands. */
  public static boolean resume(long pid) {
    return signal(pid, SIGCONT);
  }

  private static boolean signal(long pid, int signal) {
    return SUPPORTED && pid > 1 && LibC.INSTANCE.kill((int) pid, signal) == 0;
  }
}
