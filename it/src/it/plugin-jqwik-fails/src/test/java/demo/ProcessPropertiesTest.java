package demo;

import dev.procleak.it.fixtures.Facts;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** jqwik properties and examples; no Jupiter on the class path, no procleak dependency. */
class ProcessPropertiesTest {

  @Example
  void leaks() throws Exception {
    // (66.2 marks this build's processes.)
    Process shell = new ProcessBuilder("sh", "-c", "sleep 66.2 >/dev/null 2>&1 & echo $!").start();
    String orphan = new String(shell.getInputStream().readAllBytes()).trim();
    if (shell.waitFor() != 0) {
      throw new AssertionError("the shell failed");
    }
    Facts.write("ProcessPropertiesTest", "jvm", "" + ProcessHandle.current().pid(), "orphan", orphan);
  }

  @Property(tries = 5)
  boolean waitsForEachChild(@ForAll @IntRange(min = 1, max = 3) int lines) throws Exception {
    return new ProcessBuilder("sh", "-c", "seq " + lines + " | wc -l").start().waitFor() == 0;
  }

  @Example
  void clean() throws Exception {
    if (new ProcessBuilder("true").start().waitFor() != 0) {
      throw new AssertionError("true failed");
    }
  }
}
