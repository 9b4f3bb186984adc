package dev.procleak.core.scan;

import java.util.Optional;

/** Takes snapshots of every process below a root process. */
public interface SubtreeScanner {

  ProcessTable scan(long rootPid);

  /** The current identity of a process, or null when it is gone. */
  ProcessInfo lookup(long pid);

  /**
   * The process {@code id} names, read again now: empty once it is gone, or when its pid already
   * names another process. Every signal, reap and detail procleak takes goes through this check.
   */
  default Optional<ProcessInfo> current(ProcessId id) {
    ProcessInfo now = lookup(id.pid());
    return now != null && now.id().equals(id) ? Optional.of(now) : Optional.empty();
  }

  /**
   * Linux: the {@code /proc} walk of the root's subtree. macOS: {@code sysctl} listings with the
   * ancestry seen during the scope. Windows: OSHI's listings with the same ancestry and start-time
   * checks. Elsewhere: OSHI's descendant query, as is.
   */
  static SubtreeScanner forThisPlatform() {
    return forPlatform(System.getProperty("os.name", ""), ProcfsScanner.isAvailable());
  }

  /** The scanner {@link #forThisPlatform()} picks on the system named {@code osName}. */
  static SubtreeScanner forPlatform(String osName, boolean procfsChildren) {
    String os = osName.toLowerCase(java.util.Locale.ROOT);
    if (os.startsWith("linux") && procfsChildren) {
      return new ProcfsScanner();
    }
    if (os.startsWith("mac") || os.startsWith("darwin")) {
      return AncestryScanner.macOS();
    }
    if (os.startsWith("windows")) {
      return AncestryScanner.windows(Oshi.operatingSystem());
    }
    return new OshiScanner(Oshi.operatingSystem());
  }
}
