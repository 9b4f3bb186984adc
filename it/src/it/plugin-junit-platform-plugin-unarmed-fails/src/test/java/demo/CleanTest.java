package demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.procleak.it.fixtures.Facts;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

class CleanTest {

  @Test
  void runsWithoutTheAgent() throws Exception {
    String arguments = String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments());
    assertFalse(arguments.contains("procleak-agent"), arguments);
    assertEquals(0, new ProcessBuilder("true").start().waitFor());
    Facts.write("CleanTest", "jvm", "" + ProcessHandle.current().pid());
  }

  @Test
  void second() {}
}
