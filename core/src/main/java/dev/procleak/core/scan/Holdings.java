package dev.procleak.core.scan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import oshi.software.os.InternetProtocolStats;
import oshi.software.os.OSProcess;

/**
 * What a leaked process holds that the next test would trip over: the sockets it listens on and its
 * working directory. Read only for leaks, while they still run: on Linux from {@code /proc},
 * elsewhere from OSHI, where it has them.
 *
 * @param listening the addresses it listens on, TCP as {@code 127.0.0.1:8080}, UDP as {@code udp
 *     0.0.0.0:5353}, IPv6 in brackets
 * @param workingDirectory its working directory; null where unreadable
 */
public record Holdings(List<String> listening, String workingDirectory) {
  public static final Holdings NONE = new Holdings(List.of(), null);
  private static final boolean PROC = Files.isDirectory(Path.of("/proc/self/fd"));
  private static final String TCP_LISTEN = "0A";
  private static final String UDP_UNCONNECTED = "07";

  public Holdings {
    listening = List.copyOf(listening);
  }

  public boolean isEmpty() {
    return listening.isEmpty() && workingDirectory == null;
  }

  /**
   * What {@code process} holds now; {@link #NONE} for a zombie or a process gone since the scan.
   */
  public static Holdings of(ProcessInfo process, SubtreeScanner scanner) {
    if (process.isZombie()) {
      return NONE;
    }
    Holdings holdings;
    try {
      holdings =
          PROC ? fromProc(Path.of("/proc", Long.toString(process.pid()))) : fromOshi(process.pid());
    } catch (RuntimeException | LinkageError unreadable) {
      return NONE; // never fail a check for a detail
    }
    return scanner.current(process.id()).isPresent() ? holdings : NONE;
  }

  static Holdings fromProc(Path pidDirectory) {
    String cwd;
    try {
      cwd = Files.readSymbolicLink(pidDirectory.resolve("cwd")).toString();
    } catch (IOException | SecurityException | UnsupportedOperationException unreadable) {
      cwd = null;
    }
    Set<String> inodes = socketInodes(pidDirectory.resolve("fd"));
    List<String> listening = new ArrayList<>();
    if (!inodes.isEmpty()) {
      listening(pidDirectory.resolve("net/tcp"), TCP_LISTEN, "", inodes, listening);
      listening(pidDirectory.resolve("net/tcp6"), TCP_LISTEN, "", inodes, listening);
      listening(pidDirectory.resolve("net/udp"), UDP_UNCONNECTED, "udp ", inodes, listening);
      listening(pidDirectory.resolve("net/udp6"), UDP_UNCONNECTED, "udp ", inodes, listening);
    }
    return new Holdings(listening, cwd);
  }

  private static Set<String> socketInodes(Path fds) {
    Set<String> inodes = new HashSet<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(fds)) {
      for (Path fd : entries) {
        try {
          String target = Files.readSymbolicLink(fd).toString();
          if (target.startsWith("socket:[") && target.endsWith("]")) {
            inodes.add(target.substring("socket:[".length(), target.length() - 1));
          }
        } catch (IOException closedMeanwhile) {
          // gone since the listing
        }
      }
    } catch (IOException | SecurityException | DirectoryIteratorException unreadable) {
      // another user's, or gone (while listed: what was read before counts)
    }
    return inodes;
  }

  /**
   * The lines of a {@code /proc/net} socket table in {@code state} whose inode is the process's.
   */
  private static void listening(
      Path table, String state, String prefix, Set<String> inodes, List<String> found) {
    List<String> lines;
    try {
      lines = Files.readAllLines(table);
    } catch (IOException | SecurityException | UncheckedIOException absent) {
      return; // no IPv6 here, say
    }
    listening(lines, state, prefix, inodes, found);
  }

  /**
   * As {@link #listening(Path, String, String, Set, List)}, from a table's lines as read. The
   * kernel writes the table while it is read, so a line may be one the table no longer has, or one
   * that is not whole: such a line is skipped, never the table nor the rest of what the process
   * holds.
   */
  static void listening(
      List<String> lines, String state, String prefix, Set<String> inodes, List<String> found) {
    for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
      String[] fields = line.trim().split("\\s+");
      // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode
      if (fields.length > 9 && fields[3].equals(state) && inodes.contains(fields[9])) {
        String address;
        try {
          address = prefix + address(fields[1]);
        } catch (IllegalArgumentException | IndexOutOfBoundsException notWhole) {
          continue;
        }
        if (!found.contains(address)) {
          found.add(address);
        }
      }
    }
  }

  /** {@code 0100007F:1F90} as {@code 127.0.0.1:8080}; IPv6 as {@code [::1]:8080}. */
  static String address(String hex) {
    int colon = hex.indexOf(':');
    String host = hex.substring(0, colon);
    int port = Integer.parseInt(hex.substring(colon + 1), 16);
    // The kernel prints each 32-bit word of the address in the host's byte order (little-endian
    // here).
    byte[] bytes = new byte[host.length() / 2];
    for (int word = 0; word < bytes.length / 4; word++) {
      for (int b = 0; b < 4; b++) {
        int at = (word * 4 + (3 - b)) * 2;
        bytes[word * 4 + b] = (byte) Integer.parseInt(host.substring(at, at + 2), 16);
      }
    }
    try {
      InetAddress parsed = InetAddress.getByAddress(bytes);
      String text = parsed.getHostAddress();
      return parsed instanceof Inet6Address
          ? "[" + compress(text) + "]:" + port
          : text + ":" + port;
    } catch (UnknownHostException impossible) {
      return new BigInteger(host, 16) + ":" + port;
    }
  }

  /** {@code 0:0:0:0:0:0:0:1} as {@code ::1}: the longest run of zero groups becomes {@code ::}. */
  private static String compress(String ipv6) {
    String[] groups = ipv6.split(":");
    int bestStart = -1;
    int bestLength = 0;
    for (int i = 0; i < groups.length; ) {
      int j = i;
      while (j < groups.length && groups[j].equals("0")) {
        j++;
      }
      if (j - i > bestLength) {
        bestStart = i;
        bestLength = j - i;
      }
      i = j == i ? i + 1 : j;
    }
    if (bestLength < 2) {
      return ipv6;
    }
    String head = String.join(":", Arrays.copyOfRange(groups, 0, bestStart));
    String tail =
        String.join(":", Arrays.copyOfRange(groups, bestStart + bestLength, groups.length));
    return head + "::" + tail;
  }

  private static Holdings fromOshi(long pid) {
    OSProcess process = Oshi.operatingSystem().getProcess((int) pid);
    if (process == null) {
      return NONE;
    }
    List<String> listening = new ArrayList<>();
    for (InternetProtocolStats.IPConnection connection :
        Oshi.operatingSystem().getInternetProtocolStats().getConnections()) {
      if (connection.getowningProcessId() == pid
          && connection.getState() == InternetProtocolStats.TcpState.LISTEN) {
        try {
          listening.add(
              InetAddress.getByAddress(connection.getLocalAddress()).getHostAddress()
                  + ":"
                  + connection.getLocalPort());
        } catch (UnknownHostException unreadable) {
          // skip it
        }
      }
    }
    String cwd = process.getCurrentWorkingDirectory();
    return new Holdings(listening, cwd == null || cwd.isEmpty() ? null : cwd);
  }
}
