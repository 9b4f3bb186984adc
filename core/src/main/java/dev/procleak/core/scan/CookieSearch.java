package dev.procleak.core.scan;

import dev.procleak.core.os.EnvironmentCookie;
import dev.procleak.core.os.ThisProcess;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;

/**
 * Finds this user's processes that carry a cookie, wherever they went: after the test JVM is gone,
 * its escaped descendants belong to init and only their environment tells whose they are. On Linux
 * from {@code /proc} alone, so that a test JVM whose class path holds an older jna-platform than
 * OSHI's (the user's own, which Maven prefers) never loads OSHI; elsewhere through OSHI.
 */
public final class CookieSearch {
  private static final Path PROC = Path.of("/proc");

  private CookieSearch() {}

  /**
   * The processes carrying {@code cookie} or one below it (see {@link
   * EnvironmentCookie#belongsTo}), this process excepted, each with the identity it had while its
   * environment was read: taken before the read and re-checked after it, so that a pid reused
   * meanwhile is never taken for the process that carried the cookie.
   */
  public static List<ProcessInfo> find(String cookie, SubtreeScanner scanner) {
    long self = ThisProcess.pid();
    List<ProcessInfo> found = new ArrayList<>();
    Map<Long, Supplier<String>> candidates =
        Files.isDirectory(PROC.resolve("self")) ? fromProc() : fromOshi();
    for (Map.Entry<Long, Supplier<String>> candidate : candidates.entrySet()) {
      long pid = candidate.getKey();
      if (pid == self) {
        continue;
      }
      ProcessInfo before = scanner.lookup(pid);
      if (before == null || !EnvironmentCookie.belongsTo(candidate.getValue().get(), cookie)) {
        continue;
      }
      scanner.current(before.id()).ifPresent(found::add);
    }
    return found;
  }

  /**
   * This user's processes, by pid, each with a reader of its cookie: those whose {@code /proc}
   * entry this process's user owns, the cookie from {@code /proc/PID/environ} (the environment it
   * started with, as OSHI reads it).
   */
  private static Map<Long, Supplier<String>> fromProc() {
    Map<Long, Supplier<String>> candidates = new LinkedHashMap<>();
    try (DirectoryStream<Path> entries =
        Files.newDirectoryStream(
            PROC, entry -> entry.getFileName().toString().chars().allMatch(Character::isDigit))) {
      Object user = Files.getAttribute(PROC.resolve("self"), "unix:uid");
      for (Path entry : entries) {
        if (user.equals(ownerOrNull(entry))) {
          candidates.put(
              Long.parseLong(entry.getFileName().toString()), () -> ProcessDetails.cookieIn(entry));
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot list " + PROC + ": " + e.getMessage(), e);
    }
    return candidates;
  }

  private static Object ownerOrNull(Path entry) {
    try {
      return Files.getAttribute(entry, "unix:uid");
    } catch (IOException | RuntimeException gone) {
      return null;
    }
  }

  private static Map<Long, Supplier<String>> fromOshi() {
    OperatingSystem os = Oshi.operatingSystem();
    String user = os.getCurrentProcess().getUserID();
    Map<Long, Supplier<String>> candidates = new LinkedHashMap<>();
    for (OSProcess process : os.getProcesses()) {
      if (user.equals(process.getUserID())) {
        candidates.put(
            (long) process.getProcessID(),
            () -> process.getEnvironmentVariables().get(EnvironmentCookie.VARIABLE));
      }
    }
    return candidates;
  }
}
