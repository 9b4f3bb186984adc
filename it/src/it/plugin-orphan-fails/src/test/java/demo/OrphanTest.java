package demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** No annotation, no procleak dependency: only the plugin watches. */
class OrphanTest {

  @Test
  void orphan() throws Exception {
    // The shell exits at once; its background job lives on, orphaned.
    // (60.6 marks this build's processes for verify.groovy.)
    Process shell = new ProcessBuilder("sh", "-c", "sleep 60.6 >/dev/null 2>&1 & echo $!").start();
    String orphan = new String(shell.getInputStream().readAllBytes()).trim();
    assertEquals(0, shell.waitFor());
    facts("jvm", "" + ProcessHandle.current().pid(), "orphan", orphan);
  }

  @Test
  void clean() throws Exception {
    assertEquals(0, new ProcessBuilder("sh", "-c", "seq 100 | wc -l").start().waitFor());
  }

  /** Tells verify.groovy what this test knows, independently of procleak's report. */
  static void facts(String... keysAndValues) throws java.io.IOException {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      text.append(keysAndValues[i]).append('=').append(keysAndValues[i + 1]).append('\n');
    }
    java.nio.file.Path file = java.nio.file.Path.of("target", "facts-" + OrphanTest.class.getSimpleName() + ".properties");
    java.nio.file.Files.writeString(file, text);
  }
}
