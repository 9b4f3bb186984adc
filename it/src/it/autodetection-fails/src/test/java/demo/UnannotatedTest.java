package demo;

import dev.procleak.it.fixtures.Facts;
import org.junit.jupiter.api.Test;

/** No procleak annotation, no import of procleak: only procleak-junit on the test class path. */
class UnannotatedTest {

  @Test
  void leaksAnOrphan() throws Exception {
    // 63.5 marks this build's processes for verify.groovy.
    Process shell = new ProcessBuilder("sh", "-c", "sleep 63.5 >/dev/null 2>&1 & echo $!").start();
    String orphan = new String(shell.getInputStream().readAllBytes()).trim();
    shell.waitFor();
    Facts.write("UnannotatedTest", "jvm", "" + ProcessHandle.current().pid(), "orphan", orphan);
  }

  @Test
  void clean() throws Exception {
    new ProcessBuilder("true").start().waitFor();
  }
}
