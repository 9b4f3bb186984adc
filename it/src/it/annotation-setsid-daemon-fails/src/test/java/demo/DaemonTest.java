package demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.procleak.it.fixtures.Facts;
import dev.procleak.junit.DetectProcessLeaks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

@DetectProcessLeaks
class DaemonTest {

  @Test
  void daemon() throws Exception {
    // setsid -f forks and exits at once; its child starts a new session and becomes a shell,
    // which starts the daemon in the background and exits too: a double fork.
    // (60.3 marks this build's processes for verify.groovy.)
    Process setsid = new ProcessBuilder("setsid", "-f", "sh", "-c", "sleep 60.3 >/dev/null 2>&1 &").start();
    assertEquals(0, setsid.waitFor());

    // Return only once the daemon runs and both its ancestors are gone.
    long daemon = 0;
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (System.nanoTime() < deadline && daemon == 0) {
      daemon = ProcessHandle.allProcesses()
          .filter(p -> p.info().commandLine().filter(c -> c.endsWith("sleep 60.3")).isPresent())
          .filter(p -> p.parent().flatMap(parent -> stat(parent.pid())).map(s -> !s.startsWith("(sh)")
              && !s.startsWith("(setsid)")).orElse(true))
          .mapToLong(ProcessHandle::pid).findFirst().orElse(0);
      Thread.sleep(10);
    }
    assertNotEquals(0, daemon, "the daemon did not appear");
    assertNotEquals(session(ProcessHandle.current().pid()), session(daemon), "the daemon is in a session of its own");
    Facts.write("DaemonTest", "jvm", "" + ProcessHandle.current().pid(), "daemon", "" + daemon);
  }

  /** /proc/PID/stat from the command name on, as "(name) state ppid pgrp session ...". */
  static Optional<String> stat(long pid) {
    try {
      String text = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      return Optional.of(text.substring(text.indexOf('(')));
    } catch (IOException gone) {
      return Optional.empty();
    }
  }

  static long session(long pid) {
    String stat = stat(pid).orElseThrow();
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(fields[3]); // state, ppid, pgrp, session
  }
}
