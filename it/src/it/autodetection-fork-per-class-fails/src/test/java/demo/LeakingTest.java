package demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.procleak.it.fixtures.Facts;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** No annotation: autodetection checks it. Runs in a test JVM of its own (reuseForks=false). */
class LeakingTest {

  @Test
  void leaksAnOrphan() throws Exception {
    // The environment Maven started this JVM with: had procleak armed Maven's JVM, its cookie
    // would be here.
    String environment = Files.readString(Path.of("/proc/self/environ"));
    assertFalse(environment.contains("PROCLEAK_COOKIE="), "Maven's JVM passed a procleak cookie on");
    // (66.6 marks this build's processes.)
    Process shell = new ProcessBuilder("sh", "-c", "sleep 66.6 >/dev/null 2>&1 & echo $!").start();
    String orphan = new String(shell.getInputStream().readAllBytes()).trim();
    assertEquals(0, shell.waitFor());
    Facts.write("LeakingTest", "jvm", "" + ProcessHandle.current().pid(), "orphan", orphan,
        "maven", "" + ProcessHandle.current().parent().orElseThrow().pid());
  }
}
