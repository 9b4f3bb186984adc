package dev.procleak.core.scan;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Linux fast path: walks {@code /proc/PID/task/TID/children} from the root down and reads only
 * the {@code stat} of the processes found, instead of every process on the machine.
 *
 * <p>The JDK launcher runs Java code on a thread of its own, never on the primordial thread
 * whose tid is the pid. The kernel hands orphans to the first live thread of a subreaper, the
 * primordial one, so children listed under the root's primordial task were adopted, while the
 * JVM's own {@code Process} children are listed under the thread that started them.
 */
public final class ProcfsScanner implements SubtreeScanner {
  private static final Path PROC = Path.of("/proc");

  public static boolean isAvailable() {
    return Files.isReadable(PROC.resolve("self/task").resolve(String.valueOf(ProcessHandle.current().pid())).resolve("children"));
  }

  @Override
  public ProcessTable scan(long rootPid) {
    List<ProcessInfo> found = new ArrayList<>();
    Deque<Long> parents = new ArrayDeque<>();
    parents.push(rootPid);
    while (!parents.isEmpty()) {
      long parent = parents.pop();
      for (long[] child : children(parent)) {
        boolean adopted = parent == rootPid && child[1] == rootPid;
        ProcessInfo info = ProcStat.read(child[0], adopted);
        if (info != null && info.parentPid() == parent) {
          found.add(info);
          parents.push(info.pid());
        }
      }
    }
    return new ProcessTable(rootPid, found);
  }

  @Override
  public ProcessInfo lookup(long pid) {
    return ProcStat.read(pid, false);
  }

  /** Pairs of (child pid, tid of the task that lists it). */
  private static List<long[]> children(long pid) {
    List<long[]> children = new ArrayList<>();
    try (DirectoryStream<Path> tasks = Files.newDirectoryStream(PROC.resolve(Long.toString(pid)).resolve("task"))) {
      for (Path task : tasks) {
        long tid = Long.parseLong(task.getFileName().toString());
        String list = readOrEmpty(task.resolve("children"));
        for (String child : list.trim().split(" ")) {
          if (!child.isEmpty()) {
            children.add(new long[] {Long.parseLong(child), tid});
          }
        }
      }
    } catch (IOException | RuntimeException gone) {
      // The process exited while we looked: it has no children any more.
    }
    return children;
  }

  private static String readOrEmpty(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException gone) {
      return "";
    }
  }
}
