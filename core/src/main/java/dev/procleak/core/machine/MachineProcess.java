package dev.procleak.core.machine;

import dev.procleak.core.scan.ProcessId;

/**
 * One process of the whole machine, as one snapshot saw it.
 *
 * @param id pid and start time (clock ticks since boot on Linux, milliseconds since the epoch
 *     through OSHI): compare start times only within one source
 * @param parentPid the current parent, after any re-parenting; 0 for roots (init, kthreadd)
 * @param state the kernel's one-letter state; {@code 'Z'} is a zombie
 * @param processGroup the process group, or {@link #UNKNOWN} where the platform does not say
 * @param session the session, or {@link #UNKNOWN} where the platform does not say
 * @param user the effective user: a numeric uid on Linux, OSHI's user id elsewhere
 * @param kernelThread a kernel worker rather than a program
 * @param name the short name the kernel keeps even for zombies
 */
public record MachineProcess(
    ProcessId id,
    long parentPid,
    char state,
    long processGroup,
    long session,
    String user,
    boolean kernelThread,
    String name) {

  public static final long UNKNOWN = -1;

  public long pid() {
    return id.pid();
  }

  public boolean isZombie() {
    return state == 'Z';
  }

  public boolean isSessionLeader() {
    return session == pid();
  }

  public boolean knowsSessions() {
    return session != UNKNOWN && processGroup != UNKNOWN;
  }
}
