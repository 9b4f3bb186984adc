package demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** No annotation, no procleak dependency: only the plugin watches. */
class CleanTest {
  static Process server;

  @BeforeAll
  static void startServer() throws Exception {
    // (60.7 marks this build's processes for verify.groovy.)
    server = new ProcessBuilder("sleep", "60.7").start();
  }

  @AfterAll
  static void stopServer() throws Exception {
    server.destroy();
    server.waitFor();
  }

  @Test
  void theProjectsArgLineIsStillThere() {
    assertEquals("1", System.getProperty("my.flag"), "the POM's argLine reached the test JVM");
  }

  @Test
  void procleaksAgentCameFirst() {
    List<String> arguments = ManagementFactory.getRuntimeMXBean().getInputArguments();
    int agent = -1;
    for (int i = 0; i < arguments.size(); i++) {
      if (arguments.get(i).startsWith("-javaagent:") && arguments.get(i).contains("procleak-agent.jar")) {
        agent = i;
      }
    }
    assertTrue(agent >= 0, "procleak's agent is armed: " + arguments);
    assertTrue(agent < arguments.indexOf("-Dmy.flag=1"), "prepended, not appended: " + arguments);
  }

  @Test
  void processesWaitedFor() throws Exception {
    assertEquals(3, new ProcessBuilder("sh", "-c", "exit 3").start().waitFor());
    assertEquals(0, new ProcessBuilder("sh", "-c", "seq 1000 | sort -rn | head -1 >/dev/null").start().waitFor());
    assertEquals(0, new ProcessBuilder("sh", "-c", "sleep 0.2 & wait").start().waitFor());
    Process sleeper = new ProcessBuilder("sleep", "30").start();
    sleeper.destroy();
    sleeper.waitFor();
    assertTrue(server.isAlive());
  }
}
