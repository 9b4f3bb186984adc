package demo;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import dev.procleak.it.fixtures.Facts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;

/** JUnit 4 only, no procleak dependency: the plugin's agent watches through RunNotifier. */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class Junit4Test {

    @Test
    public void a_leaks() throws Exception {
        // The shell exits at once; its background job lives on, orphaned.
        // (67.1 marks this build's processes for verify.groovy.)
        Facts.write("Junit4Test-leaks", "jvm", "" + ProcessHandle.current().pid(), "orphan", orphan("sleep 67.1"));
    }

    @Test
    public void b_clean() throws Exception {
        assertEquals(0, new ProcessBuilder("sh", "-c", "seq 100 | wc -l").start().waitFor());
    }

    /** Set by c_leaksBriefly, for d_findsTheBriefOrphanGone. */
    private static volatile String briefOrphan;

    /**
     * Still running when the test ends, gone long before the JVM: only a scope of this test
     * sees it (the whole JVM's scope would not, once it finished).
     */
    @Test
    public void c_leaksBriefly() throws Exception {
        briefOrphan = orphan("sleep 3.7");
        Facts.write("Junit4Test-briefly", "briefOrphan", briefOrphan);
    }

    /** The brief orphan is gone while the JVM still runs: procleak ended it with its test. */
    @Test
    public void d_findsTheBriefOrphanGone() throws Exception {
        Path proc = Path.of("/proc", briefOrphan);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (Files.exists(proc) && System.nanoTime() < deadline) {
            Thread.sleep(20); // polling, with a deadline
        }
        assertFalse("the brief orphan still runs: " + briefOrphan, Files.exists(proc));
    }

    static String orphan(String command) throws Exception {
        Process shell = new ProcessBuilder("sh", "-c", command + " >/dev/null 2>&1 & echo $!").start();
        String orphan = new String(shell.getInputStream().readAllBytes()).trim();
        assertEquals(0, shell.waitFor());
        return orphan;
    }
}
