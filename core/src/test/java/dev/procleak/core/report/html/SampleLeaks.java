package dev.procleak.core.report.html;

import dev.procleak.core.model.Ancestor;
import dev.procleak.core.model.CleanupOutcome;
import dev.procleak.core.model.CleanupOutcome.Action;
import dev.procleak.core.model.Leak;
import dev.procleak.core.model.LeakKind;
import dev.procleak.core.model.ScopeKind;
import dev.procleak.core.model.ScopeName;
import dev.procleak.core.os.WaitStatus;
import dev.procleak.core.report.LeakReport;
import dev.procleak.core.scan.ProcessId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A module's report as a real run makes one: two test JVMs (forks), a zombie under a lingering
 * culprit, an orphan, a culprit started before its scope, a leak below another JVM the test
 * started, a survivor adopted by init, and a command line that tries to break out of the page.
 */
final class SampleLeaks {
  static final long JVM = 24635;
  static final long SECOND_JVM = 24900;
  static final Instant FOUND = Instant.parse("2026-11-23T01:02:03Z");
  static final String HOSTILE =
      "sh -c 'echo \"<script>document.title=\\\"pwned\\\"</script>\" & sleep 5'"
          + " \u0001\u001b[31mred\nline \uDCFF";
  static final String WORKER = "/usr/lib/jvm/java-17/bin/java -cp worker.jar com.example.Worker";

  private SampleLeaks() {}

  static LeakReport report() {
    return new LeakReport(
        "report-generator",
        FOUND,
        List.of(new LeakReport.TestJvm(JVM, true, 12), new LeakReport.TestJvm(SECOND_JVM, true, 5)),
        all());
  }

  static List<Leak> all() {
    ScopeName helper =
        ScopeName.method(
            "com.example.ReportGeneratorTest", "rendersWithAHelperThatNeverWaits()", "");
    ScopeName indexer =
        ScopeName.method("com.example.ReportGeneratorTest", "startsABackgroundIndexer()", "");
    ScopeName python = ScopeName.of("com.example.PythonBridgeTest");
    ScopeName worker = ScopeName.method("com.example.WorkerTest", "startsAWorkerJvm()", "");
    Ancestor jvm = Ancestor.testJvm(JVM);
    Ancestor pythonBridge = Ancestor.process(24690, "/usr/bin/python3 bridge.py --workers 2");
    CleanupOutcome left = CleanupOutcome.of(Action.LEFT_RUNNING_CLEANUP_DISABLED);
    return List.of(
        leak(
            LeakKind.LINGERING,
            24667,
            "sleep 30",
            ScopeKind.TEST,
            helper,
            CleanupOutcome.of(Action.TERMINATED_BY_SIGTERM),
            jvm),
        leak(
            LeakKind.ZOMBIE,
            24668,
            "sleep",
            ScopeKind.TEST,
            helper,
            new CleanupOutcome(Action.REAPED_AFTER_PARENT_KILLED, new WaitStatus(0)),
            Ancestor.process(24667, "sleep 30"),
            jvm),
        leak(
            LeakKind.ORPHAN,
            24672,
            "sleep 60",
            ScopeKind.TEST,
            indexer,
            new CleanupOutcome(Action.TERMINATED_BY_SIGTERM, new WaitStatus(15)),
            jvm),
        leak(LeakKind.ZOMBIE, 24701, "convert", ScopeKind.CLASS, python, left, pythonBridge, jvm),
        leak(LeakKind.ZOMBIE, 24702, "convert", ScopeKind.CLASS, python, left, pythonBridge, jvm),
        leak(LeakKind.LINGERING, 24710, HOSTILE, ScopeKind.CLASS, python, left, jvm),
        leak(
            LeakKind.LINGERING,
            24950,
            "sleep 600",
            ScopeKind.TEST,
            worker,
            CleanupOutcome.of(Action.KILLED_BY_SIGKILL),
            Ancestor.process(24930, WORKER),
            Ancestor.testJvm(SECOND_JVM)),
        leak(
            LeakKind.ORPHAN,
            24800,
            "sleep 90",
            ScopeKind.SURVIVOR,
            ScopeName.of("the test JVM, found still running after it exited"),
            CleanupOutcome.of(Action.TERMINATED_BY_SIGTERM),
            Ancestor.process(1, "/sbin/init")));
  }

  private static Leak leak(
      LeakKind kind,
      long pid,
      String command,
      ScopeKind scopeKind,
      ScopeName scope,
      CleanupOutcome outcome,
      Ancestor... ancestors) {
    Duration age = Duration.ofMillis(300 + pid % 1000);
    return new Leak(
        kind,
        new ProcessId(pid, 1000 + pid),
        command,
        List.of(ancestors),
        scopeKind,
        scope,
        FOUND.minus(age),
        age,
        outcome);
  }
}
