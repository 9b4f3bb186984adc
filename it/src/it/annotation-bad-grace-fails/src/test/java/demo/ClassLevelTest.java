package demo;

import dev.procleak.junit.DetectProcessLeaks;
import org.junit.jupiter.api.Test;

@DetectProcessLeaks
class ClassLevelTest {

  @Test
  void clean() throws Exception {
    new ProcessBuilder("true").start().waitFor();
  }
}
