package dev.procleak.core.leak;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procleak.core.model.LeakKind;
import dev.procleak.core.scan.ProcessId;
import dev.procleak.core.scan.ProcessInfo;
import dev.procleak.core.scan.ProcessTable;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Where no subreaper exists (macOS, Windows), an orphan is not under the root: the scanner marks it
 * adopted wherever it went, and the rules follow that mark.
 */
class OrphansOutsideTheTreeTest {
  private static final long JVM = 100;
  private static final long LAUNCHD = 1;

  private static ProcessTable table(ProcessInfo... processes) {
    return new ProcessTable(JVM, List.of(processes));
  }

  @Test
  void aProcessThatLostItsParentIsAnOrphanWhereverItWent() {
    ProcessInfo underLaunchd = new ProcessInfo(new ProcessId(201, 1), LAUNCHD, 'S', "sleep", true);
    ProcessInfo withAStaleParent =
        new ProcessInfo(new ProcessId(202, 1), 4100, 'R', "PING.EXE", true);

    assertThat(LeakRules.suspects(table(), table(underLaunchd, withAStaleParent)))
        .containsExactly(
            new Suspect(LeakKind.ORPHAN, underLaunchd),
            new Suspect(LeakKind.ORPHAN, withAStaleParent));
  }

  @Test
  void anOrphanThatExitedIsInitsToReapNotALeak() {
    ProcessInfo zombieUnderLaunchd =
        new ProcessInfo(new ProcessId(201, 1), LAUNCHD, 'Z', "sleep", true);

    assertThat(LeakRules.suspects(table(), table(zombieUnderLaunchd))).isEmpty();
  }

  @Test
  void aZombieUnderALiveLeakedParentIsStillBlamedOnIt() {
    ProcessInfo culprit = new ProcessInfo(new ProcessId(201, 1), LAUNCHD, 'S', "sleep", true);
    ProcessInfo zombie = new ProcessInfo(new ProcessId(202, 2), 201, 'Z', "sleep", false);

    assertThat(LeakRules.suspects(table(), table(culprit, zombie)))
        .containsExactly(
            new Suspect(LeakKind.ORPHAN, culprit), new Suspect(LeakKind.ZOMBIE, zombie));
  }
}
