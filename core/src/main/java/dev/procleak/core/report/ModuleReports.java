package dev.procleak.core.report;

import dev.procleak.core.report.ReportWriter.Mention;
import dev.procleak.core.report.ReportWriter.Written;
import dev.procleak.core.report.html.HtmlReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Every report of one module, written and logged the same way by {@code procleak:check} and by the
 * session-end check of a module whose check never ran: {@code procleak-report.json}, {@code
 * TEST-procleak.xml} and {@code index.html} in the reports directory, then the job summary where
 * there is one.
 */
public final class ModuleReports {

  /** Where the lines about what was written go: Maven's log, or the session-end check's logger. */
  public record Log(Consumer<String> info, Consumer<String> warn) {}

  private ModuleReports() {}

  /**
   * The writers of the files in {@code directory}, which CI reads: their failure fails the check.
   */
  public static List<ReportWriter> inDirectory(Path directory) {
    return List.of(
        JsonReport.into(directory), JunitXmlReport.into(directory), HtmlReport.into(directory));
  }

  /**
   * Writes every report of {@code report} and logs what was written: the files tools read on one
   * line; the HTML page's link when something leaked.
   *
   * @param jobSummary the GitHub Actions job summary to append to (see {@link StepSummary#file}),
   *     or empty
   * @return what was written, the job summary last if it was
   * @throws IOException when a file of {@code directory} could not be written; a job summary that
   *     cannot be appended to is only warned about
   */
  public static List<Written> write(
      LeakReport report, Path directory, Optional<Path> jobSummary, Log log) throws IOException {
    List<Written> written = new ArrayList<>();
    for (ReportWriter writer : inDirectory(directory)) {
      written.add(writer.write(report));
    }
    List<String> reports =
        written.stream()
            .filter(file -> file.mention() == Mention.REPORT)
            .map(file -> file.file().toString())
            .toList();
    log.info().accept("procleak: reports written to " + String.join(" and ", reports));
    if (!report.isClean()) {
      written.stream()
          .filter(file -> file.mention() == Mention.PROCESS_TREES)
          .forEach(
              page ->
                  log.info().accept("procleak: the leaks' process trees: " + page.file().toUri()));
    }
    if (jobSummary.isPresent()) {
      try {
        written.add(StepSummary.appendingTo(jobSummary.get(), directory).write(report));
      } catch (IOException | RuntimeException e) {
        // A summary is a convenience: its failure must not hide the leaks from the build.
        log.warn()
            .accept(
                "procleak could not append to the job summary "
                    + jobSummary.get()
                    + " ("
                    + StepSummary.VARIABLE
                    + "): "
                    + e.getMessage());
      }
    }
    return written;
  }
}
