package demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.procleak.it.fixtures.Facts;
import dev.procleak.it.fixtures.Orphan;
import dev.procleak.it.fixtures.OwnLibraries;
import dev.procleak.it.fixtures.ShellLeaks;
import dev.procleak.junit.DetectProcessLeaks;
import org.junit.jupiter.api.Test;

/** A user's test class, in a build that brings older JNA, jackson-core and SLF4J than procleak's. */
@DetectProcessLeaks
class OldLibrariesTest {

  @Test
  void runsOnItsOwnLibraries() throws Exception {
    // JNA and jna-platform 5.8.0, jackson-core 2.12.7, SLF4J 1.7.36 with slf4j-simple: the POM's.
    assertEquals(OwnLibraries.OLD_LIBRARIES, OwnLibraries.used());
  }

  @Test
  void orphan() throws Exception {
    Orphan orphan = ShellLeaks.orphan("69.1"); // 69.1 marks this build's processes for verify.groovy
    Facts.write("OldLibrariesTest", "jvm", "" + ProcessHandle.current().pid(), "orphan", "" + orphan.pid());
  }
}
