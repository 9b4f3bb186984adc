package dev.procleak.core.report.html;

import dev.procleak.core.model.Leak;
import dev.procleak.core.model.LeakKind;
import dev.procleak.core.report.AtomicFile;
import dev.procleak.core.report.LeakMessage;
import dev.procleak.core.report.LeakReport;
import dev.procleak.core.report.LeakTrees;
import dev.procleak.core.report.LeakTrees.Node;
import dev.procleak.core.report.LeakTrees.Role;
import dev.procleak.core.report.LeakTrees.ScopeTree;
import dev.procleak.core.report.ReportWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * {@code target/procleak/index.html}: one self-contained page (inline CSS, no script, nothing
 * fetched) for the whole module, every test JVM of it, that draws each scope's leaks as a process
 * tree, so that a person sees the story: the test JVM, the parent that exited, the orphan it left,
 * the zombie under its culprit.
 */
public final class HtmlReport {
  public static final String FILE_NAME = "index.html";

  private HtmlReport() {}

  /** The writer of {@code index.html} in {@code directory}. */
  public static ReportWriter into(Path directory) {
    return report ->
        new ReportWriter.Written(write(directory, report), ReportWriter.Mention.PROCESS_TREES);
  }

  /** Writes {@code index.html} into {@code directory}, atomically, and returns its path. */
  public static Path write(Path directory, LeakReport report) throws IOException {
    Path file = directory.resolve(FILE_NAME);
    AtomicFile.write(file, render(report));
    return file;
  }

  public static String render(LeakReport report) {
    List<ScopeTree> trees = LeakTrees.of(report);
    int leaks = report.leaks().size();
    String title =
        "procleak: "
            + (leaks == 0
                ? "no leaked processes"
                : leaks + (leaks == 1 ? " leaked process" : " leaked processes"))
            + " in "
            + report.project();
    StringBuilder page = new StringBuilder(8192);
    page.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>")
        .append(Html.escape(title))
        .append("</title>\n<style>\n")
        .append(CSS)
        .append("</style>\n</head>\n<body>\n");
    page.append("<header>\n<h1>")
        .append(Html.escape(title))
        .append("</h1>\n<p class=\"sub\">")
        .append(Html.escape(subtitle(report, trees.size())))
        .append("</p>\n");
    page.append(legend())
        .append(
            "<p class=\"how\">Each box is a process, below the process that started it; a dashed line leads"
                + " from a parent that has exited to the child it left behind.</p>\n")
        .append("</header>\n<main>\n");
    if (leaks == 0) {
      page.append(
          "<p class=\"clean\">No test left a zombie, an orphan or a lingering child behind.</p>\n");
    }
    for (ScopeTree tree : trees) {
      scope(page, tree);
    }
    report
        .leftoversLine()
        .ifPresent(
            line -> {
              // Not this build's leaks: a part of their own, after them.
              page.append("<h2 class=\"leftovers\">").append(Html.escape(line)).append("</h2>\n");
              LeakTrees.ofLeftovers(report).forEach(tree -> scope(page, tree));
            });
    page.append("</main>\n</body>\n</html>\n");
    return page.toString();
  }

  private static void scope(StringBuilder page, ScopeTree tree) {
    page.append("<section class=\"scope\">\n<h2><span class=\"label\">leaked by</span> ")
        .append(Html.escape(tree.description()))
        .append("</h2>\n<ul class=\"tree\">\n");
    for (Node root : tree.roots()) {
      node(page, root, false);
    }
    page.append("</ul>\n").append(table(tree.leaks())).append("</section>\n");
  }

  /** Which test JVMs were read and how many scopes leaked, and when. */
  private static String subtitle(LeakReport report, int scopes) {
    List<String> parts = new ArrayList<>();
    List<String> jvms = report.testJvms().stream().map(jvm -> "pid " + jvm.pid()).toList();
    parts.add(
        jvms.isEmpty()
            ? "no test JVM report"
            : (jvms.size() == 1 ? "test JVM " : jvms.size() + " test JVMs: ")
                + String.join(", ", jvms));
    parts.add(scopes + (scopes == 1 ? " leaking scope" : " leaking scopes"));
    parts.add(
        DateTimeFormatter.ISO_INSTANT.format(report.created().truncatedTo(ChronoUnit.SECONDS)));
    return String.join(" \u00b7 ", parts);
  }

