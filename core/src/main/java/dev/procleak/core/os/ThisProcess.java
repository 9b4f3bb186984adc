package dev.procleak.core.os;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * This JVM's pid, read where it costs least: on Linux from {@code /proc/self}; {@code
 * ProcessHandle.current()} would start the JDK's process-reaper machinery (an executor, its thread
 * factory and their classes) in every test JVM, most of which never start a process.
 */
public final class ThisProcess {
  private static final long PID = readPid();

  private ThisProcess() {}

  public static long pid() {
    return PID;
  }

  private static long readPid() {
    try {
      return Long.parseLong(Files.readSymbolicLink(Path.of("/proc/self")).toString());
    } catch (IOException | UnsupportedOperationException | NumberFormatException e) {
      return ProcessHandle.current().pid(); // not Linux, or no /proc mounted
    }
  }
}
