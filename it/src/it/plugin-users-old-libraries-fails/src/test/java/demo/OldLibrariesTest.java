package demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.procleak.it.fixtures.Facts;
import dev.procleak.it.fixtures.OwnLibraries;
import java.util.List;
import org.junit.jupiter.api.Test;

/** No annotation, no procleak dependency: the plugin watches a build that brings older JNA, jackson-core and SLF4J. */
class OldLibrariesTest {

  @Test
  void runsOnItsOwnLibraries() throws Exception {
    assertEquals(List.of(
            "jna 5.8.0 jna-5.8.0.jar",
            "jna-platform jna-platform-5.8.0.jar",
            "jackson-core 2.12.7 jackson-core-2.12.7.jar",
            "slf4j-api 1.7.36 slf4j-api-1.7.36.jar",
            "slf4j binding org.slf4j.impl.SimpleLoggerFactory slf4j-simple-1.7.36.jar"),
        OwnLibraries.used());
  }

  @Test
  void orphan() throws Exception {
    // The shell exits at once; its background job lives on, orphaned.
    // (69.2 marks this build's processes for verify.groovy.)
    Process shell = new ProcessBuilder("sh", "-c", "sleep 69.2 >/dev/null 2>&1 & echo $!").start();
    String orphan = new String(shell.getInputStream().readAllBytes()).trim();
    assertEquals(0, shell.waitFor());
    Facts.write("OldLibrariesTest", "jvm", "" + ProcessHandle.current().pid(), "orphan", orphan);
  }
}
