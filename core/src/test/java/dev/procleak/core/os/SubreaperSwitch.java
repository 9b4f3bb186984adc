package dev.procleak.core.os;

/** For tests that need orphans to go to init although another test armed this JVM. */
public final class SubreaperSwitch {
  private SubreaperSwitch() {}

  /** Sets this JVM's child-subreaper flag; true when the kernel took it. */
  public static boolean set(boolean on) {
    return LibC.INSTANCE.prctl(LibC.PR_SET_CHILD_SUBREAPER, on ? 1 : 0, 0, 0, 0) == 0;
  }
}
