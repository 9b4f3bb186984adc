package dev.procleak.core.leak;

import dev.procleak.core.scan.ProcessId;
import java.util.List;

/**
 * One leaked process, with everything a developer needs to find the code that made it.
 *
 * @param kind zombie, orphan or lingering child
 * @param process pid and start time
 * @param command the command line, or the kernel's name where none is kept (zombies)
 * @param parentPid the current parent; for a zombie, the culprit that never waited
 * @param parentCommand the parent's command line
 * @param scope the test, class or JVM during which the process appeared
 * @param cleanup what procleak did about it
 * @param candidates when tests ran at the same time and procleak cannot tell which of them
 *     started the process: all of them (then {@code scope} names them too); else empty
 */
public record Leak(
    LeakKind kind,
    ProcessId process,
    String command,
    long parentPid,
    String parentCommand,
    String scope,
    String cleanup,
    List<String> candidates) {

  public Leak {
    candidates = List.copyOf(candidates);
  }

  public Leak(
      LeakKind kind, ProcessId process, String command, long parentPid, String parentCommand, String scope, String cleanup) {
    this(kind, process, command, parentPid, parentCommand, scope, cleanup, List.of());
  }

  public long pid() {
    return process.pid();
  }

  public Leak withCleanup(String outcome) {
    return new Leak(kind, process, command, parentPid, parentCommand, scope, outcome, candidates);
  }
}
