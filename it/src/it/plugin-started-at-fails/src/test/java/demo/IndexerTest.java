package demo;

import com.sun.jna.Library;
import com.sun.jna.Native;
import dev.procleak.it.fixtures.Facts;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** No annotation, no procleak dependency: the plugin watches; the tests themselves pass. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IndexerTest {

  @Test
  @Order(1)
  void indexes() throws Exception {
    long[] pids = new Indexer().startInBackground();
    Facts.write("indexes", "jvm", "" + ProcessHandle.current().pid(), "shell", "" + pids[0], "orphan", "" + pids[1]);
  }

  @Test
  @Order(2)
  void serves() throws Exception {
    Object[] server = new Indexer().startServer();
    Facts.write("serves", "server", "" + ((Process) server[0]).pid(), "port", "" + server[1]);
  }

  interface C extends Library {
    int system(String command);
  }

  @Test
  @Order(3)
  void startsNatively() throws Exception {
    // As NuProcess or JNA's posix_spawn do: no ProcessBuilder, so no Java start to record.
    Path pidFile = Path.of("target", "native.pid").toAbsolutePath();
    Native.load("c", C.class).system("sleep 68.3 >/dev/null 2>&1 & echo $! > " + pidFile);
    Facts.write("native", "native", Files.readString(pidFile).trim());
  }
}
