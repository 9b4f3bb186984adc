package dev.procleak.junit;

/** A test or class left processes behind. */
public final class ProcessLeakError extends AssertionError {
  private static final long serialVersionUID = 1L;

  ProcessLeakError(String message) {
    super(message);
  }
}
