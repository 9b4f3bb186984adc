package demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.procleak.it.fixtures.Facts;
import dev.procleak.it.fixtures.Orphan;
import dev.procleak.it.fixtures.ShellLeaks;
import dev.procleak.it.fixtures.Zombies;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** No annotation, no procleak dependency: the plugin watches; the tests themselves pass. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LeakyTest {

  @Test
  @Order(1)
  void zombie() throws Exception {
    // sh -c 'sleep 0.2 & exec sleep 30': the sleep 30 never waits for its child.
    Zombies zombies = ShellLeaks.zombie();
    assertEquals(1, zombies.zombies().size());
    Facts.write("zombie", "jvm", "" + ProcessHandle.current().pid(), "culprit", "" + zombies.parentIdentity().pid(),
        "zombie", "" + zombies.zombies().get(0).pid());
  }

  @Test
  @Order(2)
  void orphan() throws Exception {
    // sh -c 'sleep 60 & echo $!': the shell exits, its sleep lives on.
    Orphan orphan = ShellLeaks.orphan();
    Facts.write("orphan", "orphan", "" + orphan.pid());
  }
}
