package dev.procleak.core.scan;

import java.util.ArrayList;
import java.util.List;
import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;

/** The portable path: OSHI's descendant query, which reads the whole process table. */
public final class OshiScanner implements SubtreeScanner {
  static final String AS_OSHI_SEES_IT =
      "no platform-specific scan here: processes are found through OSHI's descendant query, so an"
          + " orphan that left the JVM's tree is not found and kinds are only as exact as OSHI's states";

  private final OperatingSystem os;

  public OshiScanner(OperatingSystem os) {
    this.os = os;
  }

  @Override
  public ProcessTable scan(long rootPid) {
    List<ProcessInfo> found = new ArrayList<>();
    for (OSProcess process : os.getDescendantProcesses((int) rootPid, null, null, 0)) {
      found.add(toInfo(process));
    }
    return new ProcessTable(rootPid, found, List.of(AS_OSHI_SEES_IT));
  }

  @Override
  public ProcessInfo lookup(long pid) {
    OSProcess process = os.getProcess((int) pid);
    return process == null ? null : toInfo(process);
  }

  static ProcessInfo toInfo(OSProcess process) {
    char state = process.getState() == OSProcess.State.ZOMBIE ? 'Z' : 'R';
    return new ProcessInfo(
        new ProcessId(process.getProcessID(), process.getStartTime()),
        process.getParentProcessID(),
        state,
        process.getName(),
        false);
  }
}
