package demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.procleak.it.fixtures.Facts;
import org.junit.jupiter.api.Test;

class FirstTest {

  @Test
  void orphan() throws Exception {
    // (63.3 marks this build's processes for verify.groovy.)
    Process shell = new ProcessBuilder("sh", "-c", "sleep 63.3 >/dev/null 2>&1 & echo $!").start();
    String orphan = new String(shell.getInputStream().readAllBytes()).trim();
    assertEquals(0, shell.waitFor());
    Facts.write("FirstTest", "jvm1", "" + ProcessHandle.current().pid(), "orphan1", orphan);
  }
}
