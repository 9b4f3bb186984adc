package dev.procleak.core.machine;

import dev.procleak.core.model.LeakKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Which of the current user's processes are zombies or orphans, from one snapshot.
 *
 * <p>A <b>zombie</b> is any process in state {@code Z}; its parent is the culprit.
 *
 * <p>An <b>orphan</b> is a running process that was re-parented because its parent died. The kernel
 * keeps no record of that, so the rule reads it from what a fork cannot change: a child starts in
 * its parent's session and process group, and can only leave its parent's session by opening a
 * session of its own ({@code setsid}), which makes it the session's leader. So a process is an
 * orphan when
 *
 * <ol>
 *   <li>it is not a session leader (a daemon made on purpose with {@code setsid}, a service started
 *       by a service manager, a login shell), and
 *   <li>it sits in another session than its current parent, which therefore cannot have started it;
 *       or its parent is init (pid 1) and it sits in another process group than init, not one of
 *       its own (init starts programs in its own group or a new one, never a stranger's),
 *   <li>unless it is in the process group that opened its session and that session's leader has
 *       exited: the classic double-forked daemon, which forks once more after {@code setsid} so
 *       that it is not a session leader;
 * </ol>
 *
 * Where the system tells no sessions (OSHI elsewhere), a process is an orphan when its parent pid
 * names no process or one younger than itself: Windows leaves a dead parent's pid in place. On
 * Linux the kernel always re-parents, so a parent missing from the table was hidden from this user
 * ({@code hidepid}) or exited during the read, and proves nothing.
 *
 * <p>Known blind spots: an orphan adopted by a reaper in its own session or process group (a
 * subreaper in the same session, such as procleak's test JVM, or init's own session) is not seen; a
 * process left in a session whose leader exited, in the leader's own group, looks like a
 * double-forked daemon and is not reported; a process started with {@code nohup} (no {@code
 * setsid}) whose parent exited is reported, as it is an orphan.
 */
public final class MachineRules {
  static final long INIT = 1;

  private MachineRules() {}

  /** Zombies, then orphans, of the current user, in the table's order. */
  public static List<Finding> find(MachineTable table) {
    List<Finding> zombies = new ArrayList<>();
    List<Finding> orphans = new ArrayList<>();
    for (MachineProcess process : table.processes()) {
      if (!table.ownedByCurrentUser(process)
          || process.kernelThread()
          || process.parentPid() <= 0) {
        continue;
      }
      MachineProcess parent = table.get(process.parentPid()).orElse(null);
      if (process.isZombie()) {
        zombies.add(
            new Finding(
                LeakKind.ZOMBIE, process, parent, "exited, and its parent never waited for it"));
        continue;
      }
      String why = orphaned(process, parent, table);
      if (why != null) {
        orphans.add(new Finding(LeakKind.ORPHAN, process, parent, why));
      }
    }
    List<Finding> findings = new ArrayList<>(zombies);
    findings.addAll(orphans);
    return findings;
  }

  /** Why {@code process} is an orphan, or null when it is not. */
  static String orphaned(MachineProcess process, MachineProcess parent, MachineTable table) {
    if (!process.knowsSessions()) {
      return parent == null || parent.id().startTime() > process.id().startTime()
          ? "its parent (pid " + process.parentPid() + ") is gone"
          : null;
    }
    // Linux always re-parents: a parent missing from the table is hidden (hidepid) or raced away.
    if (parent == null || !parent.knowsSessions() || process.isSessionLeader()) {
      return null;
    }
    boolean leftSession = process.session() != parent.session();
    boolean strangerUnderInit =
        parent.pid() == INIT
            && process.processGroup() != parent.processGroup()
            && process.processGroup() != process.pid();
    if (!leftSession && !strangerUnderInit) {
      return null;
    }
    if (process.processGroup() == process.session()
        && !table.sessionLeaderAlive(process.session())) {
      return null;
    }
    return leftSession
        ? "in session "
            + process.session()
            + ", which its parent (pid "
            + parent.pid()
            + ", session "
            + parent.session()
            + ") is not in: adopted after its own parent died"
        : "under init in process group "
            + process.processGroup()
            + ", which init did not make: adopted after its own"
            + " parent died";
  }
}
