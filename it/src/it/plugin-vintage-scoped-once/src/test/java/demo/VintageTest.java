package demo;

import static org.junit.Assert.assertEquals;

import dev.procleak.it.fixtures.Facts;
import org.junit.Test;

/** JUnit 4 on the JUnit Platform (Vintage), no procleak dependency: the plugin's agent watches. */
public class VintageTest {

    @Test
    public void leaks() throws Exception {
        // The shell exits at once; its background job lives on, orphaned.
        // (67.6 marks this build's processes for verify.groovy.)
        Process shell = new ProcessBuilder("sh", "-c", "sleep 67.6 >/dev/null 2>&1 & echo $!").start();
        String orphan = new String(shell.getInputStream().readAllBytes()).trim();
        assertEquals(0, shell.waitFor());
        Facts.write("VintageTest", "jvm", "" + ProcessHandle.current().pid(), "orphan", orphan);
    }

    @Test
    public void clean() throws Exception {
        assertEquals(0, new ProcessBuilder("sh", "-c", "seq 100 | wc -l").start().waitFor());
    }
}
