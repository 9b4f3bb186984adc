package dev.procleak.core.scan;

import dev.procleak.core.os.EnvironmentCookie;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import oshi.software.os.OSProcess;

/**
 * Details read once something was found: they cost more than a scan. Each is read by pid and then
 * checked against the identity the scan saw, so that a pid the process gave up while it was being
 * described never lends it another process's command line.
 */
public final class ProcessDetails {
  static final String EXITED = "(exited)";
  private static final boolean PROC = Files.isDirectory(Path.of("/proc/self"));

  private ProcessDetails() {}

  /**
   * The command line of {@code process}, or the kernel's short name where it keeps no command line:
   * zombies (not read at all, so a horde of them costs nothing), kernel threads, processes of other
   * users, and processes gone since the scan.
   */
  public static String commandLine(ProcessInfo process, SubtreeScanner scanner) {
    if (process.isZombie()) {
      return process.name();
    }
    String commandLine = read(process.pid());
    // Read first, identity second: if the identity still holds, the process lived all along.
    if (commandLine.isBlank() || !isStill(process.id(), scanner)) {
      return process.name();
    }
    return commandLine;
  }

  /**
   * The command line of the current parent of {@code process}: from {@code table} when the parent
   * is in it, else only while that pid still names a process at least as old as its child (a
   * younger one took a dead parent's pid), else {@value #EXITED}.
   */
  public static String parentCommandLine(
      ProcessInfo process, ProcessTable table, SubtreeScanner scanner) {
    ProcessInfo parent = table.get(process.parentPid()).orElse(null);
    if (parent == null) {
      parent = scanner.lookup(process.parentPid());
      if (parent == null || parent.id().startTime() > process.id().startTime()) {
        return EXITED;
      }
    }
    return commandLine(parent, scanner);
  }

  /**
   * The procleak cookie in the environment of {@code process}: empty for a zombie, a process of
   * another user, one gone since the scan, or one whose environment holds none.
   */
  public static Optional<String> cookieOf(ProcessInfo process, SubtreeScanner scanner) {
    if (process.isZombie()) {
      return Optional.empty();
    }
    String cookie =
        PROC ? cookieIn(Path.of("/proc", Long.toString(process.pid()))) : oshiCookie(process.pid());
    return cookie == null || !isStill(process.id(), scanner)
        ? Optional.empty()
        : Optional.of(cookie);
  }

  /** The cookie in {@code pidDirectory/environ} (NUL-separated {@code NAME=value}), or null. */
  public static String cookieIn(Path pidDirectory) {
    byte[] raw;
    try {
      raw = Files.readAllBytes(pidDirectory.resolve("environ"));
    } catch (IOException | SecurityException unreadable) {
      return null;
    }
    String prefix = EnvironmentCookie.VARIABLE + "=";
    for (String entry : new String(raw, StandardCharsets.UTF_8).split("\0")) {
      if (entry.startsWith(prefix)) {
        return entry.substring(prefix.length());
      }
    }
    return null;
  }

  private static String oshiCookie(long pid) {
    OSProcess process = Oshi.operatingSystem().getProcess((int) pid);
    return process == null
        ? null
        : process.getEnvironmentVariables().get(EnvironmentCookie.VARIABLE);
  }

  private static boolean isStill(ProcessId id, SubtreeScanner scanner) {
    return scanner.current(id).isPresent();
  }

  private static String read(long pid) {
    if (PROC) {
      return commandLineIn(Path.of("/proc", Long.toString(pid)));
    }
    OSProcess process = Oshi.operatingSystem().getProcess((int) pid);
    String commandLine = process == null ? null : process.getCommandLine();
    return commandLine == null ? "" : commandLine.trim();
  }

  /**
   * The command line in {@code pidDirectory/cmdline}: argv, NUL-separated, as OSHI reads it on
   * Linux; empty for zombies, kernel threads and processes gone since. Bytes that are not UTF-8 are
   * kept (see {@link Utf8}).
   */
  public static String commandLineIn(Path pidDirectory) {
    try {
      byte[] raw = Files.readAllBytes(pidDirectory.resolve("cmdline"));
      return Utf8.decode(raw).replace('\0', ' ').trim();
    } catch (IOException | SecurityException gone) {
      return "";
    }
  }
}
