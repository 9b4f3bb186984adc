package dev.procleak.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a platform kept procleak from checking travels with the JVM's report. */
class ReportLimitationsTest {

  @Test
  void limitationsReadBackAsWritten(@TempDir Path directory) throws Exception {
    JvmReport report =
        new JvmReport(
            99, "cookie-1", false, 3, List.of(), List.of("macOS has no child subreaper: …"));
    Path file = ReportFiles.fileFor(directory, 99, 1234);

    ReportFiles.write(file, report);

    assertThat(ReportFiles.read(file).limitations())
        .containsExactly("macOS has no child subreaper: …");
  }

  @Test
  void aReportWrittenWithoutLimitationsReadsAsHavingNone(@TempDir Path directory) throws Exception {
    Path file = ReportFiles.fileFor(directory, 99, 1234);
    ReportFiles.write(file, new JvmReport(99, null, true, 1, List.of()));
    Files.writeString(
        file, Files.readString(file).replaceAll(",\\s*\"limitations\"\\s*:\\s*\\[\\s*\\]", ""));

    assertThat(Files.readString(file)).doesNotContain("limitations");
    assertThat(ReportFiles.read(file).limitations()).isEmpty();
  }
}
