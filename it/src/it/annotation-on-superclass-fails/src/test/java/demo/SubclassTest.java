package demo;

import dev.procleak.it.fixtures.Facts;
import org.junit.jupiter.api.Test;

class SubclassTest extends CheckedBase {

  @Test
  void leaks() throws Exception {
    // 63.4 marks this build's processes for verify.groovy.
    Process child = new ProcessBuilder("sleep", "63.4").start();
    Facts.write("SubclassTest", "jvm", "" + ProcessHandle.current().pid(), "child", "" + child.pid());
  }
}
