package dev.procleak.core.machine;

import dev.procleak.core.model.Leak;
import dev.procleak.core.report.JsonReport;
import dev.procleak.core.report.LeakReport;
import dev.procleak.core.scan.ProcessId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code procleak:scan}'s findings as JSON ({@code -Dprocleak.scanReport=<file>}): the same format
 * as {@code check}'s {@code procleak-report.json} ({@link JsonReport#SCHEMA}), its leaks in one
 * {@code MACHINE} scope, with a {@code machine} object (the scan's user, grace and culprits) and,
 * on each leak, the process's session.
 */
public final class ScanReportFile {

  private ScanReportFile() {}

  public static void write(Path file, ScanResult result) throws IOException {
    JsonReport.write(file, report(result, hostName()), new MachineFields(result));
  }

  public static String toJson(ScanResult result, String host) throws IOException {
    return JsonReport.toJson(report(result, host), new MachineFields(result));
  }

  /**
   * The findings as {@code check}'s report of one module, the host: no test JVM, every leak in one
   * scope.
   */
  private static LeakReport report(ScanResult result, String host) {
    return new LeakReport(host, result.scannedAt(), List.of(), result.leaks());
  }

  /** What only a scan knows: who and how it scanned, the culprits, and each finding's session. */
  private static final class MachineFields implements JsonReport.Additions {
    private final ScanResult result;
    private final Map<ProcessId, FoundProcess> found = new HashMap<>();

    MachineFields(ScanResult result) {
      this.result = result;
      result.zombies().forEach(zombie -> found.put(zombie.process(), zombie));
      result.orphans().forEach(orphan -> found.put(orphan.process(), orphan));
    }

    @Override
    public Map<String, Object> toReport() {
      Map<String, Object> machine = new LinkedHashMap<>();
      machine.put("user", result.user());
      machine.put("graceMillis", result.grace().toMillis());
      machine.put("sessionsKnown", result.sessionsKnown());
      List<Map<String, Object>> culprits = new ArrayList<>();
      for (Culprit culprit : result.culprits()) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("pid", culprit.pid());
        entry.put("startTime", culprit.process().startTime());
        entry.put("command", culprit.command());
        if (culprit.startedAt() != null) {
          entry.put("startedAt", culprit.startedAt().toString());
        }
        entry.put("zombies", culprit.zombies().stream().map(FoundProcess::pid).toList());
        culprits.add(entry);
      }
      machine.put("culprits", culprits);
      return Map.of("machine", machine);
    }

    @Override
    public Map<String, Object> toLeak(Leak leak) {
      FoundProcess process = found.get(leak.process());
      return process == null ? Map.of() : Map.of("machine", machine(process));
    }
  }

  private static Map<String, Object> machine(FoundProcess found) {
    Map<String, Object> entry = new LinkedHashMap<>();
    if (found.session() >= 0) {
      entry.put("session", found.session());
      entry.put("processGroup", found.processGroup());
      if (found.sessionLeader() != null) {
        entry.put("sessionLeader", found.sessionLeader());
      }
    }
    entry.put("why", found.why());
    if (found.leftBy() != null) {
      entry.put("leftBy", found.leftBy());
    }
    return entry;
  }

  /** The kernel's host name, without asking a resolver (which may hang on a CI agent). */
  static String hostName() {
    try {
      Path kernel = Path.of("/proc/sys/kernel/hostname");
      if (Files.isReadable(kernel)) {
        return Files.readString(kernel).trim();
      }
    } catch (IOException e) {
      // fall through to the environment
    }
    String name = System.getenv("HOSTNAME");
    if (name == null) {
      name = System.getenv("COMPUTERNAME");
    }
    return name == null || name.isBlank() ? "localhost" : name;
  }
}
