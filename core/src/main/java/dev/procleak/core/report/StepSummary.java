package dev.procleak.core.report;

import dev.procleak.core.model.Ancestor;
import dev.procleak.core.model.Leak;
import dev.procleak.core.model.LeakKind;
import dev.procleak.core.origin.Origin;
import dev.procleak.core.report.LeakTrees.Node;
import dev.procleak.core.report.LeakTrees.Role;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Markdown section for a GitHub Actions job summary (the file {@code GITHUB_STEP_SUMMARY} names):
 * a table of the leaks and the process tree of the worst scope. Appended, as GitHub asks: other
 * steps write to the same file.
 */
public final class StepSummary {
  /** The environment variable GitHub Actions sets to the summary file of the running step. */
  public static final String VARIABLE = "GITHUB_STEP_SUMMARY";

  /** Table rows shown; the JSON report lists the rest. */
  static final int MAX_ROWS = 50;

  private StepSummary() {}

  /**
   * The job summary to append to: {@code configured} ({@code procleak.stepSummary}) when given,
   * blank for none, else the file {@link #VARIABLE} names; empty outside GitHub Actions. A relative
   * path is the module's, not Maven's working directory's.
   */
  public static Optional<Path> file(String configured, Path moduleDirectory) {
    return file(configured, System.getenv(), moduleDirectory);
  }

  static Optional<Path> file(
      String configured, Map<String, String> environment, Path moduleDirectory) {
    String named =
        configured != null ? configured.trim() : environment.getOrDefault(VARIABLE, "").trim();
    return named.isEmpty() ? Optional.empty() : Optional.of(moduleDirectory.resolve(named));
  }

  /**
   * The writer that appends the section to {@code file}, pointing at the JSON report in {@code
   * reportsDirectory} (where {@code procleak.reportsDirectory} put it) for the rows it leaves out.
   */
  public static ReportWriter appendingTo(Path file, Path reportsDirectory) {
    String json = shown(reportsDirectory.resolve(JsonReport.FILE_NAME));
    return ReportWriter.ofFile(
        file, ReportWriter.Mention.NONE, (into, report) -> append(into, report, json));
  }

  /** As the job's readers know paths: from the directory the build runs in, where it is inside. */
  private static String shown(Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    Path here = Path.of("").toAbsolutePath();
    return absolute.startsWith(here) && !absolute.equals(here)
        ? here.relativize(absolute).toString()
        : absolute.toString();
  }

