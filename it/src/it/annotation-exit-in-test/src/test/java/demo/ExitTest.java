package demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.procleak.it.fixtures.Facts;
import dev.procleak.junit.DetectProcessLeaks;
import org.junit.jupiter.api.Test;

@DetectProcessLeaks
class ExitTest {

  @Test
  void orphanThenExit() throws Exception {
    // (64.4 marks this build's processes for verify.groovy.)
    Process shell = new ProcessBuilder("sh", "-c", "sleep 64.4 >/dev/null 2>&1 & echo $!").start();
    String orphan = new String(shell.getInputStream().readAllBytes()).trim();
    assertEquals(0, shell.waitFor());
    Facts.write("ExitTest", "jvm", "" + ProcessHandle.current().pid(), "orphan", orphan);
    System.exit(3);
  }
}
