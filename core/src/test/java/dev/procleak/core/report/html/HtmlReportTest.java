package dev.procleak.core.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procleak.core.model.Ancestor;
import dev.procleak.core.model.CleanupOutcome;
import dev.procleak.core.model.Leak;
import dev.procleak.core.model.LeakKind;
import dev.procleak.core.model.ScopeKind;
import dev.procleak.core.model.ScopeName;
import dev.procleak.core.origin.JavaStart;
import dev.procleak.core.origin.Origin;
import dev.procleak.core.report.LeakReport;
import dev.procleak.core.report.LeakTrees;
import dev.procleak.core.report.LeakTrees.Node;
import dev.procleak.core.report.LeakTrees.Role;
import dev.procleak.core.report.LeakTrees.ScopeTree;
import dev.procleak.core.scan.Holdings;
import dev.procleak.core.scan.ProcessId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trees behind the page, drawn from each leak's ancestor chain, and the page's text, without a
 * browser.
 */
class HtmlReportTest {
  private final List<ScopeTree> trees = LeakTrees.of(SampleLeaks.report());

  @Test
  void everyScopeOfEveryTestJvmHasItsTrees() {
    assertThat(trees)
        .extracting(ScopeTree::description)
        .containsExactly(
            "test com.example.ReportGeneratorTest.rendersWithAHelperThatNeverWaits()",
            "test com.example.ReportGeneratorTest.startsABackgroundIndexer()",
            "com.example.PythonBridgeTest",
            "test com.example.WorkerTest.startsAWorkerJvm()",
            "the test JVM, found still running after it exited");
  }

  @Test
  void aZombieHangsBelowItsCulpritBelowTheTestJvm() {
    Node jvm = single(trees.get(0).roots());
    assertThat(jvm.role()).isEqualTo(Role.TEST_JVM);
    assertThat(jvm.pid()).isEqualTo(SampleLeaks.JVM);
    assertThat(jvm.command()).isEmpty();
    Node culprit = single(jvm.children());
    assertThat(culprit.role()).isEqualTo(Role.LINGERING);
    assertThat(culprit.pid()).isEqualTo(24667);
    assertThat(culprit.culprit()).isTrue();
    assertThat(culprit.notes())
        .containsExactly(
            "the culprit: it never waited for its child",
            "age 0.9s; cleanup: terminated by SIGTERM");
    Node zombie = single(culprit.children());
    assertThat(zombie.role()).isEqualTo(Role.ZOMBIE);
    assertThat(zombie.pid()).isEqualTo(24668);
    assertThat(zombie.notes())
        .containsExactly(
            "age 0.9s; cleanup: reaped after its parent was killed: exited with code 0");
  }

  @Test
  void anOrphanHangsBelowTheParentThatExitedBelowItsAdopter() {
    Node exited = single(single(trees.get(1).roots()).children());
    assertThat(exited.role()).isEqualTo(Role.EXITED);
    assertThat(exited.pid()).isNull();
    Node orphan = single(exited.children());
    assertThat(orphan.pid()).isEqualTo(24672);
    assertThat(orphan.notes()).first().isEqualTo("adopted by the test JVM (pid 24635)");

    // Found after the test JVM exited: init adopted it, and no JVM is drawn.
    Node init = single(trees.get(4).roots());
    assertThat(init.role()).isEqualTo(Role.PARENT);
    assertThat(init.pid()).isEqualTo(1);
    assertThat(init.command()).isEqualTo("/sbin/init");
    assertThat(single(single(init.children()).children()).pid()).isEqualTo(24800);
  }

  @Test
  void aCulpritThatWasNotReportedIsDrawnOnceWithAllItsZombies() {
    Node jvm = single(trees.get(2).roots());
    assertThat(jvm.children()).extracting(Node::pid).containsExactly(24690L, 24710L);
    Node python = jvm.children().get(0);
    assertThat(python.role()).isEqualTo(Role.PARENT);
    assertThat(python.culprit()).isTrue();
    assertThat(python.children()).extracting(Node::pid).containsExactly(24701L, 24702L);
  }

  @Test
  void aLeakBelowAnotherJvmHangsBelowThatJvmBelowItsOwnTestJvm() {
    Node secondJvm = single(trees.get(3).roots());
    assertThat(secondJvm.role()).isEqualTo(Role.TEST_JVM);
    assertThat(secondJvm.pid()).isEqualTo(SampleLeaks.SECOND_JVM);
    Node worker = single(secondJvm.children());
    assertThat(worker.role()).isEqualTo(Role.PARENT);
    assertThat(worker.command()).isEqualTo(SampleLeaks.WORKER);
    assertThat(worker.culprit()).isFalse();
    assertThat(single(worker.children()).pid()).isEqualTo(24950);
  }

  @Test
  void aZombieOfAnOrphanHangsBelowTheOrphanAndAReportThatContradictsItselfMakesNoCycle() {
    Ancestor jvm = Ancestor.testJvm(10);
    Leak orphan = leak(LeakKind.ORPHAN, 20, "sh -c spawner", jvm);
    Leak zombie = leak(LeakKind.ZOMBIE, 21, "true", Ancestor.process(20, "sh -c spawner"), jvm);
    // A chain that puts the orphan below its own zombie: the first placement stands.
    Leak liar =
        leak(
            LeakKind.LINGERING,
            22,
            "sleep",
            Ancestor.process(20, "sh"),
            Ancestor.process(21, "true"),
            jvm);
    List<Node> roots =
        LeakTrees.of(
                new LeakReport("m", SampleLeaks.FOUND, List.of(), List.of(zombie, orphan, liar)))
            .get(0)
            .roots();
    Node exited = single(single(roots).children());
    assertThat(exited.role()).isEqualTo(Role.EXITED);
    Node orphanNode = single(exited.children());
    assertThat(orphanNode.pid()).isEqualTo(20);
    assertThat(orphanNode.culprit()).isTrue();
    assertThat(orphanNode.children()).extracting(Node::pid).containsExactly(21L, 22L);
    assertThat(orphanNode.children().get(0).children()).isEmpty();
  }

