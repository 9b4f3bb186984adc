package demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.procleak.it.fixtures.Facts;
import org.junit.jupiter.api.Test;

class OrphanTest {

  @Test
  void orphan() throws Exception {
    // (66.3 marks this build's processes.)
    Process shell = new ProcessBuilder("sh", "-c", "sleep 66.3 >/dev/null 2>&1 & echo $!").start();
    String orphan = new String(shell.getInputStream().readAllBytes()).trim();
    assertEquals(0, shell.waitFor());
    Facts.write("OrphanTest", "jvm", "" + ProcessHandle.current().pid(), "orphan", orphan);
  }
}
