package dev.procleak.core.machine;

import dev.procleak.core.scan.ProcessDetails;
import dev.procleak.core.scan.ProcessId;
import dev.procleak.core.scan.StatLine;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Linux: reads {@code /proc/PID/stat} and {@code /proc/PID/status} of every process. */
public final class ProcfsMachineSource implements MachineSource {
  /** {@code PF_KTHREAD} in the flags field of {@code /proc/PID/stat}. */
  private static final long KERNEL_THREAD_FLAG = 0x00200000L;

  private final Path proc;

  public ProcfsMachineSource() {
    this(Path.of("/proc"));
  }

  ProcfsMachineSource(Path proc) {
    this.proc = proc;
  }

  @Override
  public MachineTable read() {
    List<MachineProcess> processes = new ArrayList<>();
    try (DirectoryStream<Path> entries =
        Files.newDirectoryStream(proc, ProcfsMachineSource::isPid)) {
      for (Path entry : entries) {
        MachineProcess process = lookup(Long.parseLong(entry.getFileName().toString()));
        if (process != null) {
          processes.add(process);
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot list " + proc + ": " + e.getMessage(), e);
    }
    return new MachineTable(currentUser(), processes);
  }

  @Override
  public MachineProcess lookup(long pid) {
    Path directory = proc.resolve(Long.toString(pid));
    try {
      String stat = Files.readString(directory.resolve("stat"));
      String user = effectiveUid(Files.readString(directory.resolve("status")));
      return parse(pid, stat, user);
    } catch (IOException | RuntimeException gone) {
      // It exited between the listing and the read: it is not part of this snapshot.
      return null;
    }
  }

  @Override
  public Optional<String> cookie(long pid) {
    return Optional.ofNullable(ProcessDetails.cookieIn(proc.resolve(Long.toString(pid))));
  }

  @Override
  public String commandLine(long pid, String fallback) {
    String line = ProcessDetails.commandLineIn(proc.resolve(Long.toString(pid)));
    return line.isEmpty() ? fallback : line;
  }

  @Override
  public String userName() {
    return System.getProperty("user.name") + " (uid " + currentUser() + ")";
  }

  private String currentUser() {
    try {
      return effectiveUid(Files.readString(proc.resolve("self/status")));
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot read " + proc.resolve("self/status") + ": " + e.getMessage(), e);
    }
  }

  /** The process, or null when the text is not a whole {@code stat} line. */
  static MachineProcess parse(long pid, String stat, String user) {
    StatLine line = StatLine.of(stat);
    if (line == null) {
      return null;
    }
    return new MachineProcess(
        new ProcessId(pid, line.number(StatLine.START_TIME)),
        line.number(StatLine.PARENT),
        line.state(),
        line.number(StatLine.GROUP),
        line.number(StatLine.SESSION),
        user,
        (line.number(StatLine.FLAGS) & KERNEL_THREAD_FLAG) != 0,
        line.name());
  }

  /** The second number of the {@code Uid:} line: real, effective, saved, filesystem. */
  static String effectiveUid(String status) {
    for (String line : status.split("\n")) {
      if (line.startsWith("Uid:")) {
        return line.substring(4).trim().split("\\s+")[1];
      }
    }
    throw new IllegalArgumentException("no Uid line in " + status);
  }

  private static boolean isPid(Path entry) {
    String name = entry.getFileName().toString();
    return !name.isEmpty() && name.chars().allMatch(Character::isDigit);
  }
}
