package demo;

import static org.junit.Assert.assertEquals;

import dev.procleak.it.fixtures.Facts;
import org.junit.Test;

/** JUnit 4 on the vintage engine; no Jupiter on the class path, no procleak dependency. */
public class VintageTest {

  @Test
  public void leaks() throws Exception {
    // The shell exits at once; its background job lives on, orphaned. (66.1 marks this build.)
    Process shell = new ProcessBuilder("sh", "-c", "sleep 66.1 >/dev/null 2>&1 & echo $!").start();
    String orphan = new String(shell.getInputStream().readAllBytes()).trim();
    assertEquals(0, shell.waitFor());
    boolean jupiter;
    try {
      Class.forName("org.junit.jupiter.api.Test");
      jupiter = true;
    } catch (ClassNotFoundException e) {
      jupiter = false;
    }
    Facts.write("VintageTest", "jvm", "" + ProcessHandle.current().pid(), "orphan", orphan, "jupiter", jupiter ? "1" : "0");
  }

  @Test
  public void clean() throws Exception {
    assertEquals(0, new ProcessBuilder("sh", "-c", "seq 100 | wc -l").start().waitFor());
  }
}
