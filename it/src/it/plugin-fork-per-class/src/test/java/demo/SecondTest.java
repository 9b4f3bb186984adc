package demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.procleak.it.fixtures.Facts;
import org.junit.jupiter.api.Test;

class SecondTest {

  @Test
  void orphan() throws Exception {
    // (63.4 marks this build's processes for verify.groovy.)
    Process shell = new ProcessBuilder("sh", "-c", "sleep 63.4 >/dev/null 2>&1 & echo $!").start();
    String orphan = new String(shell.getInputStream().readAllBytes()).trim();
    assertEquals(0, shell.waitFor());
    Facts.write("SecondTest", "jvm2", "" + ProcessHandle.current().pid(), "orphan2", orphan);
  }
}
