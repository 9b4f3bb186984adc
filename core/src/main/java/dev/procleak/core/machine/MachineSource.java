package dev.procleak.core.machine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/** Where a machine-wide snapshot comes from: {@code /proc} on Linux, OSHI elsewhere. */
public interface MachineSource {
  MachineTable read();

  /** The current state of one process, or null when it is gone. */
  MachineProcess lookup(long pid);

  /** The command line, or {@code fallback} where none is kept (zombies, kernel threads). */
  String commandLine(long pid, String fallback);

  default Optional<Instant> startedAt(long pid) {
    return ProcessHandle.of(pid).flatMap(handle -> handle.info().startInstant());
  }

  /** A short name for the user, for people. */
  String userName();

  /** The procleak cookie {@code pid} carries, where it can be read. */
  default Optional<String> cookie(long pid) {
    return Optional.empty();
  }

  static MachineSource forThisPlatform() {
    return Files.isReadable(Path.of("/proc/self/stat"))
        ? new ProcfsMachineSource()
        : new OshiMachineSource();
  }
}
