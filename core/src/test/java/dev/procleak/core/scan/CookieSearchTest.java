package dev.procleak.core.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procleak.core.RealProcesses;
import dev.procleak.core.os.EnvironmentCookie;
import java.io.IOException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A cookie match names the process by the identity it had while its environment was read. */
class CookieSearchTest {
  private final ProcfsScanner scanner = new ProcfsScanner();

  @Test
  void findsTheProcessesCarryingTheCookieByIdentity() throws IOException {
    String cookie = "cookie-search-" + UUID.randomUUID();
    try (RealProcesses processes = new RealProcesses()) {
      ProcessBuilder marked = new ProcessBuilder("sleep", "60");
      marked.environment().put(EnvironmentCookie.VARIABLE, cookie);
      ProcessId carrier = processes.track(marked.start().pid());
      ProcessId other = processes.track(new ProcessBuilder("sleep", "60").start().pid());
      // The JDK's spawn helper execs sleep with the child's environment: until then it has the JVM's.
      RealProcesses.await("both to run sleep", () ->
          scanner.lookup(carrier.pid()).name().equals("sleep") && scanner.lookup(other.pid()).name().equals("sleep"));

      assertThat(CookieSearch.find(cookie, scanner)).extracting(ProcessInfo::id).containsExactly(carrier).doesNotContain(other);
    }
  }
}
