package demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.procleak.it.fixtures.Facts;
import dev.procleak.junit.DetectProcessLeaks;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@DetectProcessLeaks
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IndexerTest {

  @Test
  @Order(1)
  void leavesAChild() throws Exception {
    Process child = new Indexer().startChild();
    Facts.write("child", "jvm", "" + ProcessHandle.current().pid(), "child", "" + child.pid());
  }

  @Test
  @Order(2)
  void leavesAnOrphan() throws Exception {
    Process shell = new Indexer().startInBackground();
    String orphan = new String(shell.getInputStream().readAllBytes()).trim();
    assertEquals(0, shell.waitFor());
    Facts.write("orphan", "orphan", orphan);
  }
}
