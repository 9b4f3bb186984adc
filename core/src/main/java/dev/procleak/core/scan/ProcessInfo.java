package dev.procleak.core.scan;

/**
 * One process as seen in one snapshot.
 *
 * @param id pid and start time
 * @param parentPid the current parent (after any re-parenting)
 * @param state the kernel's one-letter state; {@code 'Z'} is a zombie
 * @param name the short name the kernel keeps even for zombies
 * @param adopted true when the process lost the parent that started it: re-parented to the scanned
 *     root as subreaper (Linux), to init (macOS), or left pointing at a parent that is gone or
 *     whose pid now names a younger process (Windows)
 */
public record ProcessInfo(ProcessId id, long parentPid, char state, String name, boolean adopted) {

  public long pid() {
    return id.pid();
  }

  public boolean isZombie() {
    return state == 'Z';
  }

  /**
   * Stopped by a signal ({@code T}) or by a tracer ({@code t}): it runs no code until continued.
   */
  public boolean isStopped() {
    return state == 'T' || state == 't';
  }
}
