package demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.procleak.it.fixtures.Facts;
import dev.procleak.it.fixtures.OwnLibraries;
import dev.procleak.junit.DetectProcessLeaks;
import java.util.List;
import org.junit.jupiter.api.Test;

@DetectProcessLeaks
class EscapingTest {

  @Test
  void escapesOnItsOwnJna() throws Exception {
    assertEquals(List.of("jna 5.8.0 jna-5.8.0.jar", "jna-platform jna-platform-5.8.0.jar"), OwnLibraries.jna());
    // Without a subreaper the shell's background job goes to init when the shell exits: out of
    // the test JVM's tree, so the test passes. (69.3 marks this build's processes for verify.groovy.)
    Process shell = new ProcessBuilder("sh", "-c", "sleep 69.3 >/dev/null 2>&1 & echo $!").start();
    String orphan = new String(shell.getInputStream().readAllBytes()).trim();
    assertEquals(0, shell.waitFor());
    Facts.write("EscapingTest", "jvm", "" + ProcessHandle.current().pid(), "orphan", orphan);
  }
}
