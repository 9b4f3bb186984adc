package demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.procleak.junit.DetectProcessLeaks;
import java.lang.ProcessBuilder.Redirect;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@DetectProcessLeaks
class CleanTest {
  /** Runs across all the test methods: started before them, stopped after them. */
  static Process server;

  @BeforeAll
  static void startServer() throws Exception {
    // (60.4 marks this build's processes for verify.groovy.)
    server = new ProcessBuilder("sleep", "60.4").start();
  }

  @AfterAll
  static void stopServer() throws Exception {
    server.destroy();
    server.waitFor();
  }

  @Test
  void waitedFor() throws Exception {
    // The exit status must reach the test intact: procleak never steals it.
    assertEquals(3, new ProcessBuilder("sh", "-c", "exit 3").start().waitFor());
  }

  @Test
  void destroyedAndWaitedFor() throws Exception {
    Process sleeper = new ProcessBuilder("sleep", "30").start();
    sleeper.destroy();
    assertEquals(143, sleeper.waitFor());
  }

  @Test
  void pipelines() throws Exception {
    List<Process> java = ProcessBuilder.startPipeline(List.of(
        new ProcessBuilder("seq", "1000"),
        new ProcessBuilder("sort", "-rn"),
        new ProcessBuilder("head", "-1").redirectOutput(Redirect.PIPE)));
    Process last = java.get(java.size() - 1);
    assertEquals("1000", new String(last.getInputStream().readAllBytes()).trim());
    for (Process p : java) {
      p.waitFor();
    }
    Process shell = new ProcessBuilder("sh", "-c", "seq 1000 | sort -rn | head -1").start();
    assertEquals("1000", new String(shell.getInputStream().readAllBytes()).trim());
    assertEquals(0, shell.waitFor());
  }

  @Test
  void backgroundJobsWaitedForByTheirShell() throws Exception {
    assertEquals(0, new ProcessBuilder("sh", "-c", "sleep 0.3 & sleep 0.2 & wait").start().waitFor());
  }

  @Test
  void manyShortChildren() throws Exception {
    List<Process> children = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      children.add(new ProcessBuilder("true").start());
    }
    for (int i = 0; i < 20; i++) {
      assertEquals(0, new ProcessBuilder("sh", "-c", "true").start().waitFor());
    }
    for (Process child : children) {
      assertEquals(0, child.waitFor());
    }
    assertTrue(server.isAlive(), "the server runs across the test methods");
  }
}
