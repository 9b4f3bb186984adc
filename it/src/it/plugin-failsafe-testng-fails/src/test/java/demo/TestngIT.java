package demo;

import static org.testng.Assert.assertEquals;

import dev.procleak.it.fixtures.Facts;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

/** TestNG only, no procleak dependency: the plugin's agent watches through TestNG's listener. */
public class TestngIT {

    @Test
    public void leaks() throws Exception {
        // (67.6 marks this build's processes for verify.groovy.)
        Facts.write("TestngIT-leaks", "jvm", "" + ProcessHandle.current().pid(), "orphan", orphan("sleep 67.6"));
    }

    @Test
    public void clean() throws Exception {
        assertEquals(new ProcessBuilder("sh", "-c", "seq 100 | wc -l").start().waitFor(), 0);
    }

    @DataProvider
    public Object[][] seconds() {
        return new Object[][] {{"0.01"}, {"67.61"}, {"0.02"}};
    }

    /** Only the second invocation leaks: demo.TestngIT.sleeps(String)[2]. */
    @Test(dataProvider = "seconds")
    public void sleeps(String seconds) throws Exception {
        String orphan = orphan("sleep " + seconds);
        if (seconds.equals("67.61")) {
            Facts.write("TestngIT-sleeps", "dataOrphan", orphan);
        }
    }

    private static String orphan(String command) throws Exception {
        Process shell = new ProcessBuilder("sh", "-c", command + " >/dev/null 2>&1 & echo $!").start();
        String orphan = new String(shell.getInputStream().readAllBytes()).trim();
        assertEquals(shell.waitFor(), 0);
        return orphan;
    }
}
