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

  /** This user's processes whose cookie is {@code cookie} or one below it, this process excepted. */
  public static List<Long> find(String cookie) {
    OperatingSystem os = Oshi.operatingSystem();
    String user = os.getCurrentProcess().getUserID();
    long self = ProcessHandle.current().pid();
    List<Long> found = new ArrayList<>();
    for (OSProcess process : os.getProcesses()) {
      if (process.getProcessID() != self
          && user.equals(process.getUserID())
          && EnvironmentCookie.belongsTo(process.getEnvironmentVariables().get(EnvironmentCookie.VARIABLE), cookie)) {
        found.add((long) process.getProcessID());
      }
    }
    return found;
  }
}
