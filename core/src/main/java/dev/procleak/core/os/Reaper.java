package dev.procleak.core.os;

import java.util.Optional;

/**
 * Collects the exit status of one zombie child of this JVM. Never {@code waitpid(-1)}: that would
 * steal the exit status of processes the JDK is waiting for.
 */
public final class Reaper {
  private Reaper() {}

  /** Reaps the child {@code pid} if it has exited; empty when it is not ours or not done. */
  public static Optional<WaitStatus> reap(long pid) {
    int[] status = new int[1];
    int result = LibC.INSTANCE.waitpid((int) pid, status, LibC.WNOHANG);
    return result == pid ? Optional.of(new WaitStatus(status[0])) : Optional.empty();
  }
}
