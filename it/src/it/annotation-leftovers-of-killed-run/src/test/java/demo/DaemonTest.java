package demo;

import static org.junit.jupiter.api.Assertions.fail;

import dev.procleak.it.fixtures.Facts;
import dev.procleak.junit.DetectProcessLeaks;
import dev.procleak.it.fixtures.ShellLeaks;
import org.junit.jupiter.api.Test;

@DetectProcessLeaks
class DaemonTest {

  @Test
  void leavesADaemonThenKillsItsJvm() throws Exception {
    if (!Boolean.getBoolean("first")) {
      return; // the second run: its tests leak nothing
    }
    // A daemon in a session of its own (setsid), whose leader has exited.
    // (61.5 marks this build's processes for verify.groovy.)
    String daemon = "" + ShellLeaks.daemon("61.5").pid();
    long jvm = ProcessHandle.current().pid();
    Facts.write("DaemonTest", "jvm", "" + jvm, "daemon", daemon);
    // As the OOM killer would: no shutdown hook runs, no report is finished.
    new ProcessBuilder("kill", "-KILL", "" + jvm).start();
    Thread.sleep(60_000);
    fail("SIGKILL did not arrive");
  }
}
