package demo;

import static org.junit.Assert.assertEquals;

import dev.procleak.it.fixtures.Facts;
import org.junit.Test;

/** JUnit 4 under Failsafe, no procleak dependency: the plugin's agent watches. */
public class LeakIT {

    @Test
    public void leaks() throws Exception {
        // The shell exits at once; its background job lives on, orphaned.
        // (67.4 marks this build's processes for verify.groovy.)
        Process shell = new ProcessBuilder("sh", "-c", "sleep 67.4 >/dev/null 2>&1 & echo $!").start();
        String orphan = new String(shell.getInputStream().readAllBytes()).trim();
        assertEquals(0, shell.waitFor());
        Facts.write("LeakIT", "jvm", "" + ProcessHandle.current().pid(), "orphan", orphan);
    }

    @Test
    public void clean() throws Exception {
        assertEquals(0, new ProcessBuilder("sh", "-c", "seq 100 | wc -l").start().waitFor());
    }
}
