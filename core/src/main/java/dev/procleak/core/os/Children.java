package dev.procleak.core.os;

import com.sun.jna.Memory;
import com.sun.jna.Native;

/**
 * Whether this JVM has any child process at all, in one system call: most tests start none, and
 * then there is no subtree to walk.
 */
public final class Children {
  private static final ThreadLocal<Memory> SIGINFO = ThreadLocal.withInitial(() -> new Memory(128));

  private Children() {}

  /**
   * False only when the kernel says no thread of this process has a child, running or zombie.
   * {@code WNOWAIT} leaves every exited child waitable: unlike {@code waitpid(-1)}, this takes no
   * exit status from the JDK.
   */
  public static boolean anyOfThisJvm() {
    int result =
        LibC.INSTANCE.waitid(
            LibC.P_ALL, 0, SIGINFO.get(), LibC.WEXITED | LibC.WNOHANG | LibC.WNOWAIT | LibC.WALL);
    return !(result == -1 && Native.getLastError() == LibC.ECHILD);
  }
}
