package demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.procleak.it.fixtures.Facts;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** No subreaper: both daemons leave the test JVM's tree at once (setsid -f forks them off). */
class DaemonTest {

  @Test
  void startsDaemons() throws Exception {
    // (66.4 and 66.5 mark this build's processes.) The first daemon's command line holds
    // "ignored-daemon-66", which procleak.ignore names: it and its child are spared.
    String[] ignored = daemon("ignored", "sleep 66.4", "ignored-daemon-66");
    String[] other = daemon("other", "sleep 66.5", "plain-daemon");
    Facts.write("DaemonTest", "jvm", "" + ProcessHandle.current().pid(),
        "ignoredShell", ignored[0], "ignoredChild", ignored[1], "otherShell", other[0], "otherChild", other[1]);
  }

  /** A shell in a session of its own, waiting for its child: its pid and its child's. */
  private static String[] daemon(String name, String child, String arg0) throws Exception {
    Path pids = Path.of("target", name + ".pids").toAbsolutePath();
    Process setsid = new ProcessBuilder("setsid", "-f", "sh", "-c",
        child + " >/dev/null 2>&1 & echo $$ $! > " + pids + ".tmp && mv " + pids + ".tmp " + pids + "; wait", arg0)
        .start();
    assertEquals(0, setsid.waitFor());
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (!Files.exists(pids) && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    return Files.readString(pids).trim().split(" ");
  }
}
