package dev.procleak.core.report.html;

import dev.procleak.core.leak.Leak;
import dev.procleak.core.leak.LeakKind;
import dev.procleak.core.scan.ProcessId;
import java.util.List;

/** Leaks as a real run reports them, and a command line that tries to break out of the page. */
final class SampleLeaks {
  static final long JVM = 24635;
  static final String HOSTILE = "sh -c 'echo \"<script>document.title=\\\"pwned\\\"</script>\" & sleep 5'";

  private SampleLeaks() {}

  static List<Leak> all() {
    String helper = "com.example.ReportGeneratorTest.rendersWithAHelperThatNeverWaits()";
    String indexer = "com.example.ReportGeneratorTest.startsABackgroundIndexer()";
    String python = "com.example.PythonBridgeTest";
    return List.of(
        new Leak(LeakKind.LINGERING, id(24667), "sleep 30", JVM, LeakTrees.TEST_JVM, helper, "terminated by SIGTERM"),
        new Leak(LeakKind.ZOMBIE, id(24668), "sleep", 24667, "sleep 30", helper,
            "reaped after its parent was killed: exited with code 0"),
        new Leak(LeakKind.ORPHAN, id(24672), "sleep 60", JVM, LeakTrees.TEST_JVM, indexer,
            "terminated by SIGTERM; reaped: killed by signal 15"),
        new Leak(LeakKind.ZOMBIE, id(24701), "convert", 24690, "/usr/bin/python3 bridge.py --workers 2", python,
            "left running: procleak.cleanup=false"),
        new Leak(LeakKind.ZOMBIE, id(24702), "convert", 24690, "/usr/bin/python3 bridge.py --workers 2", python,
            "left running: procleak.cleanup=false"),
        new Leak(LeakKind.LINGERING, id(24710), HOSTILE, JVM, LeakTrees.TEST_JVM, python,
            "left running: procleak.cleanup=false"),
        new Leak(LeakKind.ORPHAN, id(24800), "sleep 90", 1, "/sbin/init", "the test JVM, found still running after it exited",
            "terminated by SIGTERM"));
  }

  private static ProcessId id(long pid) {
    return new ProcessId(pid, 1000 + pid);
  }
}
