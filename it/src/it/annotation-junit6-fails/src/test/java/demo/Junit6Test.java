package demo;

import dev.procleak.it.fixtures.Facts;
import dev.procleak.junit.DetectProcessLeaks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DetectProcessLeaks
class Junit6Test {

  @Test
  void leaks() throws Exception {
    // 63.1 marks this build's processes for verify.groovy.
    Process child = new ProcessBuilder("sleep", "63.1").start();
    String[] jupiter = Test.class.getPackage().getImplementationVersion().split("[.]");
    Facts.write(
        "leaks",
        "jvm", "" + ProcessHandle.current().pid(),
        "child", "" + child.pid(),
        "jupiterMajor", jupiter[0],
        "jupiterMinor", jupiter[1]);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "63.11"})
  void sleeps(String seconds) throws Exception {
    Process child = new ProcessBuilder("sleep", seconds).start();
    if (seconds.equals("0")) {
      child.waitFor();
    } else {
      Facts.write("sleeps", "invocation", "" + child.pid());
    }
  }
}
