package dev.procleak.core.machine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procleak.core.model.LeakKind;
import dev.procleak.core.scan.ProcessId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rule on process tables recorded from real machines (pid, ppid, pgid, sid as ps showed them).
 */
class MachineRulesTest {
  private static final String ME = "1000";
  private static final String ROOT = "0";

  /**
   * This project's sandbox, quiet, as {@code ps -eo pid,ppid,pgid,sid,uid,stat,args} showed it:
   * init is not a classic one and runs in session 0; it starts its helpers in session 0, each in a
   * process group of its own; they start shells with setsid; kernel threads hang below kthreadd.
   */
  private static List<MachineProcess> sandbox(String user) {
    List<MachineProcess> table = new ArrayList<>();
    table.add(process(1, 0, 0, 0, user, "process_api"));
    table.add(kernelThread(2, 0));
    table.add(kernelThread(14, 2));
    table.add(process(16432, 1, 16432, 0, user, "binary_backend"));
    table.add(process(16433, 16432, 16433, 16433, user, "bash"));
    table.add(process(17122, 1, 17122, 0, user, "binary_backend"));
    table.add(process(17144, 17122, 17144, 17144, user, "bash"));
    table.add(process(19549, 17144, 17144, 17144, user, "bash"));
    table.add(process(19550, 19549, 19550, 17144, user, "bash"));
    table.add(process(19554, 19550, 19550, 17144, user, "java"));
    return table;
  }

  @Test
  void aQuietSandboxHasNoZombieNorOrphan() {
    assertThat(MachineRules.find(new MachineTable(ROOT, sandbox(ROOT)))).isEmpty();
  }

  /**
   * A desktop with systemd: services and the user manager are session leaders; a terminal with a
   * job.
   */
  @Test
  void aQuietSystemdDesktopHasNoZombieNorOrphan() {
    List<MachineProcess> table = new ArrayList<>();
    table.add(process(1, 0, 1, 1, ROOT, "systemd"));
    table.add(process(812, 1, 812, 812, ROOT, "sshd"));
    table.add(process(1490, 1, 1490, 1490, ME, "systemd"));
    table.add(process(1502, 1490, 1502, 1502, ME, "pipewire"));
    table.add(process(2200, 1490, 2200, 2200, ME, "gnome-terminal-server"));
    table.add(process(2210, 2200, 2210, 2210, ME, "bash"));
    // an interactive pipeline: `make | tee log`, its own process group led by make
    table.add(process(2300, 2210, 2300, 2210, ME, "make"));
    table.add(process(2301, 2210, 2300, 2210, ME, "tee"));
    table.add(process(2302, 2300, 2300, 2210, ME, "cc1"));
    // a double-forked daemon: fork, setsid, fork again; the session's leader has exited
    table.add(process(3000, 1, 2999, 2999, ME, "gpg-agent"));
    // a daemon made with setsid: a session leader below init
    table.add(process(3100, 1, 3100, 3100, ME, "ssh-agent"));
    assertThat(MachineRules.find(new MachineTable(ME, table))).isEmpty();
  }

  @Test
  void aProcessInAnotherSessionThanItsParentIsAnOrphan() {
    List<MachineProcess> table = sandbox(ROOT);
    // `sh -c 'sleep 60 &'` in the build's session: the shell exited, init adopted the sleep
    table.add(process(24352, 1, 24349, 17144, ROOT, "sleep"));
    List<Finding> found = MachineRules.find(new MachineTable(ROOT, table));
    assertThat(found)
        .singleElement()
        .satisfies(
            finding -> {
              assertThat(finding.kind()).isEqualTo(LeakKind.ORPHAN);
              assertThat(finding.process().pid()).isEqualTo(24352);
              assertThat(finding.parent().pid()).isEqualTo(1);
              assertThat(finding.why()).contains("session 17144").contains("session 0");
            });
  }

  @Test
  void anOrphanAdoptedByASubreaperInAnotherSessionIsAnOrphan() {
    List<MachineProcess> table = new ArrayList<>();
    table.add(process(1, 0, 1, 1, ROOT, "systemd"));
    table.add(process(1490, 1, 1490, 1490, ME, "systemd"));
    table.add(process(2200, 1490, 2200, 2200, ME, "gnome-terminal-server"));
    table.add(process(2210, 2200, 2210, 2210, ME, "bash"));
    table.add(process(2400, 1490, 2390, 2210, ME, "sleep"));
    assertThat(MachineRules.find(new MachineTable(ME, table)))
        .extracting(finding -> finding.process().pid())
        .containsExactly(2400L);
  }

  @Test
  void aStrangerInInitsOwnSessionIsAnOrphanByItsProcessGroup() {
    List<MachineProcess> table = sandbox(ROOT);
    // a child of the helper 17122 that did not setsid, orphaned when its parent died
    table.add(process(20000, 1, 17122, 0, ROOT, "worker"));
    assertThat(MachineRules.find(new MachineTable(ROOT, table)))
        .singleElement()
        .satisfies(finding -> assertThat(finding.why()).contains("process group 17122"));
  }

