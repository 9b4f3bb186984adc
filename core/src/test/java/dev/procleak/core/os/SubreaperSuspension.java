package dev.procleak.core.os;

/**
 * Takes the child subreaper role from this JVM until closed, where an earlier test in the same JVM
 * armed it and a test needs orphans to go where they would without procleak.
 */
public final class SubreaperSuspension implements AutoCloseable {
  private final boolean suspended;

  private SubreaperSuspension(boolean suspended) {
    this.suspended = suspended;
  }

  public static SubreaperSuspension begin() {
    if (!Subreaper.isArmed()) {
      return new SubreaperSuspension(false);
    }
    if (LibC.INSTANCE.prctl(LibC.PR_SET_CHILD_SUBREAPER, 0, 0, 0, 0) != 0) {
      throw new IllegalStateException("prctl(PR_SET_CHILD_SUBREAPER, 0) failed");
    }
    return new SubreaperSuspension(true);
  }

  @Override
  public void close() {
    if (suspended && LibC.INSTANCE.prctl(LibC.PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0) {
      throw new IllegalStateException("prctl(PR_SET_CHILD_SUBREAPER, 1) failed");
    }
  }
}
