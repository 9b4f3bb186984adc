package demo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.procleak.it.fixtures.Orphan;
import dev.procleak.it.fixtures.OrphanMaker;
import dev.procleak.junit.DetectProcessLeaks;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@DetectProcessLeaks
class OrphanMakerTest {

  @Test
  void orphan() throws Exception {
    // A three-level chain: this JVM -> a middle JVM -> `sleep 61`; the middle is terminated.
    // (61 marks this build's processes for verify.groovy.)
    Orphan orphan = OrphanMaker.make(Duration.ofSeconds(61));
    assertTrue(orphan.formerParent().isGone(), "the middle JVM is dead");
    facts("jvm", "" + ProcessHandle.current().pid(), "orphan", "" + orphan.pid(),
        "middle", "" + orphan.formerParent().pid());
  }

  /** Tells verify.groovy what this test knows, independently of procleak's report. */
  static void facts(String... keysAndValues) throws java.io.IOException {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      text.append(keysAndValues[i]).append('=').append(keysAndValues[i + 1]).append('\n');
    }
    java.nio.file.Path file = java.nio.file.Path.of("target", "facts-" + OrphanMakerTest.class.getSimpleName() + ".properties");
    java.nio.file.Files.writeString(file, text);
  }
}
