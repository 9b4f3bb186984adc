package com.example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.procleak.junit.DetectProcessLeaks;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Tests as they are written every day: each one forgets a process. */
@DetectProcessLeaks
class ReportGeneratorTest {

  @Test
  void rendersWithAHelperThatNeverWaits() throws Exception {
    // The shell starts a helper, then becomes a long task that never waits for it.
    Process renderer = new ProcessBuilder("sh", "-c", "sleep 0.2 & exec sleep 30").start();
    awaitZombieChildOf(renderer.pid());
  }

  @Test
  void startsABackgroundIndexer() throws Exception {
    // The shell exits at once; the indexer it started in the background lives on, orphaned.
    Process launcher = new ProcessBuilder("sh", "-c", "sleep 60 >/dev/null 2>&1 &").start();
    assertEquals(0, launcher.waitFor());
  }

  @Test
  void convertsAndWaits() throws Exception {
    Process converter = new ProcessBuilder("sh", "-c", "seq 1000 | wc -l").start();
    assertEquals(0, converter.waitFor());
  }

  private static void awaitZombieChildOf(long pid) throws Exception {
    long deadline = System.nanoTime() + 20_000_000_000L;
    Path children = Path.of("/proc", Long.toString(pid), "task", Long.toString(pid), "children");
    while (System.nanoTime() < deadline) {
      for (String child : Files.readString(children).trim().split(" ")) {
        Path stat = Path.of("/proc", child, "stat");
        if (!child.isEmpty() && Files.exists(stat) && Files.readString(stat).contains(") Z ")) {
          return;
        }
      }
      Thread.sleep(10);
    }
    throw new AssertionError("the helper did not exit in time");
  }
}
