package demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.procleak.it.fixtures.Facts;
import dev.procleak.it.fixtures.ShellLeaks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConcurrentTest {

  @Test
  void aSecondBuildOfThisProjectRunsBesideThisOne() throws Exception {
    if (Boolean.getBoolean("second")) {
      return; // the second build: its tests leak nothing
    }
    // A daemon in a session of its own (setsid), whose leader has exited.
    // (61.4 marks this build's processes for verify.groovy.)
    long daemon = ShellLeaks.daemon("61.4").pid();
    ProcessHandle running = ProcessHandle.of(daemon).orElseThrow();
    Optional<java.time.Instant> started = running.info().startInstant();

    Path log = Path.of("target", "second-build.log").toAbsolutePath();
    Process second = new ProcessBuilder(
            Path.of(System.getProperty("mavenHome"), "bin", "mvn").toString(),
            "-B", "-o",
            "-Dmaven.repo.local=" + System.getProperty("localRepository"),
            // Offline, without this build's settings: take what this build resolved from
            // whichever repository it came.
            "-Daether.enhancedLocalRepository.trackingFilename=none",
            "-DbuildDirectory=" + Path.of("target", "second").toAbsolutePath(),
            "-Dsecond=true",
            "verify")
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    assertTrue(second.waitFor(5, TimeUnit.MINUTES), "the second build did not end");
    String output = Files.readString(log);
    Facts.write("ConcurrentTest", "daemon", "" + daemon, "secondBuildExit", "" + second.exitValue());
    assertEquals(0, second.exitValue(), output);
    assertTrue(output.contains("BUILD SUCCESS"), output);
    assertFalse(output.contains("an earlier build of this project"), output);

    // The second build left this build's daemon alone: the same process, still running.
    ProcessHandle after = ProcessHandle.of(daemon).orElseThrow(() -> new AssertionError("gone"));
    assertTrue(after.isAlive());
    assertEquals(started, after.info().startInstant());
    Facts.write("ConcurrentTest", "daemon", "" + daemon, "secondBuildExit", "0", "daemonAliveAfterSecond", "" + daemon);
    // This build's own: stopped here, by pid and start, so that this build passes.
    after.destroy();
    after.onExit().get(30, TimeUnit.SECONDS);
  }
}
