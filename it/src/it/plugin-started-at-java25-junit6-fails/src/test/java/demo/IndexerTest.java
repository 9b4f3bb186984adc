package demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.procleak.it.fixtures.Facts;
import org.junit.jupiter.api.Test;

/** No annotation, no procleak dependency: the plugin watches; the test itself passes. */
class IndexerTest {

  @Test
  void indexes() throws Exception {
    String[] pids = new Indexer().startInBackground().split(" ");
    Facts.write("indexes", "jvm", "" + ProcessHandle.current().pid(), "shell", pids[0], "orphan", pids[1]);
    assertEquals(25, Runtime.version().feature());
    String junit = Test.class.getPackage().getImplementationVersion();
    assertTrue(junit.startsWith("6.1."), "JUnit " + junit);
  }
}
