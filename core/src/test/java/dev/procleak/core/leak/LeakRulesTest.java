package dev.procleak.core.leak;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procleak.core.model.LeakKind;
import dev.procleak.core.scan.ProcessId;
import dev.procleak.core.scan.ProcessInfo;
import dev.procleak.core.scan.ProcessTable;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules on made-up tables; LeakCheckTest proves them on real processes. */
class LeakRulesTest {
  private static final long JVM = 100;

  private static ProcessInfo process(long pid, long parent, char state, boolean adopted) {
    return new ProcessInfo(new ProcessId(pid, 1000 + pid), parent, state, "p" + pid, adopted);
  }

  private static ProcessTable table(ProcessInfo... processes) {
    return new ProcessTable(JVM, List.of(processes));
  }

  @Test
  void whatExistedBeforeTheScopeIsNeverBlamed() {
    ProcessInfo server = process(200, JVM, 'S', false);

    assertThat(LeakRules.suspects(table(server), table(server))).isEmpty();
  }

  @Test
  void aReusedPidIsANewProcess() {
    ProcessInfo before = process(200, JVM, 'S', false);
    ProcessInfo reused = new ProcessInfo(new ProcessId(200, 5), JVM, 'S', "p200", false);

    assertThat(LeakRules.suspects(table(before), table(reused)))
        .containsExactly(new Suspect(LeakKind.LINGERING, reused));
  }

  @Test
  void aChildTheJvmStartedIsLingeringAndOneItAdoptedIsAnOrphan() {
    ProcessInfo started = process(201, JVM, 'S', false);
    ProcessInfo adopted = process(202, JVM, 'S', true);

    assertThat(LeakRules.suspects(table(), table(started, adopted)))
        .containsExactly(
            new Suspect(LeakKind.LINGERING, started), new Suspect(LeakKind.ORPHAN, adopted));
  }

  @Test
  void aZombieIsBlamedOnItsLiveParent() {
    ProcessInfo culprit = process(201, JVM, 'S', false);
    ProcessInfo zombie = process(202, 201, 'Z', false);

    assertThat(LeakRules.suspects(table(), table(culprit, zombie)))
        .containsExactly(
            new Suspect(LeakKind.LINGERING, culprit), new Suspect(LeakKind.ZOMBIE, zombie));
  }

  @Test
  void aZombieOfTheJvmItselfIsNoLeak() {
    ProcessInfo finishedOrphan = process(201, JVM, 'Z', true);
    ProcessInfo jdkChildAboutToBeReaped = process(202, JVM, 'Z', false);

    assertThat(LeakRules.suspects(table(), table(finishedOrphan, jdkChildAboutToBeReaped)))
        .isEmpty();
    assertThat(table(finishedOrphan, jdkChildAboutToBeReaped).adoptedZombies())
        .containsExactly(finishedOrphan);
  }

  @Test
  void descendantsOfALeakedProcessAreLingering() {
    ProcessInfo shell = process(201, JVM, 'S', true);
    ProcessInfo child = process(202, 201, 'S', false);

    assertThat(LeakRules.suspects(table(), table(shell, child)))
        .containsExactly(
            new Suspect(LeakKind.ORPHAN, shell), new Suspect(LeakKind.LINGERING, child));
  }
}
