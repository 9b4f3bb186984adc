package com.example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.procleak.junit.DetectProcessLeaks;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Tests as they are written every day: two of them call code that forgets a process. */
@DetectProcessLeaks
class ReportGeneratorTest {

  private final ReportGenerator generator = new ReportGenerator();

  @Test
  void rendersWithAHelperThatNeverWaits() throws Exception {
    Process renderer = generator.render();
    awaitZombieChildOf(renderer.pid());
  }

  @Test
  void startsABackgroundIndexer() throws Exception {
    assertEquals(0, generator.startIndexer());
  }

  @Test
  void convertsAndWaits() throws Exception {
    assertEquals(0, generator.convert());
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
