package demo;

import dev.procleak.it.fixtures.Facts;
import junit.framework.TestCase;

/**
 * A JUnit 3 test, run by surefire-junit4 since JUnit 4 is there: JUnit 4 tells its start and end
 * through RunNotifier too, each time with a new Description.
 */
public class Junit3StyleTest extends TestCase {

    public void testLeaks() throws Exception {
        Facts.write("Junit3StyleTest", "junit3StyleOrphan", Junit4Test.orphan("sleep 67.12"));
    }

    public void testClean() throws Exception {
        assertEquals(0, new ProcessBuilder("true").start().waitFor());
    }
}
