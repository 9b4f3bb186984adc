package dev.procleak.core.os;

import com.sun.jna.Platform;

/**
 * Makes this JVM the child subreaper of everything below it, so that an orphan of a test is
 * re-parented to the JVM and stays visible as its descendant instead of going to init.
 */
public final class Subreaper {
  private static Boolean armed;

  private Subreaper() {}

  /** Arms this JVM once; returns whether it is a subreaper now. */
  public static synchronized boolean arm() {
    if (armed == null) {
      armed =
          Platform.isLinux() && LibC.INSTANCE.prctl(LibC.PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0;
    }
    return armed;
  }

  /** Whether {@link #arm()} made this JVM a subreaper; false before it was called. */
  public static synchronized boolean isArmed() {
    return Boolean.TRUE.equals(armed);
  }
}
