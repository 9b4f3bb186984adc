package dev.procleak.core.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procleak.core.report.html.LeakTrees.Node;
import dev.procleak.core.report.html.LeakTrees.Role;
import dev.procleak.core.report.html.LeakTrees.ScopeTree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trees behind the page, and the page's text, without a browser. */
class HtmlReportTest {
  @Test
  void aZombieHangsBelowItsCulpritBelowTheTestJvm() {
    ScopeTree helper = LeakTrees.of(SampleLeaks.all(), SampleLeaks.JVM).get(0);
    Node jvm = single(helper.roots());
    assertThat(jvm.role()).isEqualTo(Role.TEST_JVM);
    Node culprit = single(jvm.children());
    assertThat(culprit.role()).isEqualTo(Role.LINGERING);
    assertThat(culprit.pid()).isEqualTo(24667);
    assertThat(culprit.culprit()).isTrue();
    assertThat(culprit.notes()).first().isEqualTo("the culprit: it never waited for its child");
    Node zombie = single(culprit.children());
    assertThat(zombie.role()).isEqualTo(Role.ZOMBIE);
    assertThat(zombie.pid()).isEqualTo(24668);
  }

  @Test
  void anOrphanHangsBelowTheParentThatExitedBelowItsAdopter() {
    List<ScopeTree> trees = LeakTrees.of(SampleLeaks.all(), SampleLeaks.JVM);
    Node exited = single(single(trees.get(1).roots()).children());
    assertThat(exited.role()).isEqualTo(Role.EXITED);
    assertThat(exited.pid()).isNull();
    Node orphan = single(exited.children());
    assertThat(orphan.pid()).isEqualTo(24672);
    assertThat(orphan.notes()).contains("adopted by the test JVM (pid 24635)");

    // Found after the test JVM exited: init adopted it, and the JVM is not drawn.
    Node init = single(trees.get(3).roots());
    assertThat(init.role()).isEqualTo(Role.PARENT);
    assertThat(init.pid()).isEqualTo(1);
    assertThat(single(single(init.children()).children()).pid()).isEqualTo(24800);
  }

  @Test
  void aCulpritThatWasNotReportedIsDrawnOnceWithAllItsZombies() {
    Node jvm = single(LeakTrees.of(SampleLeaks.all(), SampleLeaks.JVM).get(2).roots());
    assertThat(jvm.children()).extracting(Node::pid).containsExactly(24690L, 24710L);
    Node python = jvm.children().get(0);
    assertThat(python.role()).isEqualTo(Role.PARENT);
    assertThat(python.culprit()).isTrue();
    assertThat(python.children()).extracting(Node::pid).containsExactly(24701L, 24702L);
  }

  @Test
  void everyTextIsEscaped() {
    String page = HtmlReport.render(SampleLeaks.all(), SampleLeaks.JVM);
    assertThat(page).doesNotContain("<script").doesNotContain("</script>");
    assertThat(page).contains("sh -c &#39;echo &quot;&lt;script&gt;document.title=\\&quot;pwned\\&quot;&lt;/script&gt;&quot;"
        + " &amp; sleep 5&#39;");
    assertThat(Html.escape("a\u0007b")).isEqualTo("a\uFFFDb");
  }

  @Test
  void thePageFetchesNothing() {
    String page = HtmlReport.render(SampleLeaks.all(), SampleLeaks.JVM);
    assertThat(page).doesNotContainPattern("(?i)(src|href)\\s*=").doesNotContain("url(").doesNotContain("@import");
  }

  @Test
  void writesIndexHtmlIntoTheReportsDirectory(@TempDir Path directory) throws Exception {
    Path file = HtmlReport.write(directory.resolve("target/procleak"), List.of(), 42);
    assertThat(file).hasFileName("index.html");
    assertThat(Files.readString(file)).contains("<title>procleak: no leaked processes</title>")
        .contains("No test left a zombie, an orphan or a lingering child behind.");
    assertThat(directory.resolve("target/procleak")).isDirectoryNotContaining("glob:**.tmp");
  }

  private static Node single(List<Node> nodes) {
    assertThat(nodes).hasSize(1);
    return nodes.get(0);
  }
}
