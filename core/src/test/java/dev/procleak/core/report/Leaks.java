package dev.procleak.core.report;

import dev.procleak.core.model.Ancestor;
import dev.procleak.core.model.CleanupOutcome;
import dev.procleak.core.model.CleanupOutcome.Action;
import dev.procleak.core.model.Leak;
import dev.procleak.core.model.LeakKind;
import dev.procleak.core.model.ScopeKind;
import dev.procleak.core.model.ScopeName;
import dev.procleak.core.origin.JavaStart;
import dev.procleak.core.origin.Origin;
import dev.procleak.core.os.WaitStatus;
import dev.procleak.core.scan.Holdings;
import dev.procleak.core.scan.ProcessId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Made-up leaks for the report tests: the JVM is pid 10, the scope {@code a.B.c()}. */
final class Leaks {
  static final Instant FOUND = Instant.parse("2026-11-23T01:02:03.456Z");
  static final Ancestor JVM = Ancestor.testJvm(10);
  static final ScopeName TEST = ScopeName.method("a.B", "c()", "");

  private Leaks() {}

  static Leak leak(
      LeakKind kind,
      long pid,
      String command,
      Duration age,
      CleanupOutcome outcome,
      Ancestor... ancestors) {
    return new Leak(
        kind,
        new ProcessId(pid, 1000 + pid),
        command,
        List.of(ancestors),
        ScopeKind.TEST,
        TEST,
        FOUND.minus(age),
        age,
        outcome);
  }

  /**
   * The orphan, reported by {@code a.B.c()}, the last to end of the two tests that ran while it
   * started, {@code a.B.a()} and {@code a.B.c()}.
   */
  static Leak ambiguousOrphan() {
    Leak orphan = orphan();
    return new Leak(
        orphan.kind(),
        orphan.process(),
        orphan.command(),
        orphan.ancestors(),
        orphan.scopeKind(),
        orphan.scope(),
        orphan.startedAt(),
        orphan.age(),
        orphan.outcome(),
        List.of("a.B.a()", TEST.display()));
  }

  /** An orphan of a test JVM, found still running after the JVM exited, and left running. */
  static Leak survivor() {
    return new Leak(
        LeakKind.ORPHAN,
        new ProcessId(31, 5),
        "sleep 60",
        List.of(Ancestor.process(1, "/sbin/init")),
        ScopeKind.SURVIVOR,
        ScopeName.of("the test JVM, found still running after it exited"),
        null,
        null,
        CleanupOutcome.of(Action.LEFT_RUNNING_CLEANUP_DISABLED));
  }

  /** What an earlier build's test left, found and stopped when this build began. */
  static Leak leftover() {
    return new Leak(
            LeakKind.ORPHAN,
            new ProcessId(4321, 11),
            "sleep 61.2 <&\u0001>",
            List.of(Ancestor.process(1, "/sbin/init")),
            ScopeKind.LEFTOVER,
            ScopeName.method("demo.DaemonTest", "leaves()", ""),
            FOUND.minusSeconds(60),
            Duration.ofSeconds(60),
            CleanupOutcome.of(CleanupOutcome.Action.TERMINATED_BY_SIGTERM))
        .withDetails(
            Origin.recorded(
                new JavaStart(
                    1,
                    4320,
                    FOUND,
                    "setsid -f sh -c 'sleep 61.2'",
                    List.of("demo.DaemonTest.leaves(DaemonTest.java:9)")),
                true),
            null);
  }

  static Leak culprit() {
    return leak(
        LeakKind.LINGERING,
        11,
        "sleep 30",
        Duration.ofMillis(620),
        CleanupOutcome.of(Action.TERMINATED_BY_SIGTERM),
        JVM);
  }

  static Leak zombie() {
    return leak(
        LeakKind.ZOMBIE,
        12,
        "sleep",
        Duration.ofMillis(410),
        new CleanupOutcome(Action.REAPED_AFTER_PARENT_KILLED, new WaitStatus(0)),
        Ancestor.process(11, "sleep 30"),
        JVM);
  }

  static Leak orphan() {
    return leak(
        LeakKind.ORPHAN,
        13,
        "sleep 60",
        Duration.ofMillis(1500),
        new CleanupOutcome(Action.TERMINATED_BY_SIGTERM, new WaitStatus(15)),
        JVM);
  }

  /**
   * The orphan, traced: its shell (pid 9) exited; {@code a.Indexer.start} started that shell from
   * the test; it ran in {@code /work/app} and listened on two sockets.
   */
  static Leak tracedOrphan() {
    return orphan()
        .withDetails(
            Origin.recorded(
                new JavaStart(
                    3,
                    9,
                    FOUND,
                    "sh -c sleep 60 &",
                    List.of(
                        "a.Indexer.start(Indexer.java:12)",
                        "a.Indexer.startAll(Indexer.java:20)",
                        "a.B.c(B.java:9)")),
                true),
            new Holdings(List.of("127.0.0.1:8080", "udp [::]:5353"), "/work/app"));
  }

  /** {@code n} zombies of pid 20, itself a lingering child of the JVM, and that parent first. */
  static List<Leak> horde(int n) {
    List<Leak> leaks = new ArrayList<>();
    leaks.add(
        leak(
            LeakKind.LINGERING,
            20,
            "sh -c spawner",
            Duration.ofSeconds(3),
            CleanupOutcome.of(Action.KILLED_BY_SIGKILL),
            JVM));
    for (int i = 0; i < n; i++) {
      leaks.add(
          leak(
              LeakKind.ZOMBIE,
              100 + i,
              "true",
              Duration.ofSeconds(2),
              new CleanupOutcome(
                  Action.REAPED_AFTER_PARENT_KILLED, new WaitStatus(i % 10 == 0 ? 1 << 8 : 0)),
              Ancestor.process(20, "sh -c spawner"),
              JVM));
    }
    return leaks;
  }
}
