package dev.procleak.core.scan;

import dev.procleak.core.os.Children;
import java.io.IOException;
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

/**
 * Linux fast path: walks {@code /proc/PID/task/TID/children} from the root down and reads only
 * the {@code stat} of the processes found, instead of every process on the machine.
 *
 * <p>A child of the root was adopted when the root did not start it. The kernel hands orphans to
 * the first live thread of a subreaper, its primordial thread, which in a JVM runs no Java code,
 * so children the JVM started are listed there only once the thread that started them ended;
 * those still have a JDK thread waiting for them ({@link JdkWaits}).
 */
public final class ProcfsScanner implements SubtreeScanner {
  private static final Path PROC = Path.of("/proc");
  private static final long SELF = ProcessHandle.current().pid();

  public static boolean isAvailable() {
    return Files.isReadable(PROC.resolve("self/task").resolve(String.valueOf(ProcessHandle.current().pid())).resolve("children"));
  }

  @Override
  public ProcessTable scan(long rootPid) {
    List<ProcessInfo> found = new ArrayList<>();
    if (rootPid == SELF && !Children.anyOfThisJvm()) {
      return new ProcessTable(rootPid, found);
    }
    Deque<Long> parents = new ArrayDeque<>();
    parents.push(rootPid);
    Map<Long, Long> forkingThreads = new HashMap<>();
    Set<Long> waited = null;
    boolean waitsRead = false;
    while (!parents.isEmpty()) {
      long parent = parents.pop();
      for (long[] child : children(parent)) {
        boolean adopted = parent == rootPid && child[1] == rootPid;
        if (adopted && JdkWaits.isSupported()) {
          if (!waitsRead) {
            waited = JdkWaits.waitedFor(rootPid);
            waitsRead = true;
          }
          adopted = waited != null && !waited.contains(child[0]);
        }
        ProcessInfo info = ProcStat.read(child[0], adopted);
        if (info != null && info.parentPid() == parent) {
          found.add(info);
          parents.push(info.pid());
          if (parent == rootPid) {
            forkingThreads.put(info.pid(), child[1]);
          }
        }
      }
    }
    return new ProcessTable(rootPid, found, forkingThreads);
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
