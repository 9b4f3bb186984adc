package demo;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.procleak.it.fixtures.Facts;
import dev.procleak.it.fixtures.ShellLeaks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DaemonTest {

  @Test
  void leavesADaemonThenKillsTheBuild() throws Exception {
    if (!Boolean.getBoolean("first")) {
      return; // the second build: its tests leak nothing
    }
    // A daemon in a session of its own (setsid), whose leader has exited.
    // (61.2 marks this build's processes for verify.groovy.)
    String daemon = "" + ShellLeaks.daemon("61.2").pid();
    long jvm = ProcessHandle.current().pid();
    long maven = maven().orElseThrow(() -> new AssertionError("no Maven JVM above " + jvm));
    Facts.write("DaemonTest", "jvm", "" + jvm, "daemon", daemon, "maven", "" + maven);
    // As a cancelled CI job or the OOM killer would: neither JVM runs another line.
    new ProcessBuilder("kill", "-KILL", "" + maven, "" + jvm).start();
    Thread.sleep(60_000);
    fail("SIGKILL did not arrive");
  }

  /** The JVM that runs Maven: the nearest ancestor launched through plexus-classworlds. */
  private static Optional<Long> maven() throws Exception {
    for (ProcessHandle parent = ProcessHandle.current().parent().orElse(null);
        parent != null;
        parent = parent.parent().orElse(null)) {
      Path cmdline = Path.of("/proc", Long.toString(parent.pid()), "cmdline");
      String command = new String(Files.readAllBytes(cmdline), StandardCharsets.UTF_8);
      if (command.contains("org.codehaus.plexus.classworlds.launcher.Launcher")) {
        assertTrue(command.startsWith("/") || command.contains("java"), command);
        return Optional.of(parent.pid());
      }
    }
    return Optional.empty();
  }
}
