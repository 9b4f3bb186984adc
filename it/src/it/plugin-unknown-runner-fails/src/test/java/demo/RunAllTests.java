package demo;

import dev.procleak.it.fixtures.Facts;

/** A runner of the module's own: procleak knows neither it nor how it starts its JVM. */
public class RunAllTests {
  public static void main(String[] args) throws Exception {
    if (new ProcessBuilder("true").start().waitFor() != 0) {
      throw new AssertionError("true failed");
    }
    Facts.write("RunAllTests", "jvm", "" + ProcessHandle.current().pid());
    System.out.println("RunAllTests: 1 test passed");
  }
}
