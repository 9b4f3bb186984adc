package dev.procleak.core.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procleak.core.RealProcesses;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
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
}
