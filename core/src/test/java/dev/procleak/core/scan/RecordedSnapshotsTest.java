package dev.procleak.core.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procleak.core.leak.LeakRules;
import dev.procleak.core.leak.Suspect;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The macOS and Windows paths on recorded listings (src/test/resources/snapshots): each scenario is
 * scanned listing by listing, as a scope's baseline and polls would be, and the rules must find
 * exactly the leaks it expects.
 */
class RecordedSnapshotsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "macos-zombie-and-culprit.txt",
        "macos-orphan-seen-before-its-parent-died.txt",
        "macos-orphan-never-seen.txt",
        "windows-orphan-with-stale-parent.txt",
        "windows-parent-pid-reused.txt",
        "windows-foreign-process-pointing-at-our-pid.txt"
      })
  void theRulesFindExactlyTheRecordedLeaks(String scenario) {
    RecordedSnapshot snapshot = RecordedSnapshot.load(scenario);
    AncestryScanner scanner = new AncestryScanner(snapshot, List.of("recorded"));

    ProcessTable baseline = scanner.scan(snapshot.root);
    ProcessTable last = baseline;
    for (int i = 1; i < snapshot.listings.size(); i++) {
      last = scanner.scan(snapshot.root);
    }

    List<String> found = new ArrayList<>();
    for (Suspect suspect : LeakRules.suspects(baseline, last)) {
      found.add(
          suspect.kind()
              + " "
              + suspect.process().pid()
              + " parent "
              + suspect.process().parentPid());
    }
    List<String> expected =
        snapshot.expected.equals(List.of("none")) ? List.of() : snapshot.expected;
    assertThat(found).as(scenario).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(last.limitations()).containsExactly("recorded");
  }

  @Test
  void withoutRememberingWhatItSawTheMacPathWouldLoseTheOrphan() {
    RecordedSnapshot snapshot =
        RecordedSnapshot.load("macos-orphan-seen-before-its-parent-died.txt");
    // A fresh scanner per listing has no memory: the orphan under launchd is no one's.
    ProcessTable baseline = new AncestryScanner(snapshot, List.of()).scan(snapshot.root);
    new AncestryScanner(snapshot, List.of()).scan(snapshot.root);
    ProcessTable last = new AncestryScanner(snapshot, List.of()).scan(snapshot.root);

    assertThat(LeakRules.suspects(baseline, last)).isEmpty();
  }

  @Test
  void aMacZombieKeepsItsStateParentAndNameThroughTheKinfoProcRecord() {
    ByteBuffer record = ByteBuffer.allocate(KinfoProc.SIZE).order(ByteOrder.LITTLE_ENDIAN);
    RecordedSnapshot.encodeKinfoProc(
        record, 0, new String[] {"902", "901", "1763800001010", "5", "a-name-of-16-chr"});

    ProcessInfo zombie = KinfoProc.parseAll(record).get(0);

    assertThat(zombie.isZombie()).isTrue();
    assertThat(zombie.id()).isEqualTo(new ProcessId(902, 1763800001010L));
    assertThat(zombie.parentPid()).isEqualTo(901);
    assertThat(zombie.name()).isEqualTo("a-name-of-16-chr");
  }

  @Test
  void aListingCutInTheMiddleOfARecordYieldsOnlyWholeRecords() {
    ByteBuffer records = ByteBuffer.allocate(KinfoProc.SIZE * 2).order(ByteOrder.LITTLE_ENDIAN);
    RecordedSnapshot.encodeKinfoProc(records, 0, new String[] {"1", "0", "1000", "3", "launchd"});
    RecordedSnapshot.encodeKinfoProc(
        records, KinfoProc.SIZE, new String[] {"2", "1", "2000", "3", "syslogd"});

    assertThat(KinfoProc.parseAll(records.limit(KinfoProc.SIZE * 2 - 1)))
        .extracting(ProcessInfo::pid)
        .containsExactly(1L);
  }

  @Test
  void eachPlatformGetsItsOwnScanner() {
    assertThat(SubtreeScanner.forPlatform("Linux", true)).isInstanceOf(ProcfsScanner.class);
    assertThat(SubtreeScanner.forPlatform("Mac OS X", false)).isInstanceOf(AncestryScanner.class);
    assertThat(SubtreeScanner.forPlatform("Windows 11", false)).isInstanceOf(AncestryScanner.class);
    assertThat(SubtreeScanner.forPlatform("FreeBSD", false)).isInstanceOf(OshiScanner.class);
    assertThat(SubtreeScanner.forThisPlatform()).isInstanceOf(ProcfsScanner.class);
  }
}
