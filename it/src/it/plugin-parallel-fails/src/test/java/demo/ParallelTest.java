package demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.procleak.it.fixtures.Facts;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** All four run at once (the barrier), the clean ones with a child still running while the leaking one ends. */
// No annotation, no procleak dependency: only the plugin watches.
class ParallelTest {
  static final CyclicBarrier TOGETHER = new CyclicBarrier(4);

  static void runsAChildToTheEnd(String name) throws Exception {
    Process child = new ProcessBuilder("sleep", "0.5").start();
    Facts.write(name, name, "" + child.pid());
    TOGETHER.await(60, TimeUnit.SECONDS);
    assertEquals(0, child.waitFor());
  }

  @Test
  void clean1() throws Exception {
    runsAChildToTheEnd("clean1");
  }

  @Test
  void clean2() throws Exception {
    runsAChildToTheEnd("clean2");
  }

  @Test
  void clean3() throws Exception {
    runsAChildToTheEnd("clean3");
  }

  @Test
  void leaks() throws Exception {
    // 63.6 marks this build's processes for verify.groovy.
    Process child = new ProcessBuilder("sleep", "63.6").start();
    Facts.write("leaks", "jvm", "" + ProcessHandle.current().pid(), "leaked", "" + child.pid());
    TOGETHER.await(60, TimeUnit.SECONDS);
  }
}
