package demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.procleak.it.fixtures.Facts;
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
    Facts.write("ZombieMakerTest", "jvm", "" + ProcessHandle.current().pid(), "maker", "" + zombies.parentIdentity().pid(),
        "zombie1", "" + zombies.zombies().get(0).pid(), "zombie2", "" + zombies.zombies().get(1).pid());
  }
}
