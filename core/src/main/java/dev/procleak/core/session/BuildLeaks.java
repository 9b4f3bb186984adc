package dev.procleak.core.session;

import dev.procleak.core.leak.BuiltInFilters;
import dev.procleak.core.leak.Leak;
import dev.procleak.core.report.JsonReport;
import dev.procleak.core.report.JunitXmlReport;
import dev.procleak.core.report.JvmReport;
import dev.procleak.core.report.LeakReport;
import dev.procleak.core.report.ReportFiles;
import dev.procleak.core.report.StepSummary;
import dev.procleak.core.report.html.HtmlReport;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What the test JVMs of one module build left: the leaks their reports name, and the processes
 * carrying the build's cookie (any of its forks') that outlived them, killed unless told not to.
 * Both {@code procleak:check} and the session-end check of modules whose check never ran read
 * them here and write the same reports.
 *
 * @param report the reported leaks, then the survivors
 * @param jvms how many test JVM reports were read
 */
public record BuildLeaks(LeakReport report, int jvms) {
  /**
   * Reads every report in {@code reportsDirectory} and looks for survivors of {@code cookie}.
   *
   * @param project the module's name in the reports
   * @param cookie the module build's cookie; {@code null} when no test JVM was marked
   * @param kill terminate the survivors, or leave them running
   * @param ignore {@code procleak.ignore}: a survivor that matches, or whose escaped parent does,
   *     is neither reported nor killed, as in the test JVM
   */
  public static BuildLeaks collect(
      String project, Path reportsDirectory, String cookie, boolean kill, List<Pattern> ignore) throws IOException {
    List<JvmReport> jvmReports = new ArrayList<>();
    for (Path file : ReportFiles.list(reportsDirectory)) {
      jvmReports.add(ReportFiles.read(file));
    }
    List<Leak> survivors = new ArrayList<>();
    if (cookie != null) {
      Survivors search = new Survivors();
      List<Leak> found = search.find(cookie);
      found.removeIf(survivor -> jvmReports.stream()
          .anyMatch(report -> report.leaks().stream().anyMatch(leak -> leak.process().equals(survivor.process()))));
      found.removeIf(survivor -> ignored(survivor, ignore));
      survivors.addAll(kill ? search.terminate(found) : search.leaveRunning(found));
    }
    return new BuildLeaks(LeakReport.of(project, Instant.now(), jvmReports, survivors), jvmReports.size());
  }

  /** The survivor or one of the escaped processes above it matches a filter. */
  private static boolean ignored(Leak survivor, List<Pattern> ignore) {
    List<String> commands = new ArrayList<>();
    commands.add(survivor.command());
    survivor.ancestors().forEach(ancestor -> commands.add(ancestor.command()));
    for (String command : commands) {
      if (BuiltInFilters.matches(command) || ignore.stream().anyMatch(pattern -> pattern.matcher(command).find())) {
        return true;
      }
    }
    return false;
  }

  public List<Leak> leaks() {
    return report.leaks();
  }

  /**
   * Writes {@code procleak-report.json}, {@code TEST-procleak.xml} and {@code index.html} into
   * {@code directory}.
   *
   * @return the files written: JSON, XML, HTML
   */
  public List<Path> writeReports(Path directory) throws IOException {
    Path json = directory.resolve(JsonReport.FILE_NAME);
    Path xml = directory.resolve(JunitXmlReport.FILE_NAME);
    JsonReport.write(json, report);
    JunitXmlReport.write(xml, report);
    Path html = HtmlReport.write(directory, report);
    return List.of(json, xml, html);
  }

  /**
   * The GitHub Actions job summary to append to: {@code configured} when given, else the file
   * {@code GITHUB_STEP_SUMMARY} names; empty outside GitHub Actions.
   */
  public static String stepSummaryFile(String configured) {
    return configured != null ? configured.trim() : System.getenv().getOrDefault(StepSummary.VARIABLE, "").trim();
  }

  public void appendStepSummary(Path file) throws IOException {
    StepSummary.append(file, report);
  }
}
