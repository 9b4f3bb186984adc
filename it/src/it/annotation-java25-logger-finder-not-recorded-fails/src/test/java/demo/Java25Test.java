package demo;

import dev.procleak.it.fixtures.Facts;
import dev.procleak.testsupport.processes.Poll;
import dev.procleak.testsupport.processes.ProcessIdentity;
import dev.procleak.junit.DetectProcessLeaks;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import org.junit.jupiter.api.Test;

@DetectProcessLeaks
class Java25Test {

  @Test
  void leaksAZombie() throws Exception {
    // The shell never waits for its background job: a zombie below a lingering culprit.
    // 65.3 marks this build's processes for verify.groovy.
    Process shell = new ProcessBuilder("sh", "-c", "sleep 0.2 & echo $!; exec sleep 65.3").start();
    long zombie = Long.parseLong(new BufferedReader(new InputStreamReader(shell.getInputStream())).readLine().trim());
    if (!Poll.until(Poll.TIMEOUT, () -> ProcessIdentity.stat(zombie).filter(s -> s.state() == 'Z').isPresent())) {
      throw new AssertionError("pid " + zombie + " never became a zombie");
    }
    Facts.write(
        "finder",
        "jvm", "" + ProcessHandle.current().pid(),
        "culprit", "" + shell.pid(),
        "zombie", "" + zombie,
        "feature", "" + Runtime.version().feature());
    if (!System.LoggerFinder.getLoggerFinder().getClass().getName().startsWith("org.slf4j.")) {
      throw new AssertionError("not SLF4J's: " + System.LoggerFinder.getLoggerFinder());
    }
  }
}
