package dev.procleak.core.machine;

import dev.procleak.core.model.Ancestor;
import dev.procleak.core.model.LeakKind;
import dev.procleak.core.scan.ProcessId;
import java.time.Instant;
import java.util.List;

/**
 * A zombie or orphan that was still there when the grace period ended, described for people.
 *
 * @param kind zombie or orphan
 * @param process pid and start time
 * @param command its command line, or the kernel's name for a zombie
 * @param startedAt when it started, or null where the system does not say
 * @param ancestors the processes above it, its parent first (the culprit of a zombie, the adopter
 *     of an orphan), up to init; a parent that is gone reads {@code "?"}
 * @param session its session, or -1 where the system does not say
 * @param processGroup its process group, or -1 where the system does not say
 * @param sessionLeader the command line of its session's leader, or null when the leader exited
 * @param why which part of the rule it met
 * @param leftBy for an orphan of an earlier build whose run is over: which build, and the test that
 *     started it where its journal says; else null
 */
public record FoundProcess(
    LeakKind kind,
    ProcessId process,
    String command,
    Instant startedAt,
    List<Ancestor> ancestors,
    long session,
    long processGroup,
    String sessionLeader,
    String why,
    String leftBy) {

  public FoundProcess {
    ancestors = List.copyOf(ancestors);
    if (ancestors.isEmpty()) {
      throw new IllegalArgumentException("a process found has at least its parent");
    }
  }

  public long pid() {
    return process.pid();
  }

  /** The culprit of a zombie, the adopter of an orphan. */
  public long parentPid() {
    return ancestors.get(0).pid();
  }

  public String parentCommand() {
    return ancestors.get(0).command();
  }
}
