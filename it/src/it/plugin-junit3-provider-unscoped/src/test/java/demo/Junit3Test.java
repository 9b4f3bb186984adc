package demo;

import dev.procleak.it.fixtures.Facts;
import junit.framework.TestCase;

/** JUnit 3: no test of it is a scope; the orphan is named after the whole test JVM. */
public class Junit3Test extends TestCase {

    public void testLeaks() throws Exception {
        // (67.5 marks this build's processes for verify.groovy.)
        Process shell = new ProcessBuilder("sh", "-c", "sleep 67.5 >/dev/null 2>&1 & echo $!").start();
        String orphan = new String(shell.getInputStream().readAllBytes()).trim();
        assertEquals(0, shell.waitFor());
        Facts.write("Junit3Test", "jvm", "" + ProcessHandle.current().pid(), "orphan", orphan);
    }
}
