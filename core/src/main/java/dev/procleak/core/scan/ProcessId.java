package dev.procleak.core.scan;

/**
 * The identity of a process: a pid alone is reused within minutes under load, a pid with its start
 * time is not.
 *
 * @param pid the process id
 * @param startTime the start time as the scanner reads it: clock ticks since boot on Linux,
 *     milliseconds since the epoch on macOS and Windows (as OSHI reports it there); compare
 *     identities only between values from the same scanner
 */
public record ProcessId(long pid, long startTime) {
  @Override
  public String toString() {
    return pid + "@" + startTime;
  }
}
