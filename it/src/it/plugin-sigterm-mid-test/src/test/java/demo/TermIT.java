package demo;

import static org.junit.jupiter.api.Assertions.fail;

import dev.procleak.it.fixtures.Facts;
import dev.procleak.it.fixtures.ShellLeaks;
import org.junit.jupiter.api.Test;

class TermIT {

  @Test
  void daemonThenSigterm() throws Exception {
    // A daemon in a session of its own (setsid), whose leader has exited.
    // (61.1 marks this build's processes for verify.groovy.)
    String daemon = "" + ShellLeaks.daemon("61.1").pid();
    long jvm = ProcessHandle.current().pid();
    Facts.write("TermIT", "jvm", "" + jvm, "daemon", daemon);
    // As a CI cancel or Surefire's own shutdown would: the JVM runs its shutdown hooks and exits.
    new ProcessBuilder("kill", "-TERM", "" + jvm).start();
    Thread.sleep(60_000);
    fail("SIGTERM did not end the JVM");
  }
}
