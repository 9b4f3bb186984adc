package dev.procleak.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.procleak.core.model.Ancestor;
import dev.procleak.core.model.CleanupOutcome;
import dev.procleak.core.model.Leak;
import dev.procleak.core.model.LeakKind;
import dev.procleak.core.model.ScopeKind;
import dev.procleak.core.model.ScopeName;
import dev.procleak.core.scan.ProcessId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFilesTest {
  private static final Leak ZOMBIE = Leaks.zombie();

  @Test
  void aReportReadsBackAsWritten(@TempDir Path directory) throws Exception {
    Leak survivor =
        new Leak(
            LeakKind.ORPHAN,
            new ProcessId(31, 5),
            "sleep 60",
            List.of(Ancestor.process(1, "init")),
            ScopeKind.SURVIVOR,
            ScopeName.of("s"),
            null,
            null,
            CleanupOutcome.NOT_CLEANED_UP);
    JvmReport report =
        new JvmReport(
            99,
            "cookie-1",
            true,
            7,
            List.of(Leaks.culprit(), ZOMBIE, Leaks.orphan(), Leaks.ambiguousOrphan(), survivor));
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
  void aReportOfAnotherFormatVersionIsRefusedByName(@TempDir Path directory) throws Exception {
    Path file = ReportFiles.fileFor(directory, 99, 1234);
    Files.writeString(
        file, "{\"format\": \"procleak-jvm-report/1\", \"pid\": 99, \"scopes\": 0, \"leaks\": []}");

    assertThatThrownBy(() -> ReportFiles.read(file))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(
            "is not a procleak-jvm-report/3 file (format: procleak-jvm-report/1)");
  }

  @Test
  void aMissingDirectoryHasNoReports(@TempDir Path directory) throws Exception {
    assertThat(ReportFiles.list(directory.resolve("absent"))).isEmpty();
  }
}
