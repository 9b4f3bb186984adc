package dev.procleak.core.report;

import java.io.IOException;
import java.nio.file.Path;

/**
 * One format of a module's report ({@link JsonReport}, {@link JunitXmlReport}, {@link
 * dev.procleak.core.report.html.HtmlReport}, {@link StepSummary}), written from the same {@link
 * LeakReport}; {@link ModuleReports} writes them all and logs what each wrote.
 */
@FunctionalInterface
public interface ReportWriter {

  /**
   * Writes {@code report}, replacing what it wrote before, or appending where other steps write
   * too.
   */
  Written write(LeakReport report) throws IOException;

  /** The writer of one file, which {@code writing} writes and the log names as {@code mention}. */
  static ReportWriter ofFile(Path file, Mention mention, FileWriting writing) {
    return report -> {
      writing.write(file, report);
      return new Written(file, mention);
    };
  }

  /** Writes a report into a file. */
  @FunctionalInterface
  interface FileWriting {
    void write(Path file, LeakReport report) throws IOException;
  }

  /**
   * What a writer wrote, and how the build's log names it.
   *
   * @param file the file written, or appended to
   * @param mention how the log names it
   */
  record Written(Path file, Mention mention) {}

  /** How the build's log names a file a writer wrote. */
  enum Mention {
    /**
     * With the other files tools read, on one line: {@code procleak: reports written to a and b}.
     */
    REPORT,
    /** As a link to the leaks' process trees, when something leaked: a page for people to open. */
    PROCESS_TREES,
    /** Not at all: the job summary shows on the CI run's own page. */
    NONE
  }
}
