package demo;

import dev.procleak.it.fixtures.Facts;
import java.util.Arrays;
import java.util.Collection;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;

/** The second run leaks: JUnit 4 names it sleeps[1], procleak demo.ParameterizedJunit4Test.sleeps()[1]. */
@RunWith(Parameterized.class)
public class ParameterizedJunit4Test {
    private final String seconds;

    public ParameterizedJunit4Test(String seconds) {
        this.seconds = seconds;
    }

    @Parameterized.Parameters
    public static Collection<Object[]> seconds() {
        return Arrays.asList(new Object[] {"0.01"}, new Object[] {"67.11"});
    }

    @Test
    public void sleeps() throws Exception {
        String orphan = Junit4Test.orphan("sleep " + seconds);
        if (!seconds.equals("0.01")) {
            Facts.write("ParameterizedJunit4Test", "parameterizedOrphan", orphan);
        }
    }
}
