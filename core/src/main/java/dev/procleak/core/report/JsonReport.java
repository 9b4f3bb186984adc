package dev.procleak.core.report;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.procleak.core.model.Leak;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code procleak-report.json}, one per module, in the format described by the JSON Schema
 * at {@link #SCHEMA} (in this jar; in the repository under {@code core/src/main/resources}).
 */
public final class JsonReport {
  public static final String FORMAT = "procleak-report/1";
  public static final String FILE_NAME = "procleak-report.json";

  /** The JSON Schema on the class path. */
  public static final String SCHEMA = "/dev/procleak/core/report/procleak-report.schema.json";

  private static final JSON JSON_MAPPER = JSON.std.with(JSON.Feature.PRETTY_PRINT_OUTPUT);

  /**
   * Fields a writer adds where the schema leaves room for them, after the schema's own: {@code
   * procleak:scan} adds the machine's facts to the report and to each leak.
   */
  public interface Additions {
    Additions NONE = new Additions() {};

    /** Added to the report, after its {@code leaks}. */
    default Map<String, Object> toReport() {
      return Map.of();
    }

    /** Added to {@code leak}'s object, after its {@code cleanup}. */
    default Map<String, Object> toLeak(Leak leak) {
      return Map.of();
    }
  }

  private JsonReport() {}

  /** The writer of {@code procleak-report.json} in {@code directory}. */
  public static ReportWriter into(Path directory) {
    return ReportWriter.ofFile(
        directory.resolve(FILE_NAME), ReportWriter.Mention.REPORT, JsonReport::write);
  }

  public static void write(Path file, LeakReport report) throws IOException {
    write(file, report, Additions.NONE);
  }

  /** Writes atomically: a reader sees the old file or the whole new one. */
  public static void write(Path file, LeakReport report, Additions additions) throws IOException {
    AtomicFile.write(file, toJson(report, additions));
  }

  public static String toJson(LeakReport report) throws IOException {
    return toJson(report, Additions.NONE);
  }

  public static String toJson(LeakReport report, Additions additions) throws IOException {
    return JsonWriter.escapeLoneSurrogates(JSON_MAPPER.asString(toMap(report, additions)));
  }

  /** The report as maps and lists, in the schema's order. */
  private static Map<String, Object> toMap(LeakReport report, Additions additions) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("format", FORMAT);
    map.put("project", report.project());
    map.put("created", report.created().toString());
    List<Map<String, Object>> jvms = new ArrayList<>();
    for (LeakReport.TestJvm jvm : report.testJvms()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("pid", jvm.pid());
      entry.put("subreaper", jvm.subreaper());
      entry.put("scopes", jvm.scopes());
      entry.put("testScopes", jvm.testScopes());
      entry.put("runners", jvm.runners());
      jvms.add(entry);
    }
    if (!report.gaps().isEmpty()) {
      List<Map<String, Object>> gaps = new ArrayList<>();
      for (CheckGap gap : report.gaps()) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("nothingChecked", gap.nothingChecked());
        entry.put("message", gap.message());
        gaps.add(entry);
      }
      map.put("gaps", gaps);
    }
    map.put("testJvms", jvms);
    Map<String, Object> counts = new LinkedHashMap<>();
    counts.put("leaks", report.leaks().size());
    report.countByKind().forEach((kind, n) -> counts.put(kind.name(), n));
    map.put("counts", counts);
    List<Map<String, Object>> scopes = new ArrayList<>();
    for (LeakReport.Scope scope : report.scopes()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("kind", scope.kind().name());
      entry.put("name", scope.name().display());
      entry.put("leaks", scope.leaks().size());
      scopes.add(entry);
    }
    map.put("scopes", scopes);
    List<Map<String, Object>> leaks = new ArrayList<>();
    for (Leak leak : report.leaks()) {
      Map<String, Object> entry = LeakJson.toMap(leak);
      entry.putAll(additions.toLeak(leak));
      leaks.add(entry);
    }
    map.put("leaks", leaks);
    if (!report.leftovers().isEmpty()) {
      List<Map<String, Object>> leftovers = new ArrayList<>();
      report.leftovers().forEach(leak -> leftovers.add(LeakJson.toMap(leak)));
      map.put("leftovers", leftovers);
    }
    map.putAll(additions.toReport());
    return map;
  }
}
