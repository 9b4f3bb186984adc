package dev.procleak.core.os;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;

/**
 * Whether this JVM has any child process at all, in one system call: most tests start none, and
 * then there is no subtree to walk.
 */
public final class Children {
  private static final ThreadLocal<Memory> SIGINFO = ThreadLocal.withInitial(() -> new Memory(128));

  static {
    // Direct mapping: this call runs twice per checked test, and JNA's interface proxy costs
    // more than the system call itself.
    Native.register(Platform.C_LIBRARY_NAME);
  }

  private Children() {}

  private static native int waitid(int idtype, int id, Pointer infop, int options);

  /**
   * False only when the kernel says no thread of this process has a child, running or zombie.
   * {@code WNOWAIT} leaves every exited child waitable: unlike {@code waitpid(-1)}, this takes no
   * exit status from the JDK.
   */
  public static boolean anyOfThisJvm() {
    int result =
        waitid(
            LibC.P_ALL, 0, SIGINFO.get(), LibC.WEXITED | LibC.WNOHANG | LibC.WNOWAIT | LibC.WALL);
    return !(result == -1 && Native.getLastError() == LibC.ECHILD);
  }
}
