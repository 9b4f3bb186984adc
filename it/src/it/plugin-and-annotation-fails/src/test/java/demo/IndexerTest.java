package demo;

import dev.procleak.it.fixtures.Facts;
import dev.procleak.junit.DetectProcessLeaks;
import org.junit.jupiter.api.Test;

@DetectProcessLeaks
class IndexerTest {

  @Test
  void indexes() throws Exception {
    String[] pids = new Indexer().startInBackground().split(" ");
    Facts.write("indexes", "jvm", "" + ProcessHandle.current().pid(), "shell", pids[0], "orphan", pids[1]);
  }

  @Test
  void isClean() throws Exception {
    new ProcessBuilder("true").start().waitFor();
  }
}
