package demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

class SkippedTest {

  @Test
  void leaksButProcleakIsSkipped() throws Exception {
    // Short-lived on purpose: nothing checks it, so it must end by itself.
    // (3.1 marks this build's processes for verify.groovy.)
    Process shell = new ProcessBuilder("sh", "-c", "sleep 3.1 >/dev/null 2>&1 &").start();
    assertEquals(0, shell.waitFor());
  }

  @Test
  void argLineWithoutTheAgent() {
    assertEquals("1", System.getProperty("skip.flag"));
    assertTrue(ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .noneMatch(argument -> argument.contains("procleak")), "no procleak agent when skipped");
  }
}