  @Test
  void anOrphanInInitsOwnSessionAndGroupIsABlindSpot() {
    List<MachineProcess> table = new ArrayList<>();
    table.add(process(1, 0, 0, 0, ROOT, "sh"));
    // `sh -c 'sleep 6 &'` run by init itself: session 0, group 0, like init
    table.add(process(4, 1, 0, 0, ROOT, "sleep"));
    assertThat(MachineRules.find(new MachineTable(ROOT, table))).isEmpty();
  }

  /** /proc mounted with hidepid: init and other users' processes are not in the table. */
  @Test
  void onLinuxAParentMissingFromTheTableProvesNothing() {
    List<MachineProcess> table = new ArrayList<>();
    table.add(process(1490, 1, 1490, 1490, ME, "systemd"));
    table.add(process(2210, 2200, 2210, 2210, ME, "bash"));
    table.add(process(2300, 2210, 2300, 2210, ME, "make"));
    assertThat(MachineRules.find(new MachineTable(ME, table))).isEmpty();
  }

  @Test
  void aSessionLeaderIsNeverAnOrphan() {
    List<MachineProcess> table = sandbox(ROOT);
    table.add(process(25000, 1, 25000, 25000, ROOT, "sleep"));
    assertThat(MachineRules.find(new MachineTable(ROOT, table))).isEmpty();
  }

  @Test
  void theGroupOfADeadSessionLeaderIsADaemonButNotWhileTheLeaderRuns() {
    List<MachineProcess> daemon = sandbox(ROOT);
    daemon.add(process(26001, 1, 26000, 26000, ROOT, "sleep"));
    assertThat(MachineRules.find(new MachineTable(ROOT, daemon))).isEmpty();

    List<MachineProcess> orphan = sandbox(ROOT);
    orphan.add(process(26000, 1, 26000, 26000, ROOT, "sh"));
    orphan.add(process(26001, 1, 26000, 26000, ROOT, "sleep"));
    assertThat(MachineRules.find(new MachineTable(ROOT, orphan)))
        .extracting(finding -> finding.process().pid())
        .containsExactly(26001L);
  }

  @Test
  void aZombieIsFoundWithItsParentAsCulprit() {
    List<MachineProcess> table = sandbox(ROOT);
    table.add(process(24353, 19550, 24349, 17144, ROOT, "sleep"));
    table.add(zombie(24355, 24353, 24349, 17144, ROOT));
    assertThat(MachineRules.find(new MachineTable(ROOT, table)))
        .singleElement()
        .satisfies(
            finding -> {
              assertThat(finding.kind()).isEqualTo(LeakKind.ZOMBIE);
              assertThat(finding.parent().pid()).isEqualTo(24353);
            });
  }

  @Test
  void otherUsersProcessesAreNotLookedAt() {
    List<MachineProcess> table = sandbox(ROOT);
    table.add(process(24352, 1, 24349, 17144, ME, "sleep"));
    table.add(zombie(24355, 19550, 19550, 17144, ME));
    assertThat(MachineRules.find(new MachineTable(ROOT, table))).isEmpty();
    assertThat(MachineRules.find(new MachineTable(ME, table))).hasSize(2);
  }

  @Test
  void zombiesComeBeforeOrphans() {
    List<MachineProcess> table = sandbox(ROOT);
    table.add(process(24352, 1, 24349, 17144, ROOT, "sleep"));
    table.add(zombie(24355, 19550, 19550, 17144, ROOT));
    assertThat(MachineRules.find(new MachineTable(ROOT, table)))
        .extracting(Finding::kind)
        .containsExactly(LeakKind.ZOMBIE, LeakKind.ORPHAN);
  }

  /** Windows through OSHI: no sessions; a dead parent's pid stays, or names a younger process. */
  @Test
  void withoutSessionsOnlyAGoneParentMakesAnOrphan() {
    List<MachineProcess> table = new ArrayList<>();
    table.add(portable(1, 0, 50));
    table.add(portable(4, 0, 100));
    table.add(portable(700, 4, 200));
    table.add(portable(900, 1, 300)); // below pid 1, but nothing says it was adopted
    table.add(portable(1200, 5555, 400)); // its parent is gone
    table.add(portable(1300, 1400, 500));
    table.add(portable(1400, 4, 600)); // pid 1400 now names a process younger than 1300
    assertThat(MachineRules.find(new MachineTable(ME, table)))
        .extracting(finding -> finding.process().pid())
        .containsExactly(1200L, 1300L);
  }

  static MachineProcess process(
      long pid, long parent, long group, long session, String user, String name) {
    return new MachineProcess(
        new ProcessId(pid, pid), parent, 'S', group, session, user, false, name);
  }

  static MachineProcess zombie(long pid, long parent, long group, long session, String user) {
    return new MachineProcess(
        new ProcessId(pid, pid), parent, 'Z', group, session, user, false, "sleep");
  }

  private static MachineProcess kernelThread(long pid, long parent) {
    return new MachineProcess(new ProcessId(pid, pid), parent, 'S', 0, 0, ROOT, true, "kworker");
  }

  private static MachineProcess portable(long pid, long parent, long startMillis) {
    return new MachineProcess(
        new ProcessId(pid, startMillis),
        parent,
        'R',
        MachineProcess.UNKNOWN,
        MachineProcess.UNKNOWN,
        ME,
        false,
        "p" + pid);
  }
}
