package dev.procleak.core.machine;

import dev.procleak.core.leak.LeakKind;
import dev.procleak.core.scan.ProcessId;
import java.time.Instant;

/**
 * A zombie or orphan that was still there when the grace period ended, described for people.
 *
 * @param kind zombie or orphan
 * @param process pid and start time
 * @param command its command line, or the kernel's name for a zombie
 * @param startedAt when it started, or null where the system does not say
 * @param parentPid its parent: the culprit of a zombie, the adopter of an orphan
 * @param parentCommand the parent's command line, or {@code "?"} when it is gone
 * @param session its session, or -1 where the system does not say
 * @param processGroup its process group, or -1 where the system does not say
 * @param sessionLeader the command line of its session's leader, or null when the leader exited
 * @param why which part of the rule it met
 */
public record FoundProcess(
    LeakKind kind,
    ProcessId process,
    String command,
    Instant startedAt,
    long parentPid,
    String parentCommand,
    long session,
    long processGroup,
    String sessionLeader,
    String why) {

  public long pid() {
    return process.pid();
  }
}
