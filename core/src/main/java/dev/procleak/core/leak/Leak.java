package dev.procleak.core.leak;

import dev.procleak.core.scan.ProcessId;

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
 */
public record Leak(
    LeakKind kind,
    ProcessId process,
    String command,
    long parentPid,
    String parentCommand,
    String scope,
    String cleanup) {

  public long pid() {
    return process.pid();
  }

  public Leak withCleanup(String outcome) {
    return new Leak(kind, process, command, parentPid, parentCommand, scope, outcome);
  }
}
