package dev.procleak.core.report;

import dev.procleak.core.model.Ancestor;
import dev.procleak.core.model.CleanupOutcome;
import dev.procleak.core.model.Leak;
import dev.procleak.core.model.LeakKind;
import dev.procleak.core.model.ScopeKind;
import dev.procleak.core.model.ScopeName;
import dev.procleak.core.origin.JavaStart;
import dev.procleak.core.origin.Origin;
import dev.procleak.core.os.Signals;
import dev.procleak.core.os.WaitStatus;
import dev.procleak.core.scan.Holdings;
import dev.procleak.core.scan.ProcessId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One leak as a JSON object (maps and lists for jackson-jr), the same in the per-JVM files and in
 * {@code procleak-report.json}; see {@link JsonReport#SCHEMA}.
 */
final class LeakJson {
  private LeakJson() {}

  static Map<String, Object> toMap(Leak leak) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("kind", leak.kind().name());
    map.put("pid", leak.pid());
    map.put("startTime", leak.process().startTime());
    map.put("command", leak.command());
    Map<String, Object> scope = new LinkedHashMap<>();
    scope.put("kind", leak.scopeKind().name());
    scope.putAll(scopeName(leak.scope()));
    map.put("scope", scope);
    if (leak.isAmbiguous()) {
      map.put("candidates", leak.candidates());
    }
    if (leak.startedAt() != null) {
      map.put("startedAt", leak.startedAt().toString());
    }
    if (leak.age() != null) {
      map.put("ageMillis", leak.age().toMillis());
    }
    List<Map<String, Object>> ancestors = new ArrayList<>();
    for (Ancestor ancestor : leak.ancestors()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("pid", ancestor.pid());
      entry.put("command", ancestor.command());
      entry.put("testJvm", ancestor.testJvm());
      ancestors.add(entry);
    }
    map.put("ancestors", ancestors);
    if (leak.origin() != null) {
      map.put("origin", origin(leak.origin()));
    }
    if (!leak.holdings().isEmpty()) {
      Map<String, Object> holdings = new LinkedHashMap<>();
      if (leak.holdings().workingDirectory() != null) {
        holdings.put("workingDirectory", leak.holdings().workingDirectory());
      }
      holdings.put("listening", leak.holdings().listening());
      map.put("holdings", holdings);
    }
    map.put("cleanup", cleanup(leak.outcome()));
    return map;
  }

  /** The name, and its parts for a reader that files a leak under its test. */
  static Map<String, Object> scopeName(ScopeName name) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("name", name.display());
    if (name.className() != null) {
      map.put("className", name.className());
    }
    if (name.isMethod()) {
      map.put("method", name.method());
      map.put("invocation", name.invocation());
    }
    return map;
  }

  private static Map<String, Object> origin(Origin origin) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("recorded", origin.isRecorded());
    if (origin.recordingOff()) {
      map.put("recordingOff", true);
    }
    if (origin.isRecorded()) {
      map.put("pid", origin.pid());
      map.put("command", origin.command());
      map.put("exited", origin.exited());
      map.put("callers", origin.callers());
    } else {
      map.put("notRecorded", origin.notRecorded());
    }
    return map;
  }

  private static Origin originFrom(Object value) {
    if (!(value instanceof Map<?, ?> map)) {
      return null;
    }
    if (!Boolean.TRUE.equals(map.get("recorded"))) {
      String why = (String) map.get("notRecorded");
      return Boolean.TRUE.equals(map.get("recordingOff"))
          ? Origin.recordingOff(why)
          : Origin.notRecorded(why);
    }
    return Origin.recorded(
        new JavaStart(
            0, number(map, "pid"), null, (String) map.get("command"), strings(map.get("callers"))),
        Boolean.TRUE.equals(map.get("exited")));
  }

  private static Holdings holdingsFrom(Object value) {
    if (!(value instanceof Map<?, ?> map)) {
      return Holdings.NONE;
    }
    return new Holdings(strings(map.get("listening")), (String) map.get("workingDirectory"));
  }

  static List<String> strings(Object value) {
    List<String> strings = new ArrayList<>();
    if (value instanceof List<?> items) {
      items.forEach(item -> strings.add((String) item));
    }
    return strings;
  }

  private static Map<String, Object> cleanup(CleanupOutcome outcome) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("action", outcome.action().name());
    map.put("text", outcome.toString());
    WaitStatus status = outcome.reaped();
    if (status != null) {
      Map<String, Object> reaped = new LinkedHashMap<>();
      reaped.put("raw", status.raw());
      if (status.exited()) {
        reaped.put("exitCode", status.exitCode());
      } else if (status.signaled()) {
        reaped.put("signal", status.termSignal());
        reaped.put("signalName", Signals.name(status.termSignal()));
        reaped.put("coreDumped", status.coreDumped());
      }
      reaped.put("text", status.toString());
      map.put("reaped", reaped);
    }
    return map;
  }

  static Leak fromMap(Map<?, ?> map) {
    List<Ancestor> ancestors = new ArrayList<>();
    for (Object item : (List<?>) map.get("ancestors")) {
      Map<?, ?> ancestor = (Map<?, ?>) item;
      ancestors.add(
          new Ancestor(
              number(ancestor, "pid"),
              (String) ancestor.get("command"),
              Boolean.TRUE.equals(ancestor.get("testJvm"))));
    }
    Map<?, ?> scope = (Map<?, ?>) map.get("scope");
    Map<?, ?> cleanup = (Map<?, ?>) map.get("cleanup");
    Map<?, ?> reaped = (Map<?, ?>) cleanup.get("reaped");
    Object startedAt = map.get("startedAt");
    Object ageMillis = map.get("ageMillis");
    return new Leak(
        LeakKind.valueOf((String) map.get("kind")),
        new ProcessId(number(map, "pid"), number(map, "startTime")),
        (String) map.get("command"),
        ancestors,
        ScopeKind.valueOf((String) scope.get("kind")),
        scopeName(scope),
        startedAt == null ? null : Instant.parse((String) startedAt),
        ageMillis == null ? null : Duration.ofMillis(((Number) ageMillis).longValue()),
        new CleanupOutcome(
            CleanupOutcome.Action.valueOf((String) cleanup.get("action")),
            reaped == null ? null : new WaitStatus((int) number(reaped, "raw"))),
        strings(map.get("candidates")),
        originFrom(map.get("origin")),
        holdingsFrom(map.get("holdings")));
  }

  /** From its parts where the report has them; a report written before them has the name only. */
  static ScopeName scopeName(Map<?, ?> scope) {
    String className = (String) scope.get("className");
    String method = (String) scope.get("method");
    if (className == null) {
      return ScopeName.of((String) scope.get("name"));
    }
    return method == null
        ? ScopeName.testClass(className)
        : ScopeName.method(className, method, (String) scope.get("invocation"));
  }

  static long number(Map<?, ?> map, String key) {
    Object value = map.get(key);
    if (!(value instanceof Number)) {
      throw new IllegalArgumentException("expected a number for '" + key + "' but found " + value);
    }
    return ((Number) value).longValue();
  }
}
