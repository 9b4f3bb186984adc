package demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.procleak.it.fixtures.Facts;
import dev.procleak.junit.DetectProcessLeaks;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

@DetectProcessLeaks
class EscapingTest {

  @Test
  void escapes() throws Exception {
    // (64.1 and 64.2 mark this build's processes for verify.groovy.)
    Path pidFile = Path.of("target", "daemon.pid").toAbsolutePath();
    Process setsid = new ProcessBuilder(
        "setsid", "-f", "sh", "-c", "sleep 64.1 >/dev/null 2>&1 & echo $! > " + pidFile + ".tmp && mv " + pidFile + ".tmp " + pidFile)
        .start();
    assertEquals(0, setsid.waitFor());
    // A builder that touches environment(): its child gets the JDK's copy of the environment.
    ProcessBuilder shell = new ProcessBuilder("sh", "-c", "sleep 64.2 >/dev/null 2>&1 & echo $!");
    shell.environment().put("DEMO", "1");
    Process started = shell.start();
    String orphan = new String(started.getInputStream().readAllBytes()).trim();
    assertEquals(0, started.waitFor());
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (!Files.exists(pidFile) && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    String daemon = Files.readString(pidFile).trim();
    long jvm = ProcessHandle.current().pid();
    // No subreaper: both went to init (or whatever reaper is above the build), out of this JVM's tree.
    for (String pid : new String[] {daemon, orphan}) {
      while (ProcessHandle.of(Long.parseLong(pid)).flatMap(ProcessHandle::parent).map(p -> p.pid() != 1 && isOurs(p.pid(), jvm)).orElse(false)
          && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertTrue(ProcessHandle.of(Long.parseLong(pid)).flatMap(ProcessHandle::parent).map(p -> !isOurs(p.pid(), jvm)).orElse(false),
          "pid " + pid + " left the test JVM's tree");
    }
    Facts.write("EscapingTest", "jvm", "" + jvm, "daemon", daemon, "orphan", orphan);
  }

  /** Whether pid is the JVM or below it. */
  private static boolean isOurs(long pid, long jvm) {
    for (ProcessHandle p = ProcessHandle.of(pid).orElse(null); p != null; p = p.parent().orElse(null)) {
      if (p.pid() == jvm) {
        return true;
      }
    }
    return false;
  }
}
