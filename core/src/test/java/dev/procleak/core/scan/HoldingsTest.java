package dev.procleak.core.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procleak.core.RealProcesses;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class HoldingsTest {

  @Test
  void addressesReadAsTheyAreWritten() {
    assertThat(Holdings.address("0100007F:1F90")).isEqualTo("127.0.0.1:8080");
    assertThat(Holdings.address("00000000:0035")).isEqualTo("0.0.0.0:53");
    assertThat(Holdings.address("00000000000000000000000001000000:1F90")).isEqualTo("[::1]:8080");
    assertThat(Holdings.address("00000000000000000000000000000000:01BB")).isEqualTo("[::]:443");
    // An IPv4 address mapped into IPv6 reads as IPv4.
    assertThat(Holdings.address("0000000000000000FFFF00000100007F:0050")).isEqualTo("127.0.0.1:80");
  }

  @Test
  @EnabledOnOs(OS.LINUX)
  void aProcessListeningOnTcpAndUdpSaysWhereAndItsWorkingDirectory() throws Exception {
    try (ServerSocket tcp = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        DatagramSocket udp =
            new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        ServerSocket unbound = new ServerSocket()) {
      Holdings held =
          Holdings.fromProc(Path.of("/proc", Long.toString(ProcessHandle.current().pid())));

      assertThat(held.listening())
          .contains("127.0.0.1:" + tcp.getLocalPort(), "udp 127.0.0.1:" + udp.getLocalPort());
      assertThat(held.workingDirectory())
          .isEqualTo(Path.of(System.getProperty("user.dir")).toRealPath().toString());
    }
  }

  @Test
  @EnabledOnOs(OS.LINUX)
  void aChildsWorkingDirectoryIsItsOwnAndAZombieHoldsNothing() throws Exception {
    try (RealProcesses processes = new RealProcesses()) {
      Process child = processes.shell("cd /tmp && exec sleep 62.1");
      ProcfsScanner scanner = new ProcfsScanner();
      RealProcesses.await(
          "the child in /tmp",
          () ->
              Holdings.of(scanner.lookup(child.pid()), scanner).workingDirectory() != null
                  && Holdings.of(scanner.lookup(child.pid()), scanner)
                      .workingDirectory()
                      .equals("/tmp"));

      assertThat(Holdings.of(scanner.lookup(child.pid()), scanner).listening()).isEmpty();
      Process culprit = processes.zombies(1);
      ProcessInfo zombie = scanner.scan(culprit.pid()).children(culprit.pid()).get(0);
      assertThat(Holdings.of(zombie, scanner)).isEqualTo(Holdings.NONE);
    }
  }

  private static final String HEADER =
      "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout"
          + " inode";
  private static final String LISTENER =
      "   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0"
          + " 4242 1 0000000000000000 100 0 0 10 0";

  /**
   * A table read while the kernel rewrites it: lines cut anywhere, lines of another shape, garbage
   * fields. None of it fails the read or hides a whole line that says the process listens.
   */
  @Property(tries = 1000)
  void aSocketTableThatChangesWhileReadNeverFailsAndKeepsItsWholeLines(
      @ForAll @Size(max = 12) List<@From("tableLines") String> others) {
    List<String> lines = new ArrayList<>();
    lines.add(HEADER);
    lines.addAll(others);
    lines.add(LISTENER);
    List<String> found = new ArrayList<>();

    Holdings.listening(lines, "0A", "", Set.of("4242", "17"), found);

    assertThat(found).contains("127.0.0.1:8080");
  }

  @Provide
  Arbitrary<String> tableLines() {
    Arbitrary<String> cut =
        Arbitraries.integers()
            .between(0, LISTENER.length())
            .map(end -> LISTENER.substring(0, end).replace("4242", "17"));
    Arbitrary<String> field =
        Arbitraries.strings().withChars("0123456789ABCDEFx:->[] ").ofMaxLength(40);
    Arbitrary<String> shaped =
        field
            .list()
            .ofSize(12)
            .map(
                fields -> {
                  fields.set(3, "0A");
                  fields.set(9, "17");
                  return String.join(" ", fields);
                });
    return Arbitraries.oneOf(cut, shaped, Arbitraries.strings().ofMaxLength(120));
  }

  /** Sockets opened and closed by another thread all along: the listener is found in every read. */
  @Test
  @EnabledOnOs(OS.LINUX)
  void aListenerIsFoundWhileOtherSocketsComeAndGo() throws Exception {
    AtomicBoolean done = new AtomicBoolean();
    AtomicInteger churned = new AtomicInteger();
    Thread churn =
        new Thread(
            () -> {
              while (!done.get()) {
                try (ServerSocket passing =
                    new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                  churned.incrementAndGet();
                } catch (java.io.IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              }
            },
            "socket-churn");
    try (ServerSocket tcp = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      churn.start();
      Path self = Path.of("/proc", Long.toString(ProcessHandle.current().pid()));
      for (int read = 0; read < 200 || churned.get() < 200; read++) {
        assertThat(Holdings.fromProc(self).listening())
            .as("read %d, %d sockets opened and closed meanwhile", read, churned.get())
            .contains("127.0.0.1:" + tcp.getLocalPort());
      }
    } finally {
      done.set(true);
      churn.join();
    }
  }
}
