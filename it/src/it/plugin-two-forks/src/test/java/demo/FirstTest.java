package demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.procleak.it.fixtures.Facts;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FirstTest {

  @Test
  void orphan() throws Exception {
    // (63.1 marks this build's processes for verify.groovy.)
    Process shell = new ProcessBuilder("sh", "-c", "sleep 63.1 >/dev/null 2>&1 & echo $!").start();
    String orphan = new String(shell.getInputStream().readAllBytes()).trim();
    assertEquals(0, shell.waitFor());
    Facts.write("FirstTest", "jvm1", "" + ProcessHandle.current().pid(), "orphan1", orphan);
    // Both classes in one JVM would wait here for ever: the other one must run in the other fork.
    Path other = Path.of("target", "facts-SecondTest.properties");
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (!Files.exists(other) && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertTrue(Files.exists(other), "SecondTest never ran in the other test JVM");
  }
}
