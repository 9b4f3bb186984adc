package dev.procleak.core.report;

import static dev.procleak.core.report.Leaks.JVM;
import static dev.procleak.core.report.Leaks.leak;
import static org.assertj.core.api.Assertions.assertThat;

import dev.procleak.core.model.Ancestor;
import dev.procleak.core.model.CleanupOutcome;
import dev.procleak.core.model.CleanupOutcome.Action;
import dev.procleak.core.model.Leak;
import dev.procleak.core.model.LeakKind;
import dev.procleak.core.origin.JavaStart;
import dev.procleak.core.origin.Origin;
import dev.procleak.core.os.WaitStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LeakMessageTest {

  @Test
  void namesKindPidCommandParentChainAgeAndCleanup() {
    String message =
        LeakMessage.format(
            List.of(Leaks.culprit(), Leaks.zombie()), "To only warn, set procleak.action=warn.");

    assertThat(message.lines())
        .containsExactly(
            "procleak: 2 processes leaked (1 zombie of one culprit, 1 lingering) by test a.B.c():",
            "  LINGERING pid 11  sleep 30",
            "            parent: the test JVM (pid 10)",
            "            age 0.6s; cleanup: terminated by SIGTERM",
            "  ZOMBIE    pid 12  sleep",
            "            parent: pid 11  sleep 30  <- the culprit: it never waited for its child",
            "            under:  the test JVM (pid 10)",
            "            age 0.4s; cleanup: reaped after its parent was killed: exited with code 0",
            "To only warn, set procleak.action=warn.");
  }

  @Test
  void anOrphanSaysItsParentExited() {
    assertThat(LeakMessage.format(List.of(Leaks.orphan()), "").lines())
        .containsExactly(
            "procleak: 1 process leaked by test a.B.c():",
            "  ORPHAN    pid 13  sleep 60",
            "            parent: exited; adopted by the test JVM (pid 10)",
            "            age 1.5s; cleanup: terminated by SIGTERM; reaped: killed by signal 15");
  }

  @Test
  void anOrphanNamesTheExitedShellJavaStartedTheCodeThatStartedItAndWhatItHeld() {
    assertThat(LeakMessage.format(List.of(Leaks.tracedOrphan()), "").lines())
        .containsExactly(
            "procleak: 1 process leaked by test a.B.c():",
            "  ORPHAN    pid 13  sleep 60",
            "            parent: exited; adopted by the test JVM (pid 10)",
            "            started by: pid 9  sh -c sleep 60 &  (exited)",
            "            started at: a.Indexer.start(Indexer.java:12) ← a.Indexer.startAll(Indexer.java:20) ← a.B.c(B.java:9)",
            "            cwd /work/app; listening on 127.0.0.1:8080, udp [::]:5353",
            "            age 1.5s; cleanup: terminated by SIGTERM; reaped: killed by signal 15");
  }

  @Test
  void theTestsFrameIsShownAfterAGapWhenTheStartWasDeeper() {
    Origin deep =
        Origin.recorded(
            new JavaStart(
                1,
                13,
                Leaks.FOUND,
                "sleep 60",
                List.of(
                    "lib.Exec.launch(Exec.java:1)",
                    "lib.Exec.run(Exec.java:2)",
                    "lib.Exec.go(Exec.java:3)",
                    "a.B.c(B.java:9)")),
            false);

    assertThat(LeakMessage.origin(Leaks.orphan().withDetails(deep, null)))
        .containsExactly(
            "started at: lib.Exec.launch(Exec.java:1) ← lib.Exec.run(Exec.java:2) ← … ← a.B.c(B.java:9)");
  }

  @Test
  void withoutARecordingTheMessageSaysOnceWhyAndHowToRecord() {
    Origin off = Origin.recordingOff("procleak.recordStarts=off");
    List<Leak> leaks =
        List.of(Leaks.culprit().withDetails(off, null), Leaks.orphan().withDetails(off, null));

    assertThat(LeakMessage.format(leaks, "To only warn, set procleak.action=warn.").lines())
        .filteredOn(line -> line.contains("started") || line.contains("recorded"))
        .containsExactly("Where they were started is not recorded: procleak.recordStarts=off.");
  }

  @Test
  void aProcessNoJavaStartExplainsItselfOnItsOwnBlock() {
    Leak nativeSpawn =
        Leaks.orphan().withDetails(Origin.notRecorded("no Java start was recorded: native"), null);

    assertThat(LeakMessage.format(List.of(nativeSpawn), "").lines())
        .contains("            started at: no Java start was recorded: native");
  }

  @Test
  void aLeakOfOneOfSeveralTestsThatRanTogetherNamesThemAll() {
    assertThat(LeakMessage.format(List.of(Leaks.culprit(), Leaks.ambiguousOrphan()), "").lines())
        .containsExactly(
            "procleak: 2 processes leaked (1 orphan, 1 lingering) by test a.B.c() or a test that ran at the same time:",
            "  LINGERING pid 11  sleep 30",
            "            parent: the test JVM (pid 10)",
            "            age 0.6s; cleanup: terminated by SIGTERM",
            "  ORPHAN    pid 13  sleep 60",
            "            parent: exited; adopted by the test JVM (pid 10)",
            "            candidates: one of a.B.a(), a.B.c() (they ran at the same time; procleak cannot tell which started it)",
            "            age 1.5s; cleanup: terminated by SIGTERM; reaped: killed by signal 15");
  }

  @Test
  void aSurvivorNamesItsScopeAndWhoAdoptedIt() {
    Leak survivor = Leaks.survivor();

    assertThat(LeakMessage.format(List.of(survivor), "").lines())
        .containsExactly(
            "procleak: 1 process leaked by the test JVM, found still running after it exited:",
            "  ORPHAN    pid 31  sleep 60",
            "            parent: exited; adopted by pid 1  /sbin/init",
            "            age unknown; cleanup: left running: procleak.cleanup=false");
  }

  @Test
  void aLongChainShowsItsEndsAndCountsTheMiddle() {
    Leak deep =
        leak(
            LeakKind.ZOMBIE,
            50,
            "true",
            Duration.ofSeconds(75),
            new CleanupOutcome(Action.REAPED_AFTER_PARENT_KILLED, new WaitStatus(0x8b)),
            Ancestor.process(49, "make -j4"),
            Ancestor.process(48, "sh -c make"),
            Ancestor.process(47, "bash build.sh"),
            Ancestor.process(46, "timeout 60 bash build.sh"),
            Ancestor.process(45, "sh -c ./ci"),
            JVM);

    assertThat(LeakMessage.describe(deep).lines())
        .containsExactly(
            "  ZOMBIE    pid 50  true",
            "            parent: pid 49  make -j4  <- the culprit: it never waited for its child",
            "            under:  pid 48  sh -c make",
            "            under:  pid 47  bash build.sh",
            "            under:  ... 2 more",
            "            under:  the test JVM (pid 10)",
            "            age 1m 15s; cleanup: reaped after its parent was killed: killed by signal 11 (core dumped)");
  }

  @Test
  void aHordeOfZombiesIsASampleAndACount() {
    String message = LeakMessage.format(Leaks.horde(200), "switches");

    assertThat(message.lines())
        .containsExactly(
            "procleak: 201 processes leaked (200 zombies of one culprit, 1 lingering) by test a.B.c():",
            "  LINGERING pid 20  sh -c spawner",
            "            parent: the test JVM (pid 10)",
            "            age 3.0s; cleanup: killed by SIGKILL (survived SIGTERM)",
            "  ZOMBIE    pid 100  true",
            "            parent: pid 20  sh -c spawner  <- the culprit: it never waited for its child",
            "            under:  the test JVM (pid 10)",
            "            age 2.0s; cleanup: reaped after its parent was killed: exited with code 1",
            "  ZOMBIE    pid 101  true",
            "            parent: pid 20  sh -c spawner  <- the culprit: it never waited for its child",
            "            under:  the test JVM (pid 10)",
            "            age 2.0s; cleanup: reaped after its parent was killed: exited with code 0",
            "  ZOMBIE    pid 102  true",
            "            parent: pid 20  sh -c spawner  <- the culprit: it never waited for its child",
            "            under:  the test JVM (pid 10)",
            "            age 2.0s; cleanup: reaped after its parent was killed: exited with code 0",
            "  ZOMBIE    ... and 197 more zombies of pid 20 like the 3 above; cleanup: 178 reaped after its parent was"
                + " killed: exited with code 0; 19 reaped after its parent was killed: exited with code 1",
            "switches");
  }

  @Test
  void theHeaderCountsEachKindAndTheCulpritsOfTheZombies() {
    List<Leak> leaks = new ArrayList<>(Leaks.horde(4));
    leaks.add(
        leak(
            LeakKind.ZOMBIE,
            40,
            "true",
            Duration.ofSeconds(1),
            CleanupOutcome.NOT_CLEANED_UP,
            Ancestor.process(11, "sleep 30"),
            JVM));
    leaks.add(
        leak(
            LeakKind.ZOMBIE,
            41,
            "true",
            Duration.ofSeconds(1),
            CleanupOutcome.NOT_CLEANED_UP,
            Ancestor.process(11, "sleep 30"),
            JVM));
    leaks.add(Leaks.culprit());
    leaks.add(Leaks.orphan());

    assertThat(LeakMessage.format(leaks, "").lines().findFirst())
        .hasValue(
            "procleak: 9 processes leaked (6 zombies of 2 culprits, 1 orphan, 2 lingering) by test a.B.c():");
  }

  @Test
  void theHeaderOfAHordeCountsItsZombiesByCulprit() {
    List<Leak> horde = Leaks.horde(200);

    assertThat(LeakMessage.format(horde.subList(1, horde.size()), "").lines().findFirst())
        .hasValue("procleak: 200 processes leaked (200 zombies of one culprit) by test a.B.c():");
    assertThat(LeakMessage.format(horde, "").lines().findFirst())
        .hasValue(
            "procleak: 201 processes leaked (200 zombies of one culprit, 1 lingering) by test a.B.c():");
  }

  @Test
  void leaksOfOneKindNameItOnceAndASingleLeakLeavesItToItsBlock() {
    Leak other =
        leak(
            LeakKind.ORPHAN,
            14,
            "sleep 61",
            Duration.ofSeconds(1),
            CleanupOutcome.NOT_CLEANED_UP,
            JVM);

    assertThat(LeakMessage.format(List.of(Leaks.orphan(), other), "").lines().findFirst())
        .hasValue("procleak: 2 processes leaked (2 orphans) by test a.B.c():");
    assertThat(LeakMessage.format(List.of(Leaks.zombie()), "").lines().findFirst())
        .hasValue("procleak: 1 process leaked by test a.B.c():");
  }

  @Test
  void fiveZombiesOfOneParentAreNoHordeYet() {
    assertThat(LeakMessage.format(Leaks.horde(5), "").lines()).hasSize(1 + 3 + 5 * 4);
  }

  @Test
  void neverMoreThanAScreenPerScope() {
    List<Leak> many = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      many.add(
          leak(
              i % 2 == 0 ? LeakKind.LINGERING : LeakKind.ORPHAN,
              200 + i,
              "sleep 60",
              Duration.ofSeconds(1),
              CleanupOutcome.of(Action.TERMINATED_BY_SIGTERM),
              JVM));
    }
    many.addAll(Leaks.horde(500));

    List<String> lines = LeakMessage.format(many, "switches").lines().toList();

    assertThat(lines).hasSize(1 + 8 * 3 + 1 + 1);
    assertThat(lines.get(lines.size() - 2))
        .isEqualTo(
            "  ... and 523 more processes (12 LINGERING, 11 ORPHAN, 500 ZOMBIE): procleak's JSON report lists every one");
  }

  @Test
  void aLongCommandLineKeepsItsEnds() {
    String java =
        "/usr/lib/jvm/java-17/bin/java -cp "
            + "/home/me/.m2/repository/some/library.jar:".repeat(20)
            + " demo.Main 2";
    Leak leak =
        leak(
            LeakKind.LINGERING,
            11,
            java,
            Duration.ofSeconds(1),
            CleanupOutcome.of(Action.TERMINATED_BY_SIGTERM),
            JVM);

    String first = LeakMessage.describe(leak).lines().findFirst().orElseThrow();

    assertThat(first)
        .startsWith("  LINGERING pid 11  /usr/lib/jvm/java-17/bin/java -cp /home/me/")
        .endsWith("library.jar: demo.Main 2")
        .contains(" ... ");
    assertThat(first.length()).isEqualTo("  LINGERING pid 11  ".length() + 199);
  }

  @Test
  void agesReadAtTheirScale() {
    assertThat(LeakMessage.age(Duration.ofMillis(50))).isEqualTo("age 0.0s");
    assertThat(LeakMessage.age(Duration.ofMillis(9_990))).isEqualTo("age 9.9s");
    assertThat(LeakMessage.age(Duration.ofSeconds(42))).isEqualTo("age 42s");
    assertThat(LeakMessage.age(Duration.ofSeconds(61))).isEqualTo("age 1m 01s");
    assertThat(LeakMessage.age(Duration.ofMinutes(125))).isEqualTo("age 2h 05m");
    assertThat(LeakMessage.age(null)).isEqualTo("age unknown");
  }
}
