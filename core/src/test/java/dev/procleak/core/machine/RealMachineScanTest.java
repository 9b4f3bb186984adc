package dev.procleak.core.machine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procleak.core.RealProcesses;
import dev.procleak.core.model.LeakKind;
import dev.procleak.core.os.SubreaperSuspension;
import dev.procleak.core.scan.ProcessId;
import dev.procleak.core.scan.ProcessInfo;
import dev.procleak.core.scan.ProcfsScanner;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The scan on this (shared) machine finds a real zombie under its culprit and a real orphan. Other
 * builds' leftovers may be listed too: that there are no false ones is proven in a machine of our
 * own ({@link NamespaceScanTest}).
 */
@EnabledOnOs(OS.LINUX)
class RealMachineScanTest {
  private final ProcfsMachineSource machine = new ProcfsMachineSource();

  @Test
  void findsARealZombieUnderItsCulpritAndARealOrphan() throws Exception {
    MachineProcess self = machine.lookup(ProcessHandle.current().pid());
    MachineProcess init = machine.lookup(1);
    Assumptions.assumeTrue(
        init != null && self.session() != init.session(),
        "this build runs in init's own session (session "
            + self.session()
            + "): an orphan adopted by init there is a blind spot of the scan, see README");
    ProcessId zombie;
    ProcessId culprit;
    ProcessId orphan;
    // An earlier test in this JVM may have made it a subreaper: the orphan would then be adopted
    // by this JVM, in its own session, the scan's blind spot. It goes to init while this runs.
    try (SubreaperSuspension toInit = SubreaperSuspension.begin();
        RealProcesses processes = new RealProcesses()) {
      Process shell = processes.shell("sleep 0.1 & exec sleep 61.1");
      culprit = processes.track(shell.pid());
      zombie = awaitZombieChild(shell.pid());
      Process orphanMaker = processes.shell("sleep 61.2 </dev/null >/dev/null 2>&1 & echo $!");
      orphan = processes.track(RealProcesses.readPid(orphanMaker));
      orphanMaker.waitFor();
      RealProcesses.await(
          "the orphan to be adopted",
          () -> processes.lookup(orphan).parentPid() != orphanMaker.pid());

      ScanResult result = new MachineScan(machine, Duration.ofMillis(300), List.of()).run();

      Culprit found =
          result.culprits().stream()
              .filter(c -> c.process().equals(culprit))
              .findFirst()
              .orElseThrow(
                  () ->
                      new AssertionError("culprit " + culprit + " not among " + result.culprits()));
      assertThat(found.command()).isEqualTo("sleep 61.1");
      assertThat(found.zombies())
          .singleElement()
          .satisfies(
              z -> {
                assertThat(z.process()).isEqualTo(zombie);
                assertThat(z.kind()).isEqualTo(LeakKind.ZOMBIE);
                assertThat(z.command()).isEqualTo("sleep");
              });
      assertThat(result.orphans())
          .filteredOn(o -> o.process().equals(orphan))
          .singleElement()
          .satisfies(
              o -> {
                assertThat(o.command()).isEqualTo("sleep 61.2");
                assertThat(o.parentPid()).isEqualTo(processes.lookup(orphan).parentPid());
                assertThat(o.session()).isEqualTo(self.session());
              });
      assertThat(ScanMessage.lines(result, ""))
          .contains("  ORPHAN    pid " + orphan.pid() + "  sleep 61.2");
    }
    // The culprit is dead now: its reaper takes the zombie.
    RealProcesses.await("the zombie " + zombie + " to be reaped", () -> gone(zombie));
    assertThat(gone(culprit)).isTrue();
    assertThat(gone(orphan) || machine.lookup(orphan.pid()).isZombie()).isTrue();
  }

  private ProcessId awaitZombieChild(long parent) {
    ProcfsScanner scanner = new ProcfsScanner();
    ProcessId[] found = new ProcessId[1];
    RealProcesses.await(
        "a zombie child of " + parent,
        () -> {
          Optional<ProcessInfo> zombie =
              scanner.scan(parent).processes().stream().filter(ProcessInfo::isZombie).findFirst();
          zombie.ifPresent(z -> found[0] = z.id());
          return zombie.isPresent();
        });
    return found[0];
  }

  private boolean gone(ProcessId id) {
    MachineProcess now = machine.lookup(id.pid());
    return now == null || !now.id().equals(id);
  }
}
