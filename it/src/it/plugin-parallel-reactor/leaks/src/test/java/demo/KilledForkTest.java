package demo;

import static org.junit.jupiter.api.Assertions.fail;

import dev.procleak.it.fixtures.Facts;
import dev.procleak.it.fixtures.ShellLeaks;
import org.junit.jupiter.api.Test;

class KilledForkTest {

  @Test
  void daemonThenSigkill() throws Exception {
    // A daemon in a session of its own (setsid), whose leader has exited.
    // (63.5 marks this build's processes for verify.groovy.)
    String daemon = "" + ShellLeaks.daemon("63.5").pid();
    long jvm = ProcessHandle.current().pid();
    Facts.write("KilledForkTest", "jvm", "" + jvm, "daemon", daemon);
    // As the OOM killer or a CI timeout would: no shutdown hook runs, no report is finished.
    new ProcessBuilder("kill", "-KILL", "" + jvm).start();
    Thread.sleep(60_000);
    fail("SIGKILL did not arrive");
  }
}
