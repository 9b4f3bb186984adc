package dev.procleak.core.scan;

import java.time.Instant;
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
      all.add(toInfo(process, exactStart(process)));
    }
    return all;
  }

  @Override
  public ProcessInfo lookup(long pid) {
    OSProcess process = os.getProcess((int) pid);
    return process == null ? null : toInfo(process, exactStart(process));
  }

  /** What OSHI reports, with its own start time. */
  static ProcessInfo toInfo(OSProcess process) {
    return toInfo(process, process.getStartTime());
  }

  /** Its state never says zombie here: Windows has none. */
  static ProcessInfo toInfo(OSProcess process, long startMillis) {
    return new ProcessInfo(
        new ProcessId(process.getProcessID(), startMillis),
        process.getParentProcessID(),
        process.getState() == OSProcess.State.SUSPENDED ? 'T' : 'R',
        process.getName(),
        false);
  }

  /**
   * OSHI derives a Windows start time from performance data as "now minus elapsed time", which can
   * differ by a millisecond between two listings of the same process, and an identity must not. The
   * JDK reads the creation time itself ({@code GetProcessTimes}); OSHI's value stays for the
   * processes the JDK may not open, none of which this JVM started.
   */
  private static long exactStart(OSProcess process) {
    return ProcessHandle.of(process.getProcessID())
        .flatMap(handle -> handle.info().startInstant())
        .map(Instant::toEpochMilli)
        .orElse(process.getStartTime());
  }
}
