package demo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.procleak.it.fixtures.Facts;
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
    Facts.write("OrphanMakerTest", "jvm", "" + ProcessHandle.current().pid(), "orphan", "" + orphan.pid(),
        "middle", "" + orphan.formerParent().pid());
  }
}
