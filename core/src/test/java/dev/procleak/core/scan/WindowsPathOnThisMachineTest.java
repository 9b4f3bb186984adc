package dev.procleak.core.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procleak.core.RealProcesses;
import dev.procleak.core.leak.LeakRules;
import dev.procleak.core.leak.Suspect;
import dev.procleak.core.model.LeakKind;
import org.junit.jupiter.api.Test;

/**
 * The Windows path reads nothing Windows-only: OSHI's process list and the JDK's start times. Run
 * here on this machine's real process table, it must find this JVM's real child, with an identity
 * that holds from one listing to the next.
 */
class WindowsPathOnThisMachineTest {
  private static final long SELF = ProcessHandle.current().pid();

  @Test
  void findsThisJvmsRealChildWithAStableIdentity() {
    AncestryScanner scanner = AncestryScanner.windows(Oshi.operatingSystem());
    try (RealProcesses processes = new RealProcesses()) {
      ProcessTable baseline = scanner.scan(SELF);
      Process child = processes.shell("exec sleep 60");
      RealProcesses.await(
          "the child in a listing", () -> scanner.scan(SELF).get(child.pid()).isPresent());

      ProcessTable now = scanner.scan(SELF);
      ProcessTable again = scanner.scan(SELF);

      ProcessInfo found = now.get(child.pid()).orElseThrow();
      assertThat(LeakRules.suspects(baseline, now))
          .contains(new Suspect(LeakKind.LINGERING, found));
      assertThat(again.get(child.pid()).orElseThrow().id()).isEqualTo(found.id());
      assertThat(scanner.lookup(child.pid()).id()).isEqualTo(found.id());
      assertThat(now.limitations()).contains(AncestryScanner.WINDOWS_UNTRACEABLE);
    }
  }
}