  private static void node(StringBuilder page, Node node, boolean belowExited) {
    page.append("<li class=\"")
        .append(belowExited || node.role() == Role.EXITED ? "was-child" : "child")
        .append("\">");
    page.append("<div class=\"box ")
        .append(css(node.role()))
        .append(node.culprit() ? " culprit" : "")
        .append("\">");
    page.append("<div class=\"head\"><span class=\"badge\">").append(badge(node)).append("</span>");
    if (node.pid() != null) {
      page.append("<span class=\"pid\">pid ").append(node.pid()).append("</span>");
    }
    if (node.pid() == null) {
      // Not a command line: what procleak knows of a parent it never saw.
      page.append("<span class=\"what\">").append(Html.escape(node.command())).append("</span>");
    } else if (!node.command().isEmpty()) {
      page.append("<code>").append(Html.escape(node.command())).append("</code>");
    }
    page.append("</div>");
    for (String note : node.notes()) {
      page.append("<div class=\"note\">").append(Html.escape(note)).append("</div>");
    }
    page.append("</div>");
    if (!node.children().isEmpty()) {
      page.append("\n<ul>\n");
      for (Node child : node.children()) {
        node(page, child, node.role() == Role.EXITED);
      }
      page.append("</ul>");
    }
    page.append("</li>\n");
  }

  private static String table(List<Leak> leaks) {
    StringBuilder table =
        new StringBuilder(
            "<table>\n<thead><tr><th>kind</th><th>pid</th><th>command</th><th>parent</th>"
                + "<th>started at</th><th>holds</th><th>age</th><th>cleanup</th></tr></thead>\n<tbody>\n");
    for (Leak leak : leaks) {
      String parent =
          leak.kind() == LeakKind.ORPHAN
              ? "exited; adopted by " + leak.parent()
              : leak.parent().toString();
      String age =
          leak.age() == null ? "unknown" : LeakMessage.age(leak.age()).substring("age ".length());
      table
          .append("<tr class=\"kind-")
          .append(leak.kind().name().toLowerCase(java.util.Locale.ROOT))
          .append("\"><td>")
          .append(leak.kind())
          .append("</td><td>")
          .append(leak.pid())
          .append("</td><td><code>")
          .append(Html.escape(leak.command()))
          .append("</code></td><td>")
          .append(Html.escape(parent))
          .append("</td><td>")
          .append(Html.escape(String.join("; ", LeakMessage.origin(leak))))
          .append("</td><td>")
          .append(Html.escape(LeakMessage.holdings(leak).orElse("")))
          .append("</td><td>")
          .append(Html.escape(age))
          .append("</td><td>")
          .append(Html.escape(leak.cleanup()))
          .append("</td></tr>\n");
    }
    return table.append("</tbody>\n</table>\n").toString();
  }

  private static String legend() {
    Map<Role, String> meaning = new EnumMap<>(Role.class);
    meaning.put(Role.TEST_JVM, "the test JVM");
    meaning.put(Role.ZOMBIE, "exited, never waited for");
    meaning.put(Role.ORPHAN, "still running, its parent died");
    meaning.put(Role.LINGERING, "still running, still attached");
    meaning.put(Role.EXITED, "a parent that exited");
    meaning.put(Role.PARENT, "a process not reported itself");
    StringBuilder legend = new StringBuilder("<ul class=\"legend\">");
    meaning.forEach(
        (role, text) ->
            legend
                .append("<li><span class=\"swatch ")
                .append(css(role))
                .append("\"></span>")
                .append(Html.escape(text))
                .append("</li>"));
    legend.append(
        "<li><span class=\"swatch culprit\"></span>culprit: never waited for its child</li>");
    return legend.append("</ul>\n").toString();
  }

  private static String badge(Node node) {
    return switch (node.role()) {
      case TEST_JVM -> "TEST JVM";
      case PARENT -> node.culprit() ? "CULPRIT" : adopter(node) ? "ADOPTER" : "PARENT";
      case EXITED -> "EXITED";
      default -> node.role().name();
    };
  }

  private static boolean adopter(Node node) {
    return node.children().stream().anyMatch(child -> child.role() == Role.EXITED);
  }

