package demo;

import static org.junit.Assert.assertEquals;

import dev.procleak.it.fixtures.Facts;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.Test;

/**
 * Run by surefire-junit47 with parallel=methods: the three tests run at once (the barrier), each
 * with a child running; only lingers() leaves its child behind, and only it is named.
 */
public class ParallelJunit47Test {
    private static final CyclicBarrier ALL_RUNNING = new CyclicBarrier(3);

    @Test
    public void lingers() throws Exception {
        Process child = new ProcessBuilder("sleep", "67.2").start();
        ALL_RUNNING.await(60, TimeUnit.SECONDS);
        Facts.write("ParallelJunit47Test", "jvm47", "" + ProcessHandle.current().pid(),
                "lingering", "" + child.pid(), "lingersThread", Thread.currentThread().getName());
    }

    @Test
    public void cleanOne() throws Exception {
        waitsForItsChild();
    }

    @Test
    public void cleanTwo() throws Exception {
        waitsForItsChild();
    }

    private static void waitsForItsChild() throws Exception {
        Process child = new ProcessBuilder("sleep", "30").start();
        ALL_RUNNING.await(60, TimeUnit.SECONDS);
        child.destroy();
        assertEquals(143, child.waitFor());
    }
}
