package demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.procleak.it.fixtures.Facts;
import org.junit.jupiter.api.Test;

class CrashIT {

  @Test
  void orphanThenCrash() throws Exception {
    // (60.8 marks this build's processes for verify.groovy.)
    Process shell = new ProcessBuilder("sh", "-c", "sleep 60.8 >/dev/null 2>&1 & echo $!").start();
    String orphan = new String(shell.getInputStream().readAllBytes()).trim();
    assertEquals(0, shell.waitFor());
    Facts.write("CrashIT", "jvm", "" + ProcessHandle.current().pid(), "orphan", orphan);
    // No shutdown hook, no listener, no report: as if the JVM crashed.
    Runtime.getRuntime().halt(1);
  }
}
