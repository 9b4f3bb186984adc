package dev.procleak.core.scan;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import oshi.software.os.OSProcess;

/**
 * One scenario of {@code src/test/resources/snapshots} (format in the README there): the listings a
 * platform would return, replayed in order through that platform's real conversion code.
 */
final class RecordedSnapshot implements ProcessListing {
  final String name;
  final String platform;
  final long root;
  final List<List<ProcessInfo>> listings = new ArrayList<>();
  final List<String> expected = new ArrayList<>();
  private int next;

  private RecordedSnapshot(String name, String platform, long root) {
    this.name = name;
    this.platform = platform;
    this.root = root;
  }

  static RecordedSnapshot load(String name) {
    String text;
    try (InputStream in = RecordedSnapshot.class.getResourceAsStream("/snapshots/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no snapshot " + name);
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String platform = null;
    long root = -1;
    List<List<String[]>> rawListings = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    for (String line : text.split("\n")) {
      line = line.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] words = line.split("\\s+", 5);
      switch (words[0]) {
        case "platform":
          platform = words[1];
          break;
        case "root":
          root = Long.parseLong(words[1]);
          break;
        case "listing":
          rawListings.add(new ArrayList<>());
          break;
        case "expect":
          expected.add(line.substring("expect ".length()));
          break;
        default:
          if (words.length != 5 || rawListings.isEmpty()) {
            throw new IllegalArgumentException(name + ": not a process line of a listing: " + line);
          }
          rawListings.get(rawListings.size() - 1).add(words);
      }
    }
    RecordedSnapshot snapshot = new RecordedSnapshot(name, platform, root);
    for (List<String[]> raw : rawListings) {
      snapshot.listings.add(snapshot.convert(raw));
    }
    snapshot.expected.addAll(expected);
    return snapshot;
  }

  /** Each listing once, in order; the last one again after that. */
  @Override
  public List<ProcessInfo> all() {
    List<ProcessInfo> listing = listings.get(Math.min(next, listings.size() - 1));
    next++;
    return listing;
  }

  /** The process in the listing returned last. */
  @Override
  public ProcessInfo lookup(long pid) {
    List<ProcessInfo> current = listings.get(Math.max(0, Math.min(next - 1, listings.size() - 1)));
    return current.stream().filter(process -> process.pid() == pid).findFirst().orElse(null);
  }

  private List<ProcessInfo> convert(List<String[]> lines) {
    switch (platform) {
      case "macos":
        ByteBuffer records =
            ByteBuffer.allocate(lines.size() * KinfoProc.SIZE).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < lines.size(); i++) {
          encodeKinfoProc(records, i * KinfoProc.SIZE, lines.get(i));
        }
        return KinfoProc.parseAll(records);
      case "windows":
        List<ProcessInfo> processes = new ArrayList<>();
        for (String[] line : lines) {
          processes.add(WindowsProcessListing.toInfo(oshiProcess(line)));
        }
        return processes;
      default:
        throw new IllegalArgumentException(name + ": unknown platform " + platform);
    }
  }

  /** The bytes of one {@code struct kinfo_proc}, as macOS's sysctl would write them. */
  static void encodeKinfoProc(ByteBuffer records, int offset, String[] line) {
    long start = Long.parseLong(line[2]);
    records.putLong(offset + KinfoProc.START_SECONDS, start / 1000);
    records.putInt(offset + KinfoProc.START_MICROS, (int) (start % 1000) * 1000);
    records.put(offset + KinfoProc.STATE, Byte.parseByte(line[3]));
    records.putInt(offset + KinfoProc.PID, Integer.parseInt(line[0]));
    records.putInt(offset + KinfoProc.PARENT, Integer.parseInt(line[1]));
    byte[] command = line[4].getBytes(StandardCharsets.UTF_8);
    records.put(
        offset + KinfoProc.COMMAND,
        command,
        0,
        Math.min(command.length, KinfoProc.COMMAND_LENGTH - 1));
  }

  /** What OSHI's {@code WindowsOSProcess} answers for one process; nothing else is asked. */
  private static OSProcess oshiProcess(String[] line) {
    return (OSProcess)
        Proxy.newProxyInstance(
            OSProcess.class.getClassLoader(),
            new Class<?>[] {OSProcess.class},
            (proxy, method, args) -> {
              switch (method.getName()) {
                case "getProcessID":
                  return Integer.parseInt(line[0]);
                case "getParentProcessID":
                  return Integer.parseInt(line[1]);
                case "getStartTime":
                  return Long.parseLong(line[2]);
                case "getState":
                  return OSProcess.State.valueOf(line[3]);
                case "getName":
                  return line[4];
                default:
                  throw new UnsupportedOperationException(
                      "the Windows path must not need " + method.getName());
              }
            });
  }

  @Override
  public String toString() {
    return name;
  }
}
