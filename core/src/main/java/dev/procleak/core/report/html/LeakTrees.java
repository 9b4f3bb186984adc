package dev.procleak.core.report.html;

import dev.procleak.core.leak.Leak;
import dev.procleak.core.leak.LeakKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The story of each scope's leaks as process trees: the test JVM at the top, every leaked
 * process below its parent, a zombie below its culprit, an orphan below the parent that exited
 * and the process that adopted it.
 */
public final class LeakTrees {
  /** Written by the leak rules when the parent of a leak is the test JVM itself. */
  static final String TEST_JVM = "the test JVM";

  /** What a box in the tree stands for. */
  public enum Role {
    TEST_JVM,
    /** A process procleak did not report but that leads to one it did (a culprit, an adopter). */
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
   * @param command its command line, or a description where there is none
   * @param culprit whether it is the parent that never waited for a zombie below it
   * @param notes what happened to it, one line each
   * @param children the boxes below it
   */
  public record Node(Role role, Long pid, String command, boolean culprit, List<String> notes, List<Node> children) {}

  /** The trees of one scope. */
  public record ScopeTree(String scope, List<Leak> leaks, List<Node> roots) {}

  private LeakTrees() {}

  /** One tree (or a few, when some leak hangs below a process outside the test JVM) per scope, in first-leak order. */
  public static List<ScopeTree> of(List<Leak> leaks, long jvmPid) {
    Map<String, List<Leak>> byScope = new LinkedHashMap<>();
    for (Leak leak : leaks) {
      byScope.computeIfAbsent(leak.scope(), scope -> new ArrayList<>()).add(leak);
    }
    List<ScopeTree> trees = new ArrayList<>();
    byScope.forEach((scope, scoped) -> trees.add(new ScopeTree(scope, List.copyOf(scoped), roots(scoped, jvmPid))));
    return trees;
  }

  private static List<Node> roots(List<Leak> leaks, long jvmPid) {
    Builder builder = new Builder(jvmPid);
    for (Leak leak : leaks) {
      builder.leakNode(leak);
    }
    for (Leak leak : leaks) {
      builder.attach(leak, leaks);
    }
    return builder.roots();
  }

  /** Mutable boxes while the tree is put together. */
  private static final class Box {
    final Role role;
    final Long pid;
    final String command;
    final List<String> notes = new ArrayList<>();
    final List<Box> children = new ArrayList<>();
    boolean culprit;
    boolean attached;

    Box(Role role, Long pid, String command) {
      this.role = role;
      this.pid = pid;
      this.command = command;
    }

    Node freeze() {
      List<Node> frozen = new ArrayList<>();
      children.forEach(child -> frozen.add(child.freeze()));
      return new Node(role, pid, command, culprit, List.copyOf(notes), List.copyOf(frozen));
    }
  }

  private static final class Builder {
    private final long jvmPid;
    private final Box jvm;
    private final Map<Long, Box> leaked = new LinkedHashMap<>();
    private final Map<Long, Box> others = new LinkedHashMap<>();
    private final List<Box> roots = new ArrayList<>();

    Builder(long jvmPid) {
      this.jvmPid = jvmPid;
      this.jvm = new Box(Role.TEST_JVM, jvmPid, "");
      roots.add(jvm);
    }

    void leakNode(Leak leak) {
      Role role = switch (leak.kind()) {
        case ZOMBIE -> Role.ZOMBIE;
        case ORPHAN -> Role.ORPHAN;
        case LINGERING -> Role.LINGERING;
      };
      Box box = new Box(role, leak.pid(), leak.command());
      box.notes.add("cleanup: " + leak.cleanup());
      leaked.put(leak.pid(), box);
    }

    void attach(Leak leak, List<Leak> scoped) {
      Box box = leaked.get(leak.pid());
      Box parent = parentOf(leak);
      if (leak.kind() == LeakKind.ORPHAN) {
        Box exited = new Box(Role.EXITED, null, "its parent, which exited without waiting");
        exited.notes.add(parent == jvm
            ? "the kernel handed its child to the test JVM, a subreaper"
            : "the kernel handed its child to pid " + leak.parentPid());
        box.notes.add(0, parent == jvm
            ? "adopted by the test JVM (pid " + jvmPid + ")"
            : "adopted by pid " + leak.parentPid() + "  " + leak.parentCommand());
        exited.children.add(box);
        parent.children.add(exited);
      } else {
        if (leak.kind() == LeakKind.ZOMBIE && !parent.culprit) {
          parent.culprit = true;
          parent.notes.add(0, "the culprit: it never waited for its child");
        }
        if (isAncestor(box, parent)) {
          // Never a cycle, whatever the report says: hang it below the JVM instead.
          parent = jvm;
        }
        parent.children.add(box);
      }
      box.attached = true;
    }

    private Box parentOf(Leak leak) {
      if (leak.parentPid() == jvmPid || TEST_JVM.equals(leak.parentCommand())) {
        return jvm;
      }
      Box leakedParent = leaked.get(leak.parentPid());
      if (leakedParent != null) {
        return leakedParent;
      }
      return others.computeIfAbsent(leak.parentPid(), pid -> {
        Box other = new Box(Role.PARENT, pid, leak.parentCommand());
        if (leak.kind() == LeakKind.ORPHAN) {
          // Adopted by a process outside the JVM (init, after the JVM was gone): a tree of its own.
          roots.add(other);
        } else {
          jvm.children.add(other);
          other.notes.add("not reported itself: it started before the test, or outside it");
        }
        return other;
      });
    }

    private static boolean isAncestor(Box candidate, Box of) {
      List<Box> stack = new ArrayList<>(candidate.children);
      while (!stack.isEmpty()) {
        Box next = stack.remove(stack.size() - 1);
        if (next == of) {
          return true;
        }
        stack.addAll(next.children);
      }
      return candidate == of;
    }

    List<Node> roots() {
      List<Node> frozen = new ArrayList<>();
      for (Box root : roots) {
        if (root != jvm || !root.children.isEmpty()) {
          frozen.add(root.freeze());
        }
      }
      return frozen;
    }
  }
}
