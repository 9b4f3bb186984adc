package demo;

import static org.junit.Assert.assertEquals;

import dev.procleak.it.fixtures.Facts;
import org.junit.BeforeClass;
import org.junit.Test;

/** What @BeforeClass leaks is the class's, as on the Platform: JUnit 4.13 tells the class's start and end. */
public class ClassLeakJunit4Test {

    @BeforeClass
    public static void startsAServerItNeverStops() throws Exception {
        Facts.write("ClassLeakJunit4Test", "classOrphan", Junit4Test.orphan("sleep 67.13"));
    }

    @Test
    public void clean() throws Exception {
        assertEquals(0, new ProcessBuilder("true").start().waitFor());
    }
}
