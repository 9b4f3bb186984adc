package dev.procleak.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procleak.core.report.ReportWriter.Mention;
import dev.procleak.core.report.ReportWriter.Written;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What check and the session-end check both write, and the lines both log about it. */
class ModuleReportsTest {
  private final List<String> infos = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();
  private final ModuleReports.Log log = new ModuleReports.Log(infos::add, warnings::add);

  @Test
  void writesEveryFormatNamesTheReportsOnOneLineAndLinksThePageWhenSomethingLeaked(
      @TempDir Path directory) throws Exception {
    Path summary = directory.resolve("summary.md");

    List<Written> written =
        ModuleReports.write(JsonReportTest.leaky(), directory, Optional.of(summary), log);

    assertThat(written)
        .containsExactly(
            new Written(directory.resolve(JsonReport.FILE_NAME), Mention.REPORT),
            new Written(directory.resolve(JunitXmlReport.FILE_NAME), Mention.REPORT),
            new Written(directory.resolve("index.html"), Mention.PROCESS_TREES),
            new Written(summary, Mention.NONE));
    written.forEach(file -> assertThat(file.file()).isNotEmptyFile());
    assertThat(infos)
        .containsExactly(
            "procleak: reports written to "
                + directory.resolve(JsonReport.FILE_NAME)
                + " and "
                + directory.resolve(JunitXmlReport.FILE_NAME),
            "procleak: the leaks' process trees: " + directory.resolve("index.html").toUri());
    assertThat(warnings).isEmpty();
  }

  @Test
  void aCleanModuleLinksNoPage(@TempDir Path directory) throws Exception {
    ModuleReports.write(
        LeakReport.of("demo", Leaks.FOUND, List.of(), List.of()), directory, Optional.empty(), log);

    assertThat(infos).singleElement().asString().startsWith("procleak: reports written to ");
    assertThat(directory.resolve("index.html")).exists();
  }

  @Test
  void aJobSummaryThatCannotBeAppendedToIsOnlyWarnedAbout(@TempDir Path directory)
      throws Exception {
    Path notAFile = Files.createDirectories(directory.resolve("summary.md"));

    List<Written> written =
        ModuleReports.write(JsonReportTest.leaky(), directory, Optional.of(notAFile), log);

    assertThat(written)
        .extracting(Written::mention)
        .containsExactly(Mention.REPORT, Mention.REPORT, Mention.PROCESS_TREES);
    assertThat(warnings)
        .singleElement()
        .asString()
        .startsWith(
            "procleak could not append to the job summary "
                + notAFile
                + " (GITHUB_STEP_SUMMARY): ");
  }

  @Test
  void theJobSummaryIsTheConfiguredFileElseGitHubsAndARelativeOneIsTheModules() {
    Path module = Path.of("/work/app/module");
    Map<String, String> github = Map.of(StepSummary.VARIABLE, "/home/runner/summary.md");

    assertThat(StepSummary.file("target/summary.md", github, module))
        .hasValue(module.resolve("target/summary.md"));
    assertThat(StepSummary.file(null, github, module)).hasValue(Path.of("/home/runner/summary.md"));
    assertThat(StepSummary.file(" ", github, module)).isEmpty();
    assertThat(StepSummary.file(null, Map.of(), module)).isEmpty();
  }
}
