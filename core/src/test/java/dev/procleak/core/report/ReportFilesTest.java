package dev.procleak.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procleak.core.leak.Leak;
import dev.procleak.core.leak.LeakKind;
import dev.procleak.core.scan.ProcessId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFilesTest {
  private static final Leak ZOMBIE =
      new Leak(LeakKind.ZOMBIE, new ProcessId(12, 34), "sleep", 11, "sleep 30", "a.B.c()", "reaped after its parent was killed: exited with code 0");

  @Test
  void aReportReadsBackAsWritten(@TempDir Path directory) throws Exception {
    JvmReport report = new JvmReport(99, "cookie-1", true, 7, List.of(ZOMBIE));
    Path file = ReportFiles.fileFor(directory, 99, 1234);

    ReportFiles.write(file, report);

    assertThat(ReportFiles.read(file)).isEqualTo(report);
    assertThat(ReportFiles.list(directory)).containsExactly(file);
  }

  @Test
  void rewritingLeavesNoTemporaryFileBehind(@TempDir Path directory) throws Exception {
    Path file = ReportFiles.fileFor(directory, 99, 1234);

    ReportFiles.write(file, new JvmReport(99, null, false, 0, List.of()));
    ReportFiles.write(file, new JvmReport(99, null, false, 1, List.of(ZOMBIE)));

    try (var files = Files.list(directory)) {
      assertThat(files).containsExactly(file);
    }
    assertThat(ReportFiles.read(file).leaks()).containsExactly(ZOMBIE);
  }

  @Test
  void aMissingDirectoryHasNoReports(@TempDir Path directory) throws Exception {
    assertThat(ReportFiles.list(directory.resolve("absent"))).isEmpty();
  }
}
