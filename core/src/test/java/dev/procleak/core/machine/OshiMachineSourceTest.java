package dev.procleak.core.machine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procleak.core.model.LeakKind;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;

/**
 * The portable path on a process table recorded the way OSHI reports Windows: no zombies, no
 * sessions, and a dead parent's pid left in place (here reused by a younger process).
 */
class OshiMachineSourceTest {
  private static final OSProcess SELF =
      process(5000, 4100, OSProcess.State.RUNNING, 9000, "S-1-5-21-me", "java.exe");
  private static final List<OSProcess> WINDOWS =
      List.of(
          process(4, 0, OSProcess.State.RUNNING, 100, "S-1-5-18", "System"),
          process(4100, 4, OSProcess.State.RUNNING, 500, "S-1-5-21-me", "cmd.exe"),
          process(4200, 4100, OSProcess.State.RUNNING, 600, "S-1-5-21-me", "node.exe"),
          process(
              4300,
              7777,
              OSProcess.State.RUNNING,
              700,
              "S-1-5-21-me",
              "sleep.exe"), // its parent is gone
          process(
              4400,
              4500,
              OSProcess.State.RUNNING,
              800,
              "S-1-5-21-me",
              "worker.exe"), // 4500 is younger
          process(4500, 4, OSProcess.State.RUNNING, 850, "S-1-5-18", "svchost.exe"),
          process(
              4600, 9999, OSProcess.State.RUNNING, 860, "S-1-5-18", "other.exe"), // someone else's
          SELF);

  @Test
  void findsProcessesWhoseParentIsGoneAndSaysSessionsAreUnknown() {
    OshiMachineSource source = new OshiMachineSource(operatingSystem(WINDOWS));
    MachineTable table = source.read();
    assertThat(table.currentUser()).isEqualTo("S-1-5-21-me");
    assertThat(table.processes())
        .allSatisfy(process -> assertThat(process.knowsSessions()).isFalse());
    List<Finding> found = MachineRules.find(table);
    assertThat(found).extracting(finding -> finding.process().pid()).containsExactly(4300L, 4400L);
    assertThat(found).extracting(Finding::kind).containsOnly(LeakKind.ORPHAN);
    assertThat(source.commandLine(4300, "?")).isEqualTo("sleep.exe --pid 4300");
  }

  @Test
  void mapsOshisZombieState() {
    OSProcess zombie = process(42, 41, OSProcess.State.ZOMBIE, 1, "501", "sleep");
    assertThat(OshiMachineSource.toMachineProcess(zombie).isZombie()).isTrue();
    assertThat(OshiMachineSource.toMachineProcess(SELF).isZombie()).isFalse();
  }

  private static OSProcess process(
      int pid, int parent, OSProcess.State state, long start, String user, String name) {
    Map<String, Object> answers =
        Map.of(
            "getProcessID", pid,
            "getParentProcessID", parent,
            "getState", state,
            "getStartTime", start,
            "getUserID", user,
            "getUser", "me",
            "getName", name,
            "getCommandLine", name + " --pid " + pid);
    return (OSProcess)
        Proxy.newProxyInstance(
            OSProcess.class.getClassLoader(),
            new Class<?>[] {OSProcess.class},
            (proxy, method, args) -> {
              if (!answers.containsKey(method.getName())) {
                throw new UnsupportedOperationException(method.getName());
              }
              return answers.get(method.getName());
            });
  }

  private static OperatingSystem operatingSystem(List<OSProcess> processes) {
    return (OperatingSystem)
        Proxy.newProxyInstance(
            OperatingSystem.class.getClassLoader(),
            new Class<?>[] {OperatingSystem.class},
            (proxy, method, args) -> {
              switch (method.getName()) {
                case "getProcesses":
                  return processes;
                case "getCurrentProcess":
                  return SELF;
                case "getProcess":
                  return processes.stream()
                      .filter(p -> p.getProcessID() == (int) args[0])
                      .findFirst()
                      .orElse(null);
                default:
                  throw new UnsupportedOperationException(method.getName());
              }
            });
  }
}
