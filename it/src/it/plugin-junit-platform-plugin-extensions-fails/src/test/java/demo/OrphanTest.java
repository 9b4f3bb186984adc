package demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.procleak.it.fixtures.Facts;
import org.junit.jupiter.api.Test;

/** No annotation, no procleak dependency: only the plugin watches. */
class OrphanTest {

  @Test
  void orphan() throws Exception {
    // (65.2 marks this build's processes for verify.groovy.)
    Process shell = new ProcessBuilder("sh", "-c", "sleep 65.2 >/dev/null 2>&1 & echo $!").start();
    String orphan = new String(shell.getInputStream().readAllBytes()).trim();
    assertEquals(0, shell.waitFor());
    Facts.write("OrphanTest", "jvm", "" + ProcessHandle.current().pid(), "orphan", orphan);
  }

  @Test
  void clean() throws Exception {
    assertEquals(0, new ProcessBuilder("sh", "-c", "seq 100 | wc -l").start().waitFor());
  }
}
