package dev.procleak.core.scan;

import dev.procleak.core.os.Children;
import dev.procleak.core.os.Subreaper;
import dev.procleak.core.os.ThisProcess;
import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Linux fast path: walks {@code /proc/PID/task/TID/children} from the root down and reads only the
 * {@code stat} of the processes found, instead of every process on the machine.
 *
 * <p>A child of the root was adopted when the root did not start it. The kernel hands orphans to
 * the first live thread of a subreaper, its primordial thread, which in a JVM runs no Java code, so
 * children the JVM started are listed there only once the thread that started them ended; those
 * still have a JDK thread waiting for them ({@link JdkWaits}).
 *
 * <p>Every file read here may belong to a process that exits while it is read: a missing or
 * unreadable file means that process is gone, never that the scan failed.
 */
public final class ProcfsScanner implements SubtreeScanner {
  private static volatile BooleanSupplier childrenPossible = () -> true;
  public static final String NOT_A_SUBREAPER =
      "this JVM is not a child subreaper: an orphan of a test goes to init and leaves the JVM's tree,"
          + " so only the build's cookie can find it";
  static final String JDK_WAITS_UNREADABLE =
      "the JDK's waits cannot be read on "
          + System.getProperty("os.arch")
          + ": children the JVM adopted are reported as LINGERING, not ORPHAN";

  private static final Path PROC = Path.of("/proc");
  private static final long SELF = ThisProcess.pid();

  public static boolean isAvailable() {
    return Files.isReadable(
        PROC.resolve("self/task").resolve(String.valueOf(ThisProcess.pid())).resolve("children"));
  }

  /**
   * Until {@code possible} says otherwise, this JVM has no child and the kernel is not asked (which
   * costs loading JNA): procleak's agent sees every start through Java, and JNA load, which a start
   * by native code needs.
   */
  public static void assumeNoChildrenUnless(BooleanSupplier possible) {
    childrenPossible = possible;
  }

  @Override
  public ProcessTable scan(long rootPid) {
    List<ProcessInfo> found = new ArrayList<>();
    if (rootPid == SELF && (!childrenPossible.getAsBoolean() || !Children.anyOfThisJvm())) {
      return new ProcessTable(rootPid, found, limitations(rootPid));
    }
    // Each entry: a pid, and its thread count when one was read (0 for the root: unknown).
    Deque<long[]> parents = new ArrayDeque<>();
    parents.push(new long[] {rootPid, 0});
    Map<Long, Long> forkingThreads = new HashMap<>();
    Set<Long> waited = null;
    boolean waitsRead = false;
    while (!parents.isEmpty()) {
      long[] next = parents.pop();
      long parent = next[0];
      for (long[] child : children(parent, next[1] == 1)) {
        boolean adopted = parent == rootPid && child[1] == rootPid;
        if (adopted && JdkWaits.isSupported()) {
          if (!waitsRead) {
            waited = JdkWaits.waitedForSettled(rootPid);
            waitsRead = true;
          }
          adopted = waited != null && !waited.contains(child[0]);
        }
        String stat = ProcStat.line(child[0]);
        ProcessInfo info = stat == null ? null : ProcStat.parse(child[0], stat, adopted);
        // A listed child may have exited and its pid gone to another process since.
        if (info != null && info.parentPid() == parent) {
          found.add(info);
          parents.push(new long[] {info.pid(), ProcStat.threads(stat)});
          if (parent == rootPid) {
            forkingThreads.put(info.pid(), child[1]);
          }
        }
      }
    }
    return new ProcessTable(rootPid, found, limitations(rootPid), forkingThreads);
  }

  @Override
  public ProcessInfo lookup(long pid) {
    return ProcStat.read(pid, false);
  }

  private static List<String> limitations(long rootPid) {
    if (rootPid != SELF || Subreaper.isArmed() && JdkWaits.isSupported()) {
      return List.of();
    }
    List<String> limitations = new ArrayList<>(2);
    if (!Subreaper.isArmed()) {
      limitations.add(NOT_A_SUBREAPER);
    }
    if (!JdkWaits.isSupported()) {
      limitations.add(JDK_WAITS_UNREADABLE);
    }
    return limitations;
  }

  /**
   * Pairs of (child pid, tid of the task that lists it); empty when the process is gone.
   *
   * @param singleThreaded whether the process had one thread when its stat was read: then its one
   *     task is its own pid, and listing the task directory, which costs three reads, is skipped
   *     (most descendants are single-threaded programs and shells)
   */
  private static List<long[]> children(long pid, boolean singleThreaded) {
    List<long[]> children = new ArrayList<>();
    Path taskDirectory = PROC.resolve(Long.toString(pid)).resolve("task");
    if (singleThreaded) {
      addChildren(children, taskDirectory.resolve(Long.toString(pid)), pid);
      return children;
    }
    try (DirectoryStream<Path> tasks = Files.newDirectoryStream(taskDirectory)) {
      for (Path task : tasks) {
        addChildren(children, task, Long.parseLong(task.getFileName().toString()));
      }
    } catch (IOException
        | DirectoryIteratorException
        | SecurityException
        | NumberFormatException gone) {
      // The process or one of its threads exited while we looked: what was listed still counts.
    }
    return children;
  }

  private static void addChildren(List<long[]> children, Path task, long tid) {
    try {
      for (String child : readOrEmpty(task.resolve("children")).trim().split(" ")) {
        if (!child.isEmpty()) {
          children.add(new long[] {Long.parseLong(child), tid});
        }
      }
    } catch (NumberFormatException cutShort) {
      // A read cut short by the task's exit: what was listed before it still counts.
    }
  }

  private static String readOrEmpty(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException | SecurityException gone) {
      return "";
    }
  }
}
