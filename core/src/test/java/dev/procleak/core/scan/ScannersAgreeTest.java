package dev.procleak.core.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procleak.core.RealProcesses;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The /proc fast path and OSHI's portable query see the same real process tree. */
class ScannersAgreeTest {
  private final long self = ProcessHandle.current().pid();

  @Test
  void bothSeeTheSameTreeWithTheSameParentsAndZombies() {
    try (RealProcesses processes = new RealProcesses()) {
      Process culprit = processes.shell("sleep 0.1 & sleep 0.1 & exec sleep 30");
      processes.shell("sleep 30 | cat");
      RealProcesses.await("two zombies under the culprit", () -> zombiesUnder(culprit.pid()) == 2);

      Map<Long, String> fast = shape(new ProcfsScanner().scan(self));
      Map<Long, String> portable = shape(new OshiScanner(Oshi.operatingSystem()).scan(self));

      assertThat(fast).hasSizeGreaterThanOrEqualTo(5).isEqualTo(portable);
    }
  }

  private long zombiesUnder(long pid) {
    return new ProcfsScanner()
        .scan(self).children(pid).stream().filter(ProcessInfo::isZombie).count();
  }

  /** pid to parent and zombie state: the facts both paths must agree on. */
  private static Map<Long, String> shape(ProcessTable table) {
    Map<Long, String> shape = new TreeMap<>();
    for (ProcessInfo process : table.processes()) {
      shape.put(process.pid(), process.parentPid() + (process.isZombie() ? " Z" : " alive"));
    }
    return shape;
  }
}
