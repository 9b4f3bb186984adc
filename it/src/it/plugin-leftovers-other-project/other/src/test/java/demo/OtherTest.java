package demo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.procleak.it.fixtures.Facts;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class OtherTest {

  /** Another project's daemon, left by a build that is over, still runs: not this build's to stop. */
  @Test
  void theOtherProjectsDaemonStillRuns() throws Exception {
    long daemon = Long.parseLong(Files.readString(Path.of("..", "killed", "target", "daemon.pid")).trim());
    assertTrue(ProcessHandle.of(daemon).map(ProcessHandle::isAlive).orElse(false), "pid " + daemon);
    Facts.write("OtherTest", "daemonAliveDuringOther", "" + daemon);
  }
}
