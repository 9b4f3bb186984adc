package demo;

import static org.junit.jupiter.api.Assertions.fail;

import dev.procleak.it.fixtures.Facts;
import dev.procleak.it.fixtures.MavenProcess;
import dev.procleak.it.fixtures.ShellLeaks;
import org.junit.jupiter.api.Test;

class DaemonTest {

  @Test
  void leavesADaemonThenKillsTheBuild() throws Exception {
    if (!Boolean.getBoolean("first")) {
      return; // the second build: its tests leak nothing
    }
    // A daemon in a session of its own (setsid), whose leader has exited.
    // (61.3 marks this build's processes for verify.groovy.)
    String daemon = "" + ShellLeaks.daemon("61.3").pid();
    long jvm = ProcessHandle.current().pid();
    long maven = MavenProcess.pid();
    Facts.write("DaemonTest", "jvm", "" + jvm, "daemon", daemon, "maven", "" + maven);
    // As a cancelled CI job or the OOM killer would: neither JVM runs another line.
    new ProcessBuilder("kill", "-KILL", "" + maven, "" + jvm).start();
    Thread.sleep(60_000);
    fail("SIGKILL did not arrive");
  }
}
