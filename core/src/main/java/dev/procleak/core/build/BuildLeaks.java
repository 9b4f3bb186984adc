package dev.procleak.core.build;

import dev.procleak.core.cleanup.Cleanup;
import dev.procleak.core.config.ProcleakConfig;
import dev.procleak.core.leak.ProcessFilter;
import dev.procleak.core.model.Leak;
import dev.procleak.core.model.ScopeKind;
import dev.procleak.core.report.BuildRecord;
import dev.procleak.core.report.CheckGap;
import dev.procleak.core.report.JvmReport;
import dev.procleak.core.report.LeakReport;
import dev.procleak.core.report.LeftoverFile;
import dev.procleak.core.report.ReportFiles;
import dev.procleak.core.report.StartJournal;
import dev.procleak.core.scan.SubtreeScanner;
import dev.procleak.core.session.Survivors;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the test JVMs of one module build left: the leaks their reports name, and the processes
 * carrying the build's cookie (any of its forks') that outlived them, killed unless told not to.
 * Both {@code procleak:check} and the session-end check of modules whose check never ran read them
 * here and write the same reports ({@link dev.procleak.core.report.ModuleReports}).
 *
 * @param report the reported leaks, then the survivors
 * @param jvmReports the test JVM reports read
 */
public record BuildLeaks(LeakReport report, List<JvmReport> jvmReports) {
  public BuildLeaks {
    jvmReports = List.copyOf(jvmReports);
  }

  /** How many test JVM reports were read. */
  public int jvms() {
    return jvmReports.size();
  }

  /** The same, with what was not checked (see {@link Coverage}). */
  public BuildLeaks withGaps(List<CheckGap> gaps) {
    return new BuildLeaks(report.withGaps(gaps), jvmReports);
  }

  /**
   * Reads every report in {@code reportsDirectory} and looks for survivors of {@code cookie}.
   *
   * @param project the module's name in the reports
   * @param cookie the module build's cookie; {@code null} when no test JVM was marked
   * @param config the module's settings: {@code cleanup} terminates the survivors or leaves them
   *     running; a survivor its filter spares (see {@link ProcessFilter}) is neither reported nor
   *     killed, as in the test JVM
   */
  public static BuildLeaks collect(
      String project, Path reportsDirectory, String cookie, ProcleakConfig config)
      throws IOException {
    List<JvmReport> jvmReports = new ArrayList<>();
    for (Path file : ReportFiles.list(reportsDirectory)) {
      jvmReports.add(ReportFiles.read(file));
    }
    List<Leak> survivors = new ArrayList<>();
    Map<String, Path> journals = new HashMap<>();
    for (JvmReport jvm : jvmReports) {
      if (jvm.journal() != null && jvm.cookie() != null) {
        journals.put(jvm.cookie(), Path.of(jvm.journal()));
      }
    }
    if (cookie != null) {
      Survivors search = new Survivors(journals);
      ProcessFilter filter = ProcessFilter.of(config);
      List<Leak> found = search.find(cookie, filter);
      found.removeIf(
          survivor ->
              jvmReports.stream()
                  .anyMatch(
                      report ->
                          report.leaks().stream()
                              .anyMatch(leak -> leak.process().equals(survivor.process()))));
      survivors.addAll(
          config.cleanup()
              ? new Cleanup(SubtreeScanner.forThisPlatform(), null)
                  .stop(found, search.joiner(ScopeKind.SURVIVOR, Survivors.SCOPE, filter))
              : Cleanup.leftRunning(found));
    }
    LeakReport report =
        LeakReport.of(project, Instant.now(), jvmReports, survivors)
            .withLeftovers(LeftoverFile.read(reportsDirectory));
    if (report.leaks().stream().noneMatch(leak -> leak.outcome().leftRunning())) {
      // Nothing left running for a later build to find and name.
      journals.values().forEach(StartJournal::delete);
      if (cookie != null) {
        BuildRecord.delete(StartJournal.directory(), cookie);
      }
    }
    return new BuildLeaks(report, jvmReports);
  }

  public List<Leak> leaks() {
    return report.leaks();
  }
}
