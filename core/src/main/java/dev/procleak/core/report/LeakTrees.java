package dev.procleak.core.report;

import dev.procleak.core.model.Ancestor;
import dev.procleak.core.model.Leak;
import dev.procleak.core.model.LeakKind;
import dev.procleak.core.origin.Origin;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The story of each scope's leaks as process trees, drawn from each leak's live ancestor chain: the
 * test JVM (or whatever adopted an escaped tree) at the top, every process between it and a leak, a
 * zombie below its culprit, an orphan below a box for the parent that exited, below the process
 * that adopted it. The HTML page draws these boxes, the job summary the same trees as text.
 */
public final class LeakTrees {

  /** What a box in the tree stands for. */
  public enum Role {
    TEST_JVM,
    /**
     * A process procleak did not report but that leads to one it did (a culprit, an adopter,
     * another JVM).
     */
    PARENT,
    /** A parent that exited: the reason its child became an orphan. */
    EXITED,
    ZOMBIE,
    ORPHAN,
    LINGERING
  }

  /**
   * One box.
   *
   * @param role what it stands for
   * @param pid its pid, or null for an exited parent procleak never saw
   * @param command its command line, or a description where there is none; empty for the test JVM
   * @param culprit whether it is the parent that never waited for a zombie below it
   * @param leak the leak it stands for; for an exited parent, the orphan it left; null for a
   *     process that did not leak itself
   * @param notes what happened to it, one line each
   * @param children the boxes below it
   */
  public record Node(
      Role role,
      Long pid,
      String command,
      boolean culprit,
      Leak leak,
      List<String> notes,
      List<Node> children) {}

  /** The trees of one scope: one per top process (the test JVM, mostly). */
  public record ScopeTree(LeakReport.Scope scope, List<Node> roots) {
    public String description() {
      return scope.description();
    }

    public List<Leak> leaks() {
      return scope.leaks();
    }
  }

  private LeakTrees() {}

  /** The trees of each scope of the report, in first-leak order. */
  public static List<ScopeTree> of(LeakReport report) {
    return of(report.scopes());
  }

  /** The trees of what earlier builds left, one per scope. */
  public static List<ScopeTree> ofLeftovers(LeakReport report) {
    return of(report.leftoverScopes());
  }

  private static List<ScopeTree> of(List<LeakReport.Scope> scopes) {
    List<ScopeTree> trees = new ArrayList<>();
    for (LeakReport.Scope scope : scopes) {
      trees.add(new ScopeTree(scope, roots(scope.leaks())));
    }
    return trees;
  }

  /** The trees of one scope's leaks: one per top process, in the order their boxes were made. */
  public static List<Node> roots(List<Leak> leaks) {
    Builder builder = new Builder();
    leaks.forEach(builder::leakBox);
    leaks.forEach(builder::attach);
    return builder.roots();
  }

  /** Mutable boxes while the tree is put together; each has one parent at most. */
  private static final class Box {
    final Role role;
    final Long pid;
    final String command;
    final Leak leak;
    final List<String> notes = new ArrayList<>();
    final List<Box> children = new ArrayList<>();
    Box parent;

    /** For an orphan: the box of the parent that exited, which hangs in its place. */
    Box exited;

    boolean culprit;

    Box(Role role, Long pid, String command, Leak leak) {
      this.role = role;
      this.pid = pid;
      this.command = command;
      this.leak = leak;
    }

    /** What hangs below this box's parent: the exited parent in an orphan's place. */
    Box top() {
      return exited != null ? exited : this;
    }

    boolean isAbove(Box other) {
      for (Box up = other; up != null; up = up.parent) {
        if (up == this) {
          return true;
        }
      }
      return false;
    }

    Node freeze() {
      List<Node> frozen = new ArrayList<>();
      children.forEach(child -> frozen.add(child.freeze()));
      return new Node(role, pid, command, culprit, leak, List.copyOf(notes), List.copyOf(frozen));
    }
  }

  private static final class Builder {
    /** Every box in the order made: the roots keep that order. */
    private final List<Box> boxes = new ArrayList<>();

    private final Map<Long, Box> byPid = new LinkedHashMap<>();

    void leakBox(Leak leak) {
      Role role =
          switch (leak.kind()) {
            case ZOMBIE -> Role.ZOMBIE;
            case ORPHAN -> Role.ORPHAN;
            case LINGERING -> Role.LINGERING;
          };
      Box box = add(new Box(role, leak.pid(), leak.command(), leak));
      byPid.put(leak.pid(), box);
      if (leak.isAmbiguous()) {
        box.notes.add(LeakMessage.candidates(leak));
      }
      box.notes.addAll(LeakMessage.origin(leak));
      LeakMessage.holdings(leak).ifPresent(box.notes::add);
      box.notes.add(LeakMessage.age(leak.age()) + "; cleanup: " + leak.cleanup());
      if (leak.kind() == LeakKind.ORPHAN) {
        Ancestor adopter = leak.parent();
        Box exited =
            add(
                new Box(
                    Role.EXITED, null, "its parent, which exited without waiting for it", leak));
        Origin origin = leak.origin();
        if (origin != null
            && origin.isRecorded()
            && origin.exited()
            && origin.pid() != leak.pid()) {
          exited.notes.add(
              "its tree began as pid "
                  + origin.pid()
                  + "  "
                  + LeakMessage.shorten(origin.command())
                  + ", which Java started and which exited");
        }
        exited.notes.add(
            adopter.testJvm()
                ? "the kernel handed its child to the test JVM, a subreaper"
                : "the kernel handed its child to pid " + adopter.pid());
        box.notes.add(0, "adopted by " + adopter);
        exited.children.add(box);
        box.parent = exited;
        box.exited = exited;
      }
    }

    /**
     * Hangs the leak, and every process of its chain not yet drawn, below its ancestors, top first.
     */
    void attach(Leak leak) {
      List<Ancestor> chain = leak.ancestors();
      Box above = null;
      for (int i = chain.size() - 1; i >= 0; i--) {
        Box box = boxFor(chain.get(i));
        if (above != null) {
          link(above, box);
        }
        above = box;
      }
      if (leak.kind() == LeakKind.ZOMBIE && !above.culprit) {
        above.culprit = true;
        above.notes.add(0, "the culprit: it never waited for its child");
      }
      link(above, byPid.get(leak.pid()));
    }

    private Box boxFor(Ancestor ancestor) {
      return byPid.computeIfAbsent(
          ancestor.pid(),
          pid ->
              ancestor.testJvm()
                  ? add(new Box(Role.TEST_JVM, pid, "", null))
                  : add(new Box(Role.PARENT, pid, ancestor.command(), null)));
    }

    /**
     * The first chain that places a box wins; a report that contradicts itself never makes a cycle.
     */
    private static void link(Box parent, Box child) {
      Box top = child.top();
      if (top.parent != null || top.isAbove(parent)) {
        return;
      }
      top.parent = parent;
      parent.children.add(top);
    }

    private Box add(Box box) {
      boxes.add(box);
      return box;
    }

    List<Node> roots() {
      List<Node> roots = new ArrayList<>();
      for (Box box : boxes) {
        if (box.parent == null) {
          roots.add(box.freeze());
        }
      }
      return roots;
    }
  }
}
