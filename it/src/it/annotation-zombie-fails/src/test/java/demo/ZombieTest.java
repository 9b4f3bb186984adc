package demo;

import dev.procleak.it.fixtures.Facts;
import dev.procleak.junit.DetectProcessLeaks;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

@DetectProcessLeaks
class ZombieTest {

  @Test
  void zombie() throws Exception {
    // After the exec, `sleep 30.1` is the parent of `sleep 0.2` and never waits for it.
    // (30.1 marks this build's processes for verify.groovy.)
    Process parent = new ProcessBuilder("sh", "-c", "sleep 0.2 & exec sleep 30.1").start();
    long zombie = awaitZombieChildOf(parent.pid());
    Facts.write("ZombieTest", "jvm", "" + ProcessHandle.current().pid(), "culprit", "" + parent.pid(), "zombie", "" + zombie);
  }

  /** Returns once a child of {@code pid} is in state Z; never a fixed sleep. */
  static long awaitZombieChildOf(long pid) throws Exception {
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (System.nanoTime() < deadline) {
      try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/" + pid + "/task"))) {
        for (Path task : tasks) {
          for (String child : Files.readString(task.resolve("children")).trim().split("\\s+")) {
            Path stat = Path.of("/proc", child, "stat");
            if (!child.isEmpty() && Files.exists(stat)) {
              String text = Files.readString(stat);
              if (text.substring(text.lastIndexOf(')') + 2).startsWith("Z")) {
                return Long.parseLong(child);
              }
            }
          }
        }
      } catch (java.io.IOException vanished) {
        // a task or child went away mid-read: look again
      }
      Thread.sleep(10);
    }
    throw new AssertionError("no zombie appeared under pid " + pid);
  }
}
