package dev.procleak.core.scan;

/** The pause between two looks at the process table while a deadline runs. */
public final class Polling {
  private Polling() {}

  public static void pause() {
    try {
      Thread.sleep(10);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for processes to finish", e);
    }
  }
}
