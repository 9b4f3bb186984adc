package dev.procleak.core.report;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.procleak.core.model.Leak;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads and writes the per-JVM reports; a reader never sees a half-written file. */
public final class ReportFiles {
  public static final String FORMAT = "procleak-jvm-report/3";
  private static final String PREFIX = "jvm-";

  private ReportFiles() {}

  public static Path fileFor(Path directory, long pid, long startTime) {
    return directory.resolve(PREFIX + pid + "-" + startTime + ".json");
  }

  public static void write(Path file, JvmReport report) throws IOException {
    AtomicFile.write(file, JsonWriter.write(toMap(report)));
  }

  public static JvmReport read(Path file) throws IOException {
    Map<String, Object> map = JSON.std.mapFrom(Files.readString(file));
    if (!FORMAT.equals(map.get("format"))) {
      throw new IOException(
          file
              + " is not a "
              + FORMAT
              + " file (format: "
              + map.get("format")
              + "); it was written by another version of procleak: run the build again from the start");
    }
    List<Leak> leaks = leaks(map.get("leaks"), file);
    return new JvmReport(
        number(map, "pid"),
        (String) map.get("cookie"),
        Boolean.TRUE.equals(map.get("subreaper")),
        (int) number(map, "scopes"),
        leaks,
        strings(map.get("limitations")),
        (int) number(map, "testScopes"),
        strings(map.get("runners")),
        strings(map.get("unscopedRunners")),
        (String) map.get("journal"),
        leaks(map.get("leftovers"), file));
  }

  private static List<Leak> leaks(Object list, Path file) throws IOException {
    List<Leak> leaks = new ArrayList<>();
    if (list == null) {
      return leaks;
    }
    try {
      for (Object item : (List<?>) list) {
        leaks.add(LeakJson.fromMap((Map<?, ?>) item));
      }
    } catch (RuntimeException e) {
      throw new IOException(file + " is not a valid " + FORMAT + " file: " + e, e);
    }
    return leaks;
  }

  /** Every JVM report in {@code directory}, oldest first. */
  public static List<Path> list(Path directory) throws IOException {
    List<Path> files = new ArrayList<>();
    if (!Files.isDirectory(directory)) {
      return files;
    }
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, PREFIX + "*.json")) {
      stream.forEach(files::add);
    }
    files.sort(null);
    return files;
  }

  private static Map<String, Object> toMap(JvmReport report) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("format", FORMAT);
    map.put("pid", report.pid());
    map.put("cookie", report.cookie());
    map.put("subreaper", report.subreaper());
    map.put("scopes", report.scopes());
    List<Map<String, Object>> leaks = new ArrayList<>();
    for (Leak leak : report.leaks()) {
      leaks.add(LeakJson.toMap(leak));
    }
    map.put("leaks", leaks);
    map.put("limitations", report.limitations());
    map.put("testScopes", report.testScopes());
    map.put("runners", report.runners());
    map.put("unscopedRunners", report.unscopedRunners());
    if (report.journal() != null) {
      map.put("journal", report.journal());
    }
    if (!report.leftovers().isEmpty()) {
      List<Map<String, Object>> leftovers = new ArrayList<>();
      report.leftovers().forEach(leak -> leftovers.add(LeakJson.toMap(leak)));
      map.put("leftovers", leftovers);
    }
    return map;
  }

  private static List<String> strings(Object written) {
    List<String> strings = new ArrayList<>();
    if (written instanceof List<?> list) {
      list.forEach(item -> strings.add(String.valueOf(item)));
    }
    return strings;
  }

  private static long number(Map<?, ?> map, String key) {
    return LeakJson.number(map, key);
  }
}
