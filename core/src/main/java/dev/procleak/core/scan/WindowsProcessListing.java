package dev.procleak.core.scan;

import java.util.ArrayList;
import java.util.List;
import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;

/**
 * Windows, through OSHI: pid, parent pid, start time and name of every process. Windows has no
 * zombies, and it never re-parents: a child keeps its dead parent's pid, which Windows soon gives
 * to an unrelated process ({@link AncestryScanner} checks start times for that).
 */
final class WindowsProcessListing implements ProcessListing {
  private final OperatingSystem os;

  WindowsProcessListing(OperatingSystem os) {
    this.os = os;
  }

  @Override
  public List<ProcessInfo> all() {
    List<ProcessInfo> all = new ArrayList<>();
    for (OSProcess process : os.getProcesses()) {
      all.add(toInfo(process));
    }
    return all;
  }

  @Override
  public ProcessInfo lookup(long pid) {
    OSProcess process = os.getProcess((int) pid);
    return process == null ? null : toInfo(process);
  }

  /** OSHI's start time is milliseconds since the epoch; its state never says zombie here. */
  static ProcessInfo toInfo(OSProcess process) {
    return new ProcessInfo(
        new ProcessId(process.getProcessID(), process.getStartTime()),
        process.getParentProcessID(),
        process.getState() == OSProcess.State.SUSPENDED ? 'T' : 'R',
        process.getName(),
        false);
  }
}
