package demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.procleak.it.fixtures.Facts;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CleanTest {

  @Test
  void clean() throws Exception {
    assertFalse(Files.readString(Path.of("/proc/self/environ")).contains("PROCLEAK_COOKIE="));
    assertEquals(0, new ProcessBuilder("sh", "-c", "seq 100 | wc -l").start().waitFor());
    Facts.write("CleanTest", "cleanJvm", "" + ProcessHandle.current().pid());
  }
}
