package dev.procleak.core.scan;

import dev.procleak.core.os.EnvironmentCookie;
import java.util.ArrayList;
import java.util.List;
import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;

/**
 * Finds this user's processes that carry a cookie, wherever they went: after the test JVM is
 * gone, its escaped descendants belong to init and only their environment tells whose they are.
 */
public final class CookieSearch {
  private CookieSearch() {}

  /**
   * The processes carrying {@code cookie} or one below it (see {@link EnvironmentCookie#belongsTo}),
   * this process excepted, each with the identity it had while its environment was read: taken
   * before the read and re-checked after it, so that a pid reused meanwhile is never taken for
   * the process that carried the cookie.
   */
  public static List<ProcessInfo> find(String cookie, SubtreeScanner scanner) {
    OperatingSystem os = Oshi.operatingSystem();
    String user = os.getCurrentProcess().getUserID();
    long self = ProcessHandle.current().pid();
    List<ProcessInfo> found = new ArrayList<>();
    for (OSProcess process : os.getProcesses()) {
      long pid = process.getProcessID();
      if (pid == self || !user.equals(process.getUserID())) {
        continue;
      }
      ProcessInfo before = scanner.lookup(pid);
      if (before == null || !EnvironmentCookie.belongsTo(process.getEnvironmentVariables().get(EnvironmentCookie.VARIABLE), cookie)) {
        continue;
      }
      ProcessInfo after = scanner.lookup(pid);
      if (after != null && after.id().equals(before.id())) {
        found.add(after);
      }
    }
    return found;
  }
}
