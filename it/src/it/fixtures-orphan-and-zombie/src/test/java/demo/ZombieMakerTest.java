package demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.procleak.it.fixtures.ZombieMaker;
import dev.procleak.it.fixtures.Zombies;
import dev.procleak.junit.DetectProcessLeaks;
import org.junit.jupiter.api.Test;

@DetectProcessLeaks
class ZombieMakerTest {

  @Test
  void zombies() throws Exception {
    // A JVM that spawns two `true` through libc and never waits for them.
    Zombies zombies = ZombieMaker.start(2);
    assertEquals(2, zombies.zombies().size());
    facts("jvm", "" + ProcessHandle.current().pid(), "maker", "" + zombies.parentIdentity().pid(),
        "zombie1", "" + zombies.zombies().get(0).pid(), "zombie2", "" + zombies.zombies().get(1).pid());
  }

  /** Tells verify.groovy what this test knows, independently of procleak's report. */
  static void facts(String... keysAndValues) throws java.io.IOException {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      text.append(keysAndValues[i]).append('=').append(keysAndValues[i + 1]).append('\n');
    }
    java.nio.file.Path file = java.nio.file.Path.of("target", "facts-" + ZombieMakerTest.class.getSimpleName() + ".properties");
    java.nio.file.Files.writeString(file, text);
  }
}
