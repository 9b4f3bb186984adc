package demo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.procleak.it.fixtures.Facts;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class OtherTest {

  /** Another project's daemon, left by a build that is over, still runs: not this build's to stop. */
  @Test
  void theOtherProjectsDaemonStillRuns() throws Exception {
    Properties facts = new Properties();
    try (InputStream in = Files.newInputStream(Path.of("..", "killed", "target", "facts-DaemonTest.properties"))) {
      facts.load(in);
    }
    long daemon = Long.parseLong(facts.getProperty("daemon"));
    assertTrue(ProcessHandle.of(daemon).map(ProcessHandle::isAlive).orElse(false), "pid " + daemon);
    Facts.write("OtherTest", "daemonAliveDuringOther", "" + daemon);
  }
}
