package dev.procleak.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procleak.core.leak.Leak;
import dev.procleak.core.leak.LeakKind;
import dev.procleak.core.scan.ProcessId;
import java.util.List;
import org.junit.jupiter.api.Test;

class LeakMessageTest {

  @Test
  void namesKindPidCommandParentScopeAndCleanup() {
    Leak culprit = new Leak(LeakKind.LINGERING, new ProcessId(11, 1), "sleep 30", 10, "the test JVM", "a.B.c()", "terminated by SIGTERM");
    Leak zombie = new Leak(LeakKind.ZOMBIE, new ProcessId(12, 1), "sleep", 11, "sleep 30", "a.B.c()", "reaped after its parent was killed: exited with code 0");

    String message = LeakMessage.format("a.B.c()", List.of(culprit, zombie), "To only warn, set procleak.action=warn.");

    assertThat(message.lines())
        .containsExactly(
            "procleak: 2 processes leaked by a.B.c():",
            "  LINGERING pid 11  sleep 30",
            "            parent: the test JVM (pid 10)",
            "            scope: a.B.c()",
            "            cleanup: terminated by SIGTERM",
            "  ZOMBIE    pid 12  sleep",
            "            parent: pid 11  sleep 30  <- the culprit: it never waited for its child",
            "            scope: a.B.c()",
            "            cleanup: reaped after its parent was killed: exited with code 0",
            "To only warn, set procleak.action=warn.");
  }
}
