package demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.procleak.it.fixtures.Facts;
import dev.procleak.junit.DetectProcessLeaks;
import org.junit.jupiter.api.Test;

@DetectProcessLeaks
class OrphanTest {

  @Test
  void orphan() throws Exception {
    // The shell exits at once; its background job lives on, orphaned.
    // (60.2 marks this build's processes for verify.groovy.)
    Process shell = new ProcessBuilder("sh", "-c", "sleep 60.2 >/dev/null 2>&1 & echo $!").start();
    String orphan = new String(shell.getInputStream().readAllBytes()).trim();
    assertEquals(0, shell.waitFor());
    Facts.write("OrphanTest", "jvm", "" + ProcessHandle.current().pid(), "orphan", orphan);
  }
}
