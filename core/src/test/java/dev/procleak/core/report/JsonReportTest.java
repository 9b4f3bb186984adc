package dev.procleak.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.procleak.core.model.CleanupOutcome;
import dev.procleak.core.model.Leak;
import dev.procleak.core.model.LeakKind;
import dev.procleak.core.model.ScopeKind;
import dev.procleak.core.model.ScopeName;
import dev.procleak.core.origin.JavaStart;
import dev.procleak.core.origin.Origin;
import dev.procleak.core.report.html.HtmlReport;
import dev.procleak.core.scan.ProcessId;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonReportTest {
  static final Leak SURVIVOR = Leaks.survivor();

  static LeakReport leaky() {
    List<Leak> leaks = new ArrayList<>(List.of(Leaks.culprit(), Leaks.zombie(), Leaks.orphan()));
    leaks.addAll(Leaks.horde(7));
    return LeakReport.of(
        "demo", Leaks.FOUND, List.of(new JvmReport(10, "c", true, 4, leaks)), List.of(SURVIVOR));
  }

  static List<Error> validate(String json) throws Exception {
    try (InputStream schema = JsonReport.class.getResourceAsStream(JsonReport.SCHEMA)) {
      Schema validator =
          SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schema);
      return validator.validate(json, InputFormat.JSON);
    }
  }

  /** Not this build's leaks: a section of their own in the JSON, the XML and the job summary. */
  @Test
  void whatEarlierBuildsLeftIsASectionOfItsOwnInEveryReport(@TempDir Path directory)
      throws Exception {
    LeakReport report =
        LeakReport.of(
                "demo", Leaks.FOUND, List.of(new JvmReport(10, "c", true, 1, List.of())), List.of())
            .withLeftovers(List.of(Leaks.leftover()));
    Path file = directory.resolve(JsonReport.FILE_NAME);

    JsonReport.write(file, report);

    String json = Files.readString(file);
    assertThat(validate(json)).isEmpty();
    Map<String, Object> read = JSON.std.mapFrom(json);
    assertThat((List<?>) read.get("leaks")).isEmpty();
    assertThat((List<?>) read.get("leftovers")).hasSize(1);
    assertThat(((Map<?, ?>) ((List<?>) read.get("leftovers")).get(0)).get("scope"))
        .isEqualTo(
            Map.of(
                "kind", "LEFTOVER",
                "name", "demo.DaemonTest.leaves()",
                "className", "demo.DaemonTest",
                "method", "leaves()",
                "invocation", ""));
    Path xml = directory.resolve(JunitXmlReport.FILE_NAME);
    JunitXmlReport.write(xml, report);
    String text = Files.readString(xml);
    assertThat(text)
        .contains(
            "tests=\"2\"",
            "failures=\"0\"",
            "<testcase name=\"left running by earlier builds\" classname=\"procleak\"",
            "procleak: earlier builds of this project had left 1 process running, stopped before"
                + " this build's tests",
            "procleak: 1 process leaked by test demo.DaemonTest.leaves() of an earlier build,"
                + " found still running when this build began:",
            "started at: demo.DaemonTest.leaves(DaemonTest.java:9)",
            "sleep 61.2 &lt;&amp;\\u0001&gt;")
        .doesNotContain("<failure");
    assertThat(HtmlReport.render(report))
        .contains(
            "<h2 class=\"leftovers\">procleak: earlier builds of this project had left 1 process"
                + " running, stopped before this build&#39;s tests",
            "test demo.DaemonTest.leaves() of an earlier build, found still running when this build"
                + " began",
            "4321")
        .contains("no leaked processes");
    assertThat(StepSummary.markdown(report, "procleak-report.json"))
        .contains(
            "### procleak: no leaked processes",
            "> procleak: earlier builds of this project had left 1 process running");
  }

  @Test
  void aLeakyReportMatchesTheSchema(@TempDir Path directory) throws Exception {
    Path file = directory.resolve("target/procleak").resolve(JsonReport.FILE_NAME);

    JsonReport.write(file, leaky());

    String json = Files.readString(file);
    assertThat(validate(json)).isEmpty();
    Map<String, Object> read = JSON.std.mapFrom(json);
    assertThat(read)
        .containsEntry("format", "procleak-report/1")
        .containsEntry("project", "demo")
        .containsEntry("created", "2026-11-23T01:02:03.456Z");
    assertThat(read.get("counts"))
        .isEqualTo(Map.of("leaks", 12, "ZOMBIE", 8, "ORPHAN", 2, "LINGERING", 2));
    assertThat(read.get("scopes"))
        .isEqualTo(
            List.of(
                Map.of("kind", "TEST", "name", "a.B.c()", "leaks", 11),
                Map.of(
                    "kind",
                    "SURVIVOR",
                    "name",
                    "the test JVM, found still running after it exited",
                    "leaks",
                    1)));
    List<?> leaks = (List<?>) read.get("leaks");
    assertThat(leaks.get(1))
        .isEqualTo(
            JSON.std.mapFrom(
                """
        {"kind": "ZOMBIE", "pid": 12, "startTime": 1012, "command": "sleep",
         "scope": {"kind": "TEST", "name": "a.B.c()", "className": "a.B", "method": "c()", "invocation": ""},
         "startedAt": "2026-11-23T01:02:03.046Z", "ageMillis": 410,
         "ancestors": [{"pid": 11, "command": "sleep 30", "testJvm": false},
                       {"pid": 10, "command": "the test JVM", "testJvm": true}],
         "cleanup": {"action": "REAPED_AFTER_PARENT_KILLED",
                     "text": "reaped after its parent was killed: exited with code 0",
                     "reaped": {"raw": 0, "exitCode": 0, "text": "exited with code 0"}}}
        """));
    assertThat(((Map<?, ?>) ((Map<?, ?>) leaks.get(2)).get("cleanup")).get("reaped"))
        .isEqualTo(
            Map.of(
                "raw",
                15,
                "signal",
                15,
                "signalName",
                "SIGTERM",
                "coreDumped",
                false,
                "text",
                "killed by signal 15"));
    try (var files = Files.list(file.getParent())) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void theCandidatesOfAnAmbiguousLeakAreListedAndMatchTheSchema() throws Exception {
    String json =
        JsonReport.toJson(
            LeakReport.of(
                "demo",
                Leaks.FOUND,
                List.of(new JvmReport(10, "c", true, 2, List.of(Leaks.ambiguousOrphan()))),
                List.of()));

    assertThat(validate(json)).isEmpty();
    Map<?, ?> leak = (Map<?, ?>) ((List<?>) JSON.std.mapFrom(json).get("leaks")).get(0);
    assertThat(leak.get("scope"))
        .isEqualTo(
            Map.of(
                "kind",
                "TEST",
                "name",
                "a.B.c()",
                "className",
                "a.B",
                "method",
                "c()",
                "invocation",
                ""));
    assertThat(leak.get("candidates")).isEqualTo(List.of("a.B.a()", "a.B.c()"));
    for (Object pinned : (List<?>) JSON.std.mapFrom(JsonReport.toJson(leaky())).get("leaks")) {
      assertThat(((Map<?, ?>) pinned).containsKey("candidates"))
          .as("candidates of %s", pinned)
          .isFalse();
    }
    String oneCandidate = json.replaceFirst("\"a\\.B\\.a\\(\\)\"\\s*,\\s*", "");
    assertThat(oneCandidate).isNotEqualTo(json);
    assertThat(validate(oneCandidate)).as("one candidate alone is no ambiguity").isNotEmpty();
  }

  @Test
  void whereALeakWasStartedAndWhatItHeldAreWrittenReadBackAndMatchTheSchema() throws Exception {
    Leak traced = Leaks.tracedOrphan();
    Leak off = Leaks.culprit().withDetails(Origin.recordingOff("procleak.recordStarts=off"), null);
    String json =
        JsonReport.toJson(
            LeakReport.of(
                "demo",
                Leaks.FOUND,
                List.of(new JvmReport(10, "c", true, 2, List.of(traced, off))),
                List.of()));

    assertThat(validate(json)).isEmpty();
    List<?> leaks = (List<?>) JSON.std.mapFrom(json).get("leaks");
    Map<?, ?> orphan =
        (Map<?, ?>)
            leaks.stream()
                .filter(l -> ((Map<?, ?>) l).get("pid").equals(13))
                .findFirst()
                .orElseThrow();
    assertThat(orphan.get("origin"))
        .isEqualTo(
            Map.of(
                "recorded",
                true,
                "pid",
                9,
                "command",
                "sh -c sleep 60 &",
                "exited",
                true,
                "callers",
                List.of(
                    "a.Indexer.start(Indexer.java:12)",
                    "a.Indexer.startAll(Indexer.java:20)",
                    "a.B.c(B.java:9)")));
    assertThat(orphan.get("holdings"))
        .isEqualTo(
            Map.of(
                "workingDirectory",
                "/work/app",
                "listening",
                List.of("127.0.0.1:8080", "udp [::]:5353")));
    Map<?, ?> culprit =
        (Map<?, ?>)
            leaks.stream()
                .filter(l -> ((Map<?, ?>) l).get("pid").equals(11))
                .findFirst()
                .orElseThrow();
    assertThat(culprit.get("origin"))
        .isEqualTo(
            Map.of(
                "recorded",
                false,
                "recordingOff",
                true,
                "notRecorded",
                "procleak.recordStarts=off"));
    assertThat(culprit.containsKey("holdings")).isFalse();
    assertThat(LeakJson.fromMap(orphan).origin())
        .isEqualTo(
            Origin.recorded(
                new JavaStart(0, 9, null, "sh -c sleep 60 &", traced.origin().callers()), true));
    assertThat(LeakJson.fromMap(orphan).holdings()).isEqualTo(traced.holdings());
    assertThat(LeakJson.fromMap(culprit).origin()).isEqualTo(off.origin());
  }

  @Test
  void aScopeIsWrittenWithItsPartsMatchingTheSchemaAndANameAloneStillReads() throws Exception {
    ScopeName run = ScopeName.method("a.B$C", "sleeps(int, String)", "[2] \"x.y (1)\"");
    Leak ofARun = Leaks.culprit().withScope(run);
    Leak ofTheClass =
        new Leak(
            LeakKind.ORPHAN,
            new ProcessId(14, 1),
            "sleep 60",
            List.of(Leaks.JVM),
            ScopeKind.CLASS,
            ScopeName.testClass("a.B"),
            null,
            null,
            CleanupOutcome.NOT_CLEANED_UP);
    String json =
        JsonReport.toJson(
            LeakReport.of(
                "demo",
                Leaks.FOUND,
                List.of(new JvmReport(10, "c", true, 2, List.of(ofARun, ofTheClass))),
                List.of(SURVIVOR)));

    assertThat(validate(json)).isEmpty();
    List<?> leaks = (List<?>) JSON.std.mapFrom(json).get("leaks");
    assertThat(((Map<?, ?>) leaks.get(0)).get("scope"))
        .isEqualTo(
            Map.of(
                "kind",
                "TEST",
                "name",
                "a.B$C.sleeps(int, String)[2] \"x.y (1)\"",
                "className",
                "a.B$C",
                "method",
                "sleeps(int, String)",
                "invocation",
                "[2] \"x.y (1)\""));
    assertThat(((Map<?, ?>) leaks.get(1)).get("scope"))
        .isEqualTo(
            Map.of(
                "kind",
                "CLASS",
                "name",
                "class a.B (outside its test methods)",
                "className",
                "a.B"));
    assertThat(((Map<?, ?>) leaks.get(2)).get("scope"))
        .isEqualTo(
            Map.of(
                "kind", "SURVIVOR", "name", "the test JVM, found still running after it exited"));
    assertThat(leaks)
        .extracting(leak -> LeakJson.fromMap((Map<?, ?>) leak).scope())
        .containsExactly(run, ScopeName.testClass("a.B"), SURVIVOR.scope());

    // Written before scopes had parts: the name alone, shown as it was.
    Map<Object, Object> older = new LinkedHashMap<>((Map<?, ?>) leaks.get(0));
    older.put("scope", Map.of("kind", "TEST", "name", run.display()));
    assertThat(LeakJson.fromMap(older).scope()).isEqualTo(ScopeName.of(run.display()));
  }

  @Test
  void everyCleanupOutcomeMatchesTheSchema() throws Exception {
    List<Leak> leaks = new ArrayList<>();
    for (CleanupOutcome.Action action : CleanupOutcome.Action.values()) {
      leaks.add(SURVIVOR.withOutcome(CleanupOutcome.of(action)));
    }
    String json =
        JsonReport.toJson(
            LeakReport.of(
                "demo", Leaks.FOUND, List.of(new JvmReport(10, "c", true, 4, List.of())), leaks));

    assertThat(validate(json)).isEmpty();
  }

  @Test
  void bytesThatWereNotUtf8AreWrittenAsValidUtf8AndReadBackAsTheyWere(@TempDir Path directory)
      throws Exception {
    // A command line of bytes ff fe, as Utf8.decode keeps them; and control characters.
    String command = "sh -c read line \uDCFF\uDCFE \u0001\n\uD83D\uDE00";
    Leak leak =
        Leaks.leak(
            LeakKind.LINGERING,
            42,
            command,
            java.time.Duration.ofSeconds(1),
            CleanupOutcome.of(CleanupOutcome.Action.TERMINATED_BY_SIGTERM),
            Leaks.JVM);
    LeakReport report =
        LeakReport.of(
            "demo",
            Leaks.FOUND,
            List.of(new JvmReport(10, "c", true, 1, List.of(leak))),
            List.of());
    Path file = directory.resolve(JsonReport.FILE_NAME);

    JsonReport.write(file, report);
    byte[] written = Files.readAllBytes(file);

    String json =
        java.nio.charset.StandardCharsets.UTF_8
            .newDecoder()
            .decode(java.nio.ByteBuffer.wrap(written))
            .toString(); // throws where the file is not UTF-8
    assertThat(json).contains("\\udcff\\udcfe");
    assertThat(validate(json)).isEmpty();
    Map<?, ?> read = (Map<?, ?>) ((List<?>) JSON.std.mapFrom(json).get("leaks")).get(0);
    assertThat(read.get("command")).isEqualTo(command);
    // The test JVM's own report keeps them too, for check to read.
    Path jvmFile = directory.resolve("jvm-10-1.json");
    ReportFiles.write(jvmFile, new JvmReport(10, "c", true, 1, List.of(leak)));
    assertThat(ReportFiles.read(jvmFile).leaks().get(0).command()).isEqualTo(command);
  }

  @Test
  void aCleanReportMatchesTheSchema() throws Exception {
    String json =
        JsonReport.toJson(
            LeakReport.of(
                "demo",
                Leaks.FOUND,
                List.of(new JvmReport(10, "c", true, 4, List.of())),
                List.of()));

    assertThat(validate(json)).isEmpty();
    assertThat(JSON.std.mapFrom(json).get("leaks")).isEqualTo(List.of());
  }

  @Test
  void theSchemaRejectsWhatItDoesNotDescribe() throws Exception {
    String json = JsonReport.toJson(leaky());
    String wrongKind = json.replaceFirst("\"kind\" : \"ZOMBIE\"", "\"kind\" : \"GHOST\"");
    String noAncestors = json.replaceFirst("(?s)\"ancestors\" : \\[.*?\\]", "\"ancestors\" : []");

    assertThat(wrongKind).isNotEqualTo(json);
    assertThat(noAncestors).isNotEqualTo(json);
    assertThat(validate(wrongKind)).isNotEmpty();
    assertThat(validate(noAncestors)).isNotEmpty();
    assertThat(validate(json.replace("procleak-report/1", "procleak-report/2"))).isNotEmpty();
  }
}