  static void append(Path file, LeakReport report, String jsonReport) throws IOException {
    Files.writeString(
        file,
        markdown(report, jsonReport),
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
  }

  static String markdown(LeakReport report) {
    return markdown(report, "target/procleak/" + JsonReport.FILE_NAME);
  }

  /**
   * @param jsonReport the JSON report as the section names it, for the rows it leaves out
   */
  public static String markdown(LeakReport report, String jsonReport) {
    StringBuilder md = new StringBuilder();
    String project = report.project() == null ? "" : " in `" + report.project() + "`";
    if (report.checkedNothing()) {
      md.append("### procleak: no test was checked").append(project).append("\n\n");
    } else if (report.isClean()) {
      md.append("### procleak: no leaked processes").append(project).append("\n\n");
    }
    for (CheckGap gap : report.gaps()) {
      md.append("> **")
          .append(gap.nothingChecked() ? "Not checked" : "Checked only as a whole")
          .append(":** ")
          .append(gap.message())
          .append("\n\n");
    }
    report.leftoversLine().ifPresent(line -> md.append("> ").append(line).append("\n\n"));
    if (report.isClean()) {
      return md.toString();
    }
    Map<LeakKind, Integer> counts = report.countByKind();
    md.append("### procleak: ")
        .append(LeakMessage.count(report.leaks().size(), "process", "processes"))
        .append(" leaked")
        .append(project)
        .append("\n\n");
    List<String> kinds = new ArrayList<>();
    counts.forEach(
        (kind, n) -> {
          if (n > 0) {
            kinds.add(n + " " + kind);
          }
        });
    md.append(String.join(", ", kinds))
        .append(" in ")
        .append(LeakMessage.count(report.scopes().size(), "scope", "scopes"))
        .append(".\n\n");
    md.append("| kind | pid | command | parent | scope | started at | holds | age | cleanup |\n");
    md.append("|---|---|---|---|---|---|---|---|---|\n");
    List<Leak> leaks = report.leaks();
    for (Leak leak : leaks.subList(0, Math.min(MAX_ROWS, leaks.size()))) {
      md.append("| ")
          .append(leak.kind())
          .append(" | ")
          .append(leak.pid())
          .append(" | ")
          .append(code(leak.command()))
          .append(" | ")
          .append(parent(leak))
          .append(" | ")
          .append(cell(leak.scopeKind().name().toLowerCase()))
          .append(' ')
          .append(code(leak.scope().display()))
          .append(candidates(leak))
          .append(" | ")
          .append(startedAt(leak))
          .append(" | ")
          .append(cell(LeakMessage.holdings(leak).orElse("")))
          .append(" | ")
          .append(LeakMessage.age(leak.age()).replaceFirst("^age ", ""))
          .append(" | ")
          .append(cell(leak.cleanup()))
          .append(" |\n");
    }
    if (leaks.size() > MAX_ROWS) {
      md.append("\n… and ")
          .append(leaks.size() - MAX_ROWS)
          .append(" more in `")
          .append(jsonReport)
          .append("`.\n");
    }
    LeakReport.Scope worst = worst(report);
    md.append("\nThe worst, ").append(cell(worst.description())).append(":\n\n```text\n");
    tree(worst.leaks()).forEach(line -> md.append(line).append('\n'));
    md.append("```\n\n");
    return md.toString();
  }

  /** The scope with the most leaks; among equals, the one with the most zombies, then the first. */
  static LeakReport.Scope worst(LeakReport report) {
    Comparator<LeakReport.Scope> bySize = Comparator.comparingInt(scope -> scope.leaks().size());
    Comparator<LeakReport.Scope> byZombies =
        Comparator.comparingLong(
            scope -> scope.leaks().stream().filter(l -> l.kind() == LeakKind.ZOMBIE).count());
    LeakReport.Scope worst = null;
    for (LeakReport.Scope scope : report.scopes()) {
      if (worst == null || bySize.thenComparing(byZombies).compare(scope, worst) > 0) {
        worst = scope;
      }
    }
    return worst;
  }

  /**
   * The leaks of one scope as the HTML page's trees ({@link LeakTrees}), in text: from the top of
   * each chain (the test JVM, or init for survivors) down; zombies under their culprits; an orphan
   * in its exited parent's place, which its line says.
   */
  static List<String> tree(List<Leak> leaks) {
    List<String> lines = new ArrayList<>();
    for (Node root : shown(LeakTrees.roots(leaks))) {
      lines.add(label(root));
      draw(root, "", lines);
    }
    return lines;
  }

  /** Draws the children of {@code node}; a horde of them is a sample and a count. */
  private static void draw(Node node, String prefix, List<String> lines) {
    List<Node> children = shown(node.children());
    int count = children.size();
    int shown = count > LeakMessage.HORDE ? LeakMessage.HORDE_SAMPLE : count;
    for (int i = 0; i < shown; i++) {
      boolean last = i == count - 1;
      Node child = children.get(i);
      lines.add(prefix + (last ? "└─ " : "├─ ") + label(child));
      draw(child, prefix + (last ? "   " : "│  "), lines);
    }
    if (shown < count) {
      lines.add(prefix + "└─ … and " + (count - shown) + " more like these");
    }
  }

  /** The boxes a text line stands for: an exited parent has no line, its orphan takes its place. */
  private static List<Node> shown(List<Node> boxes) {
    List<Node> shown = new ArrayList<>();
    for (Node box : boxes) {
      if (box.role() == Role.EXITED) {
        shown.addAll(shown(box.children()));
      } else {
        shown.add(box);
      }
    }
    return shown;
  }

  private static String label(Node node) {
    Leak leak = node.leak();
    return switch (node.role()) {
      case TEST_JVM -> Ancestor.testJvm(node.pid()).toString();
      case PARENT -> Ancestor.process(node.pid(), node.command()).toString();
      default ->
          String.format(
                  "%s pid %d  %s  [%s; %s]",
                  leak.kind(),
                  leak.pid(),
                  leak.command(),
                  LeakMessage.age(leak.age()),
                  leak.cleanup())
              + (leak.kind() == LeakKind.ORPHAN ? "  (its parent exited)" : "");
    };
  }

  private static String parent(Leak leak) {
    Ancestor parent = leak.parent();
    String text =
        parent.testJvm()
            ? "the test JVM (pid " + parent.pid() + ")"
            : "pid " + parent.pid() + " " + code(parent.command());
    if (leak.kind() == LeakKind.ORPHAN) {
      return "exited; adopted by " + text;
    }
    return leak.kind() == LeakKind.ZOMBIE ? text + " (the culprit)" : text;
  }

  /** The start's callers as code, after the process Java started when that was an ancestor. */
  private static String startedAt(Leak leak) {
    Origin origin = leak.origin();
    if (origin == null) {
      return "";
    }
    if (!origin.isRecorded()) {
      return cell(origin.recordingOff() ? "not recorded" : origin.notRecorded());
    }
    String by =
        origin.pid() == leak.pid()
            ? ""
            : "by pid "
                + origin.pid()
                + " "
                + code(origin.command())
                + (origin.exited() ? " (exited)" : "")
                + ", ";
    return by + code(origin.callersLine(null));
  }

  /** An ambiguous leak's scope cell also names the tests that ran with it. */
  private static String candidates(Leak leak) {
    if (!leak.isAmbiguous()) {
      return "";
    }
    List<String> names = new ArrayList<>();
    leak.candidates().forEach(name -> names.add(code(name)));
    return " (one of " + String.join(", ", names) + ": they ran at the same time)";
  }

  /** Inline code in a table cell: GitHub reads {@code |} as a column break even there. */
  private static String code(String text) {
    return "<code>" + cell(text) + "</code>";
  }

  private static String cell(String text) {
    return Printable.oneLine(text)
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("|", "\\|");
  }
}