  @Test
  void anOrphanSaysWhereItsTreeWasStartedWhatItHeldAndWhatItsExitedParentBeganAs() {
    Leak orphan =
        leak(LeakKind.ORPHAN, 20, "sleep 60", Ancestor.testJvm(10))
            .withDetails(
                Origin.recorded(
                    new JavaStart(
                        1,
                        19,
                        SampleLeaks.FOUND,
                        "sh -c sleep 60 &",
                        List.of("a.Indexer.start(Indexer.java:12)")),
                    true),
                new Holdings(List.of("127.0.0.1:8080"), "/work/app"));
    LeakReport report = new LeakReport("m", SampleLeaks.FOUND, List.of(), List.of(orphan));
    ScopeTree tree = LeakTrees.of(report).get(0);

    Node exited = single(single(tree.roots()).children());
    assertThat(exited.notes())
        .contains(
            "its tree began as pid 19  sh -c sleep 60 &, which Java started and which exited");
    assertThat(single(exited.children()).notes())
        .contains(
            "started by: pid 19  sh -c sleep 60 &  (exited)",
            "started at: a.Indexer.start(Indexer.java:12)",
            "cwd /work/app; listening on 127.0.0.1:8080");
    assertThat(HtmlReport.render(report))
        .contains("<th>started at</th><th>holds</th>")
        .contains(
            "<td>started by: pid 19  sh -c sleep 60 &amp;  (exited); started at: a.Indexer.start(Indexer.java:12)</td>");
  }

  @Test
  void anAmbiguousLeakNamesEveryCandidateInItsScopeAndItsBox() {
    Leak pinned = leak(LeakKind.ORPHAN, 20, "sleep 60", Ancestor.testJvm(10));
    Leak orphan =
        new Leak(
            pinned.kind(),
            pinned.process(),
            pinned.command(),
            pinned.ancestors(),
            pinned.scopeKind(),
            pinned.scope(),
            null,
            null,
            pinned.outcome(),
            List.of("a.B.a()", "a.B.c()"));
    ScopeTree tree =
        LeakTrees.of(new LeakReport("m", SampleLeaks.FOUND, List.of(), List.of(orphan))).get(0);

    assertThat(tree.description()).isEqualTo("test a.B.c() or a test that ran at the same time");
    Node box = single(single(single(tree.roots()).children()).children());
    assertThat(box.pid()).isEqualTo(20);
    assertThat(box.notes())
        .contains(
            "candidates: one of a.B.a(), a.B.c() (they ran at the same time; procleak cannot tell which started it)");
  }

  @Test
  void everyTextIsEscaped() {
    String page = HtmlReport.render(SampleLeaks.report());
    assertThat(page).doesNotContain("<script").doesNotContain("</script>");
    assertThat(page)
        .contains(
            "sh -c &#39;echo &quot;&lt;script&gt;document.title=\\&quot;pwned\\&quot;&lt;/script&gt;&quot;"
                + " &amp; sleep 5&#39;");
    // As the console shows them: a control character, a newline, a byte that was not UTF-8.
    assertThat(Html.escape("a\u0007b\nc\uDCFF<i>")).isEqualTo("a\\u0007b\\nc\\xff&lt;i&gt;");
  }

  @Test
  void theHeaderNamesTheModuleAndEveryTestJvm() {
    String page = HtmlReport.render(SampleLeaks.report());
    assertThat(page)
        .contains("<title>procleak: 8 leaked processes in report-generator</title>")
        .contains(
            "2 test JVMs: pid 24635, pid 24900 \u00b7 5 leaking scopes \u00b7 2026-11-23T01:02:03Z");
  }

  @Test
  void thePageFetchesNothing() {
    String page = HtmlReport.render(SampleLeaks.report());
    assertThat(page)
        .doesNotContainPattern("(?i)(src|href)\\s*=")
        .doesNotContain("url(")
        .doesNotContain("@import");
  }

  @Test
  void writesIndexHtmlIntoTheReportsDirectory(@TempDir Path directory) throws Exception {
    LeakReport clean =
        new LeakReport(
            "demo", SampleLeaks.FOUND, List.of(new LeakReport.TestJvm(42, true, 3)), List.of());
    Path file = HtmlReport.write(directory.resolve("target/procleak"), clean);
    assertThat(file).hasFileName("index.html");
    assertThat(Files.readString(file))
        .contains("<title>procleak: no leaked processes in demo</title>")
        .contains("No test left a zombie, an orphan or a lingering child behind.");
    assertThat(directory.resolve("target/procleak")).isDirectoryNotContaining("glob:**.tmp");
  }

  private static Leak leak(LeakKind kind, long pid, String command, Ancestor... ancestors) {
    return new Leak(
        kind,
        new ProcessId(pid, pid),
        command,
        List.of(ancestors),
        ScopeKind.TEST,
        ScopeName.method("a.B", "c()", ""),
        null,
        null,
        CleanupOutcome.NOT_CLEANED_UP);
  }

  private static Node single(List<Node> nodes) {
    assertThat(nodes).hasSize(1);
    return nodes.get(0);
  }
}
