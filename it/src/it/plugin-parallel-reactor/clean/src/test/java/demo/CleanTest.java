package demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.procleak.it.fixtures.Facts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class CleanTest {

  @Test
  void cleanWhileTheOtherModulesDaemonRuns() throws Exception {
    assertEquals(0, new ProcessBuilder("sh", "-c", "seq 100 | wc -l").start().waitFor());
    // Return (and let this module's check run) only once the other module's daemon runs and its
    // test JVM is gone: check must then find that daemon alive and leave it to its own module.
    Path facts = Path.of("..", "leaks", "target", "facts-KilledForkTest.properties");
    long deadline = System.nanoTime() + 120_000_000_000L;
    Properties other = new Properties();
    while (System.nanoTime() < deadline) {
      if (Files.exists(facts)) {
        other.load(Files.newBufferedReader(facts));
        if (other.getProperty("daemon") != null && !Files.exists(Path.of("/proc", other.getProperty("jvm")))) {
          break;
        }
      }
      Thread.sleep(10);
    }
    assertTrue(Files.exists(Path.of("/proc", other.getProperty("daemon", "0"))), "the other module's daemon runs: " + other);
    assertTrue(!Files.exists(Path.of("/proc", other.getProperty("jvm", "0"))), "the other module's test JVM is gone: " + other);
    Facts.write("CleanTest", "jvm", "" + ProcessHandle.current().pid(), "otherDaemon", other.getProperty("daemon"));
  }
}