  private static String css(Role role) {
    return role.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  private static final String CSS =
      String.join(
          "\n",
          ":root { --line: #8a94a6; }",
          "* { box-sizing: border-box; }",
          "body { margin: 0; font: 15px/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif;"
              + " color: #1f2328; background: #f6f8fa; }",
          "header { padding: 20px 32px 12px; background: #24292f; color: #fff; }",
          "h1 { margin: 0 0 4px; font-size: 24px; }",
          ".sub { margin: 0 0 12px; color: #c9d1d9; }",
          "main { padding: 8px 32px 32px; }",
          ".clean { font-size: 18px; }",
          ".scope { background: #fff; border: 1px solid #d0d7de; border-radius: 10px; margin: 20px 0; padding: 8px 24px 20px; }",
          "h2 { font-size: 17px; margin: 10px 0 14px; word-break: break-all; }",
          "h2 .label { font-weight: normal; color: #57606a; }",
          "h2.leftovers { margin-top: 32px; padding-top: 16px; border-top: 1px solid #d0d7de; }",
          "code { font: 14px/1.4 ui-monospace, 'DejaVu Sans Mono', Menlo, Consolas, monospace; word-break: break-all; }",
          ".legend { list-style: none; display: flex; flex-wrap: wrap; gap: 6px 18px; margin: 0; padding: 0; font-size: 13px; }",
          ".legend li { display: flex; align-items: center; gap: 6px; }",
          ".swatch { display: inline-block; width: 16px; height: 12px; border-radius: 3px; border: 2px solid; }",
          ".tree, .tree ul { list-style: none; margin: 0; padding: 0; }",
          ".tree ul { padding-left: 36px; }",
          ".tree li { position: relative; padding: 6px 0; }",
          ".tree ul > li::before { content: ''; position: absolute; left: -20px; top: 0; bottom: 0; border-left: 2px solid var(--line); }",
          ".tree ul > li:last-child::before { bottom: auto; height: 30px; }",
          ".tree ul > li::after { content: ''; position: absolute; left: -20px; top: 30px; width: 18px; border-top: 2px solid var(--line); }",
          ".tree ul > li.was-child::before { border-left-style: dashed; }",
          ".tree ul > li.was-child::after { border-top-style: dashed; }",
          ".box { display: inline-block; max-width: 100%; border: 2px solid; border-radius: 8px; padding: 6px 12px; }",
          ".head { display: flex; flex-wrap: wrap; align-items: baseline; gap: 4px 10px; }",
          ".badge { font-size: 12px; font-weight: 700; letter-spacing: .04em; padding: 1px 7px; border-radius: 10px; color: #fff; }",
          ".pid { font-weight: 700; }",
          ".what { font-style: italic; }",
          ".note { color: #57606a; font-size: 13px; margin-top: 2px; }",
          ".test-jvm { background: #ddf4ff; border-color: #0969da; } .test-jvm .badge { background: #0969da; }",
          ".zombie { background: #ffebe9; border-color: #cf222e; } .zombie .badge { background: #cf222e; }",
          ".orphan { background: #fff1e5; border-color: #bc4c00; } .orphan .badge { background: #bc4c00; }",
          ".lingering { background: #fff8c5; border-color: #9a6700; } .lingering .badge { background: #9a6700; }",
          ".parent { background: #f6f8fa; border-color: #6e7781; } .parent .badge { background: #6e7781; }",
          ".exited { background: #fff; border-color: #8c959f; border-style: dashed; color: #57606a; }",
          ".exited .badge { background: #8c959f; }",
          ".box.culprit { box-shadow: 0 0 0 3px #fff, 0 0 0 5px #cf222e; }",
          ".box.culprit .note:first-of-type { color: #cf222e; font-weight: 600; }",
          ".parent.culprit .badge { background: #cf222e; }",
          ".how { margin: 10px 0 0; color: #c9d1d9; font-size: 13px; }",
          ".swatch.culprit { border-color: #cf222e; background: #fff; box-shadow: 0 0 0 1px #cf222e; }",
          ".legend .swatch.exited { border-style: dashed; }",
          "table { border-collapse: collapse; margin-top: 18px; width: 100%; font-size: 13px; }",
          "th, td { text-align: left; vertical-align: top; padding: 5px 8px; border-bottom: 1px solid #d8dee4; }",
          "th { color: #57606a; font-weight: 600; }",
          "tr.kind-zombie td:first-child { color: #cf222e; font-weight: 700; }",
          "tr.kind-orphan td:first-child { color: #bc4c00; font-weight: 700; }",
          "tr.kind-lingering td:first-child { color: #9a6700; font-weight: 700; }",
          "");
}
