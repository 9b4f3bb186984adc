package dev.procleak.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procleak.core.model.Ancestor;
import dev.procleak.core.model.CleanupOutcome;
import dev.procleak.core.model.Leak;
import dev.procleak.core.model.LeakKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StepSummaryTest {

  @Test
  void appendsATableAndTheTreeOfTheWorstScope(@TempDir Path directory) throws Exception {
    Path summary = directory.resolve("step_summary.md");
    Files.writeString(summary, "## Tests\n\nAn earlier step's section.\n\n");
    LeakReport report =
        LeakReport.of(
            "demo",
            Leaks.FOUND,
            List.of(
                new JvmReport(
                    10,
                    "c",
                    true,
                    4,
                    List.of(Leaks.culprit(), Leaks.zombie(), Leaks.tracedOrphan()))),
            List.of(Leaks.survivor()));

    StepSummary.append(summary, report, "target/procleak/procleak-report.json");

    assertThat(Files.readString(summary))
        .isEqualTo(
            """
        ## Tests

        An earlier step's section.

        ### procleak: 4 processes leaked in `demo`

        1 ZOMBIE, 2 ORPHAN, 1 LINGERING in 2 scopes.

        | kind | pid | command | parent | scope | started at | holds | age | cleanup |
        |---|---|---|---|---|---|---|---|---|
        | LINGERING | 11 | <code>sleep 30</code> | the test JVM (pid 10) | test <code>a.B.c()</code> |  |  | 0.6s | terminated by SIGTERM |
        | ZOMBIE | 12 | <code>sleep</code> | pid 11 <code>sleep 30</code> (the culprit) | test <code>a.B.c()</code> |  |  | 0.4s | reaped after its parent was killed: exited with code 0 |
        | ORPHAN | 13 | <code>sleep 60</code> | exited; adopted by the test JVM (pid 10) | test <code>a.B.c()</code> | by pid 9 <code>sh -c sleep 60 &amp;</code> (exited), <code>a.Indexer.start(Indexer.java:12) ← a.Indexer.startAll(Indexer.java:20)</code> | cwd /work/app; listening on 127.0.0.1:8080, udp [::]:5353 | 1.5s | terminated by SIGTERM; reaped: killed by signal 15 |
        | ORPHAN | 31 | <code>sleep 60</code> | exited; adopted by pid 1 <code>/sbin/init</code> | survivor <code>the test JVM, found still running after it exited</code> |  |  | unknown | left running: procleak.cleanup=false |

        The worst, test a.B.c():

        ```text
        the test JVM (pid 10)
        ├─ LINGERING pid 11  sleep 30  [age 0.6s; terminated by SIGTERM]
        │  └─ ZOMBIE pid 12  sleep  [age 0.4s; reaped after its parent was killed: exited with code 0]
        └─ ORPHAN pid 13  sleep 60  [age 1.5s; terminated by SIGTERM; reaped: killed by signal 15]  (its parent exited)
        ```

        """);
  }

  @Test
  void aHordeIsASampleInTheTree() {
    List<String> tree = StepSummary.tree(Leaks.horde(40));

    assertThat(tree)
        .containsExactly(
            "the test JVM (pid 10)",
            "└─ LINGERING pid 20  sh -c spawner  [age 3.0s; killed by SIGKILL (survived SIGTERM)]",
            "   ├─ ZOMBIE pid 100  true  [age 2.0s; reaped after its parent was killed: exited with code 1]",
            "   ├─ ZOMBIE pid 101  true  [age 2.0s; reaped after its parent was killed: exited with code 0]",
            "   ├─ ZOMBIE pid 102  true  [age 2.0s; reaped after its parent was killed: exited with code 0]",
            "   └─ … and 37 more like these");
  }

  @Test
  void theTreeIsThePagesWithAnOrphanInItsExitedParentsPlace() {
    Leak orphan =
        Leaks.leak(
            LeakKind.ORPHAN,
            20,
            "sh -c spawner",
            Duration.ofSeconds(2),
            CleanupOutcome.NOT_CLEANED_UP,
            Leaks.JVM);
    Leak zombie =
        Leaks.leak(
            LeakKind.ZOMBIE,
            21,
            "true",
            Duration.ofSeconds(1),
            CleanupOutcome.NOT_CLEANED_UP,
            Ancestor.process(20, "sh -c spawner"),
            Leaks.JVM);
    // A chain that puts the orphan below its own zombie: the first placement stands, as on the
    // page.
    Leak liar =
        Leaks.leak(
            LeakKind.LINGERING,
            22,
            "sleep",
            Duration.ofSeconds(1),
            CleanupOutcome.NOT_CLEANED_UP,
            Ancestor.process(20, "sh"),
            Ancestor.process(21, "true"),
            Leaks.JVM);

    assertThat(StepSummary.tree(List.of(zombie, orphan, liar)))
        .containsExactly(
            "the test JVM (pid 10)",
            "└─ ORPHAN pid 20  sh -c spawner  [age 2.0s; not cleaned up]  (its parent exited)",
            "   ├─ ZOMBIE pid 21  true  [age 1.0s; not cleaned up]",
            "   └─ LINGERING pid 22  sleep  [age 1.0s; not cleaned up]");
  }

  @Test
  void markdownInCommandsCannotBreakTheTable() {
    LeakReport report =
        LeakReport.of(
            "demo",
            Leaks.FOUND,
            List.of(
                new JvmReport(
                    10,
                    "c",
                    true,
                    1,
                    List.of(
                        Leaks.leak(
                            dev.procleak.core.model.LeakKind.LINGERING,
                            11,
                            "sh -c 'a | b > <c>'",
                            java.time.Duration.ZERO,
                            dev.procleak.core.model.CleanupOutcome.NOT_CLEANED_UP,
                            Leaks.JVM)))),
            List.of());

    assertThat(StepSummary.markdown(report))
        .contains("| <code>sh -c 'a \\| b &gt; &lt;c&gt;'</code> |");
  }

  @Test
  void anAmbiguousLeakNamesEveryCandidateInItsScopeCell() {
    LeakReport report =
        LeakReport.of(
            "demo",
            Leaks.FOUND,
            List.of(new JvmReport(10, "c", true, 2, List.of(Leaks.ambiguousOrphan()))),
            List.of());

    assertThat(StepSummary.markdown(report))
        .contains(
            " | test <code>a.B.c()</code> (one of <code>a.B.a()</code>, <code>a.B.c()</code>: they ran at the same time) | ");
  }

  @Test
  void aCleanModuleSaysSo() {
    assertThat(StepSummary.markdown(LeakReport.of("demo", Leaks.FOUND, List.of(), List.of())))
        .isEqualTo("### procleak: no leaked processes in `demo`\n\n");
  }

  @Test
  void theRowsLeftOutAreInTheJsonReportOfTheConfiguredDirectory(@TempDir Path directory)
      throws Exception {
    Path summary = directory.resolve("step_summary.md");
    Path reports = directory.resolve("build/leak-reports");
    List<Leak> many = new java.util.ArrayList<>();
    for (int i = 0; i < StepSummary.MAX_ROWS + 2; i++) {
      many.add(Leaks.survivor());
    }
    StepSummary.appendingTo(summary, reports)
        .write(LeakReport.of("demo", Leaks.FOUND, List.of(), many));

    assertThat(Files.readString(summary))
        .contains("\n… and 2 more in `" + reports.resolve("procleak-report.json") + "`.\n")
        .doesNotContain("target/procleak");
  }
}
