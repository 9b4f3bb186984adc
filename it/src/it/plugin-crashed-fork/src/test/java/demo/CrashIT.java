package demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CrashIT {

  @Test
  void orphanThenCrash() throws Exception {
    // (60.8 marks this build's processes for verify.groovy.)
    Process shell = new ProcessBuilder("sh", "-c", "sleep 60.8 >/dev/null 2>&1 & echo $!").start();
    String orphan = new String(shell.getInputStream().readAllBytes()).trim();
    assertEquals(0, shell.waitFor());
    facts("jvm", "" + ProcessHandle.current().pid(), "orphan", orphan);
    // No shutdown hook, no listener, no report: as if the JVM crashed.
    Runtime.getRuntime().halt(1);
  }

  /** Tells verify.groovy what this test knows, independently of procleak's report. */
  static void facts(String... keysAndValues) throws java.io.IOException {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      text.append(keysAndValues[i]).append('=').append(keysAndValues[i + 1]).append('\n');
    }
    java.nio.file.Path file = java.nio.file.Path.of("target", "facts-" + CrashIT.class.getSimpleName() + ".properties");
    java.nio.file.Files.writeString(file, text);
  }
}
