package demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.procleak.it.fixtures.Facts;
import dev.procleak.it.fixtures.OwnLibraries;
import dev.procleak.it.fixtures.ShellLeaks;
import org.junit.jupiter.api.Test;

/** No annotation, no procleak dependency: the plugin watches a build with its own, older libraries. */
class OldLibrariesTest {

  /**
   * Runs on the POM's JNA and jna-platform 5.8.0, jackson-core 2.12.7 and SLF4J 1.7.36 with
   * slf4j-simple (found before the agent's), then leaves an orphan: the test passes, check fails.
   */
  @Test
  void leaksOnItsOwnLibraries() throws Exception {
    assertEquals(OwnLibraries.OLD_LIBRARIES, OwnLibraries.used());
    long orphan = ShellLeaks.orphan("69.2").pid(); // 69.2 marks this build's processes for verify.groovy
    Facts.write("OldLibrariesTest", "jvm", "" + ProcessHandle.current().pid(), "orphan", "" + orphan);
  }
}
