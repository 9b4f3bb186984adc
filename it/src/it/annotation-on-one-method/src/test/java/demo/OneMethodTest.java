package demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.procleak.it.fixtures.Facts;
import dev.procleak.junit.DetectProcessLeaks;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The annotation is on one method: only that one is checked. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OneMethodTest {

  @Test
  @Order(1)
  void unchecked() throws Exception {
    // Leaks too, but is not checked: it must pass, and not be blamed on checked() either.
    // (62.5 marks this build's processes for verify.groovy.)
    Process shell = new ProcessBuilder("sh", "-c", "sleep 62.5 >/dev/null 2>&1 & echo $!").start();
    String orphan = new String(shell.getInputStream().readAllBytes()).trim();
    assertEquals(0, shell.waitFor());
    Facts.write("unchecked", "jvm", "" + ProcessHandle.current().pid(), "unchecked", orphan);
  }

  @Test
  @Order(2)
  @DetectProcessLeaks
  void checked() throws Exception {
    // (60.5 marks this build's processes for verify.groovy.)
    Process shell = new ProcessBuilder("sh", "-c", "sleep 60.5 >/dev/null 2>&1 & echo $!").start();
    String orphan = new String(shell.getInputStream().readAllBytes()).trim();
    assertEquals(0, shell.waitFor());
    Facts.write("checked", "jvm", "" + ProcessHandle.current().pid(), "checked", orphan);
  }
}
