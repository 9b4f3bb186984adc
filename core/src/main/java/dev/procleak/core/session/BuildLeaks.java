package dev.procleak.core.session;

import dev.procleak.core.config.ProcleakConfig;
import dev.procleak.core.leak.Leak;
import dev.procleak.core.report.JvmReport;
import dev.procleak.core.report.ReportFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the test JVMs of one module build left: the leaks their reports name, and the processes
 * carrying the build's cookie (any of its forks') that outlived them, killed unless told not to.
 *
 * @param leaks the reported leaks, then the survivors
 * @param jvms how many test JVM reports were read
 */
public record BuildLeaks(List<Leak> leaks, int jvms) {
  public BuildLeaks {
    leaks = List.copyOf(leaks);
  }

  /**
   * Reads every report in {@code reportsDirectory} and looks for survivors of {@code cookie}.
   *
   * @param cookie the module build's cookie; {@code null} when no test JVM was marked
   * @param kill terminate the survivors, or leave them running
   */
  public static BuildLeaks collect(Path reportsDirectory, String cookie, boolean kill) throws IOException {
    List<Leak> leaks = new ArrayList<>();
    int jvms = 0;
    for (Path file : ReportFiles.list(reportsDirectory)) {
      JvmReport report = ReportFiles.read(file);
      leaks.addAll(report.leaks());
      jvms++;
    }
    if (cookie != null) {
      Survivors survivors = new Survivors();
      List<Leak> found = survivors.find(cookie);
      found.removeIf(survivor -> leaks.stream().anyMatch(leak -> leak.process().equals(survivor.process())));
      if (kill) {
        leaks.addAll(survivors.terminate(found));
      } else {
        found.forEach(survivor -> leaks.add(survivor.withCleanup("left running: " + ProcleakConfig.CLEANUP + "=false")));
      }
    }
    return new BuildLeaks(leaks, jvms);
  }
}
