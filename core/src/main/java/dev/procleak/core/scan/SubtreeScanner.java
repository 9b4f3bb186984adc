package dev.procleak.core.scan;

/** Takes snapshots of every process below a root process. */
public interface SubtreeScanner {

  ProcessTable scan(long rootPid);

  /** The current identity of a process, or null when it is gone. */
  ProcessInfo lookup(long pid);

  static SubtreeScanner forThisPlatform() {
    return ProcfsScanner.isAvailable() ? new ProcfsScanner() : new OshiScanner(Oshi.operatingSystem());
  }
}
