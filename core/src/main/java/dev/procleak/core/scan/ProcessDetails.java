package dev.procleak.core.scan;

import oshi.software.os.OSProcess;

/** Details read once something was found: they cost more than a scan. */
public final class ProcessDetails {
  private ProcessDetails() {}

  /**
   * The command line, or the kernel's short name where it keeps no command line (zombies,
   * kernel threads, processes of other users).
   */
  public static String commandLine(long pid, String fallbackName) {
    OSProcess process = Oshi.operatingSystem().getProcess((int) pid);
    String commandLine = process == null ? "" : process.getCommandLine();
    return commandLine == null || commandLine.isBlank() ? fallbackName : commandLine.trim();
  }
}
