package demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.procleak.it.fixtures.Facts;
import dev.procleak.it.fixtures.OwnLibraries;
import dev.procleak.it.fixtures.ShellLeaks;
import dev.procleak.junit.DetectProcessLeaks;
import org.junit.jupiter.api.Test;

@DetectProcessLeaks
class EscapingTest {

  @Test
  void escapesOnItsOwnJna() throws Exception {
    assertEquals(OwnLibraries.JNA_5_8, OwnLibraries.jna());
    // Without a subreaper the shell's background job goes to init when the shell exits: out of
    // the test JVM's tree, so the test passes. (69.3 marks this build's processes for verify.groovy.)
    long orphan = ShellLeaks.orphan("69.3").pid();
    Facts.write("EscapingTest", "jvm", "" + ProcessHandle.current().pid(), "orphan", "" + orphan);
  }
}
