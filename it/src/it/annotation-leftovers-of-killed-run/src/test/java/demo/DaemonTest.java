package demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.procleak.it.fixtures.Facts;
import dev.procleak.junit.DetectProcessLeaks;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

@DetectProcessLeaks
class DaemonTest {

  @Test
  void leavesADaemonThenKillsItsJvm() throws Exception {
    if (!Boolean.getBoolean("first")) {
      return; // the second run: its tests leak nothing
    }
    // setsid -f: a double-forked daemon in a session of its own.
    // (61.5 marks this build's processes for verify.groovy.)
    Path pidFile = Path.of("target", "daemon.pid").toAbsolutePath();
    Process setsid = new ProcessBuilder(
        "setsid", "-f", "sh", "-c", "sleep 61.5 >/dev/null 2>&1 & echo $! > " + pidFile + ".tmp && mv " + pidFile + ".tmp " + pidFile)
        .start();
    assertEquals(0, setsid.waitFor());
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (!Files.exists(pidFile) && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    String daemon = Files.readString(pidFile).trim();
    long jvm = ProcessHandle.current().pid();
    Facts.write("DaemonTest", "jvm", "" + jvm, "daemon", daemon);
    // As the OOM killer would: no shutdown hook runs, no report is finished.
    new ProcessBuilder("kill", "-KILL", "" + jvm).start();
    Thread.sleep(60_000);
    fail("SIGKILL did not arrive");
  }
}
