package demo;

import org.junit.jupiter.api.Test;

class NeverRunTest {

  @Test
  void neverRuns() throws Exception {
    // prepare fails the build first. (60.9 marks this build's processes for verify.groovy.)
    new ProcessBuilder("sh", "-c", "sleep 60.9 >/dev/null 2>&1 &").start().waitFor();
  }
}
