package dev.procleak.core.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procleak.core.RealProcesses;
import dev.procleak.core.os.EnvironmentCookie;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
      // The JDK's spawn helper execs sleep with the child's environment: until then it has the
      // JVM's.
      RealProcesses.await(
          "both to run sleep",
          () ->
              scanner.lookup(carrier.pid()).name().equals("sleep")
                  && scanner.lookup(other.pid()).name().equals("sleep"));

      assertThat(CookieSearch.find(cookie, scanner))
          .extracting(ProcessInfo::id)
          .containsExactly(carrier)
          .doesNotContain(other);
    }
  }

  /**
   * On Linux the cookie is read from /proc/PID/environ: NUL-separated, the variable named exactly.
   */
  @Test
  void readsTheCookieFromAnEnvironFile(@TempDir Path directory) throws IOException {
    Path environ = directory.resolve("environ");
    Files.writeString(
        environ, "PATH=/bin\0PROCLEAK_COOKIE_OTHER=x\0PROCLEAK_COOKIE=a-1/jvm-2-3\0HOME=/root\0");
    assertThat(ProcessDetails.cookieIn(directory)).isEqualTo("a-1/jvm-2-3");

    Files.writeString(environ, "PATH=/bin\0XPROCLEAK_COOKIE=y\0");
    assertThat(ProcessDetails.cookieIn(directory)).isNull();
    assertThat(ProcessDetails.cookieIn(directory.resolve("gone"))).isNull();
  }
}
