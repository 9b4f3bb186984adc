package demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.procleak.it.fixtures.Facts;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TermIT {

  @Test
  void daemonThenSigterm() throws Exception {
    // setsid -f: a double-forked daemon in a session of its own, which no process group signal
    // reaches. (61.1 marks this build's processes for verify.groovy.)
    Path pidFile = Path.of("target", "daemon.pid").toAbsolutePath();
    Process setsid = new ProcessBuilder(
        "setsid", "-f", "sh", "-c", "sleep 61.1 >/dev/null 2>&1 & echo $! > " + pidFile + ".tmp && mv " + pidFile + ".tmp " + pidFile)
        .start();
    assertEquals(0, setsid.waitFor());
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (!Files.exists(pidFile) && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    String daemon = Files.readString(pidFile).trim();
    long jvm = ProcessHandle.current().pid();
    Facts.write("TermIT", "jvm", "" + jvm, "daemon", daemon);
    // As a CI cancel or Surefire's own shutdown would: the JVM runs its shutdown hooks and exits.
    new ProcessBuilder("kill", "-TERM", "" + jvm).start();
    Thread.sleep(60_000);
    fail("SIGTERM did not end the JVM");
  }
}
