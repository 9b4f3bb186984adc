package dev.procleak.core.machine;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code procleak:scan}'s findings as JSON ({@code -Dprocleak.scanReport=<file>}). */
public final class ScanReportFile {
  public static final String FORMAT = "procleak-scan/1";
  private static final JSON JSON_MAPPER = JSON.std.with(JSON.Feature.PRETTY_PRINT_OUTPUT);

  private ScanReportFile() {}

  /** Writes atomically: a reader sees the old file or the whole new one. */
  public static void write(Path file, ScanResult result) throws IOException {
    Path directory = file.toAbsolutePath().getParent();
    Files.createDirectories(directory);
    Path temporary = Files.createTempFile(directory, file.getFileName().toString(), ".tmp");
    try {
      Files.writeString(temporary, toJson(result));
      Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  public static String toJson(ScanResult result) throws IOException {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("format", FORMAT);
    map.put("user", result.user());
    map.put("scannedAt", result.scannedAt().toString());
    map.put("graceMillis", result.grace().toMillis());
    map.put("sessionsKnown", result.sessionsKnown());
    List<Map<String, Object>> culprits = new ArrayList<>();
    for (Culprit culprit : result.culprits()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("pid", culprit.pid());
      entry.put("startTime", culprit.process().startTime());
      entry.put("command", culprit.command());
      entry.put("startedAt", culprit.startedAt() == null ? null : culprit.startedAt().toString());
      List<Map<String, Object>> zombies = new ArrayList<>();
      culprit.zombies().forEach(zombie -> zombies.add(toMap(zombie)));
      entry.put("zombies", zombies);
      culprits.add(entry);
    }
    map.put("culprits", culprits);
    List<Map<String, Object>> orphans = new ArrayList<>();
    result.orphans().forEach(orphan -> orphans.add(toMap(orphan)));
    map.put("orphans", orphans);
    return JSON_MAPPER.asString(map);
  }

  private static Map<String, Object> toMap(FoundProcess found) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("kind", found.kind().name());
    entry.put("pid", found.pid());
    entry.put("startTime", found.process().startTime());
    entry.put("command", found.command());
    entry.put("startedAt", found.startedAt() == null ? null : found.startedAt().toString());
    entry.put("parentPid", found.parentPid());
    entry.put("parentCommand", found.parentCommand());
    if (found.session() >= 0) {
      entry.put("session", found.session());
      entry.put("processGroup", found.processGroup());
      entry.put("sessionLeader", found.sessionLeader());
    }
    entry.put("why", found.why());
    return entry;
  }
}
