package demo;

import dev.procleak.junit.DetectProcessLeaks;
import org.junit.jupiter.api.Test;

class MethodLevelTest {

  @Test
  @DetectProcessLeaks
  void clean() throws Exception {
    new ProcessBuilder("true").start().waitFor();
  }
}
