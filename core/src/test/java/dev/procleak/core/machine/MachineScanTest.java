package dev.procleak.core.machine;

import static dev.procleak.core.machine.MachineRulesTest.process;
import static dev.procleak.core.machine.MachineRulesTest.zombie;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.procleak.core.model.LeakKind;
import dev.procleak.core.report.JsonReport;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scan's grace, order, table and JSON, on a fake machine whose table changes between reads. */
class MachineScanTest {
  private static final Instant NOW = Instant.parse("2026-11-23T00:50:00Z");
  private static final Duration GRACE = Duration.ofMillis(50);

  @Test
  void whatIsGoneOrChangedAfterTheGraceIsNotReported() {
    List<MachineProcess> before = base();
    before.add(zombie(500, 400, 400, 100, "0")); // its parent waits for it during the grace
    before.add(process(600, 1, 300, 100, "0", "sleep")); // an orphan that finishes
    before.add(process(700, 1, 300, 100, "0", "sleep")); // stays
    before.add(zombie(800, 1, 300, 100, "0")); // init reaps it during the grace; its pid is reused
    List<MachineProcess> after = base();
    after.add(process(700, 1, 300, 100, "0", "sleep"));
    after.add(
        new MachineProcess(
            new dev.procleak.core.scan.ProcessId(800, 9999), 1, 'Z', 300, 100, "0", false, "x"));
    FakeMachine machine = new FakeMachine(List.of(before, after));
    ScanResult result = scan(machine, List.of());
    assertThat(result.culprits()).isEmpty();
    assertThat(result.orphans()).extracting(FoundProcess::pid).containsExactly(700L);
    assertThat(machine.reads).isEqualTo(2);
  }

  @Test
  void aQuietMachineIsReadOnceAndNotWaitedFor() {
    FakeMachine machine = new FakeMachine(List.of(base()));
    ScanResult result = scan(machine, List.of());
    assertThat(result.isEmpty()).isTrue();
    assertThat(machine.reads).isEqualTo(1);
    assertThat(ScanMessage.lines(result, "switches"))
        .containsExactly(
            "procleak:scan: no zombies or orphans of user tester (uid 0) on this machine.",
            "switches");
  }

  @Test
  void culpritsComeFirstMostZombiesFirstEachWithItsZombies() throws Exception {
    List<MachineProcess> table = base();
    table.add(process(410, 200, 200, 100, "0", "make"));
    table.add(zombie(411, 410, 200, 100, "0"));
    table.add(process(420, 200, 200, 100, "0", "sh"));
    table.add(zombie(423, 420, 200, 100, "0"));
    table.add(zombie(422, 420, 200, 100, "0"));
    table.add(process(700, 1, 300, 100, "0", "sleep"));
    ScanResult result = scan(new FakeMachine(List.of(table, table)), List.of());

    assertThat(result.culprits()).extracting(Culprit::pid).containsExactly(420L, 410L);
    assertThat(result.zombies()).extracting(FoundProcess::pid).containsExactly(422L, 423L, 411L);
    List<String> lines =
        ScanMessage.lines(result, "To fail the build set -Dprocleak.failOnFind=true.");
    assertThat(lines.get(0))
        .isEqualTo(
            "procleak:scan: 3 zombies of 2 culprits and 1 orphan of user tester (uid 0) on this machine"
                + " (each still there after 50 ms; the scan kills nothing):");
    assertThat(lines.subList(1, 4))
        .containsExactly(
            "Culprits first: only killing them, or fixing them to wait for their children, removes their zombies.",
            "  CULPRIT   pid 420  /bin/sh -c fake 420  never waited for 2 zombies; started 2026-11-23 00:49:00, age 1m 00s",
            "  CULPRIT   pid 410  /bin/make  never waited for 1 zombie; started 2026-11-23 00:49:00, age 1m 00s");
    // The same blocks as check's, each with the ancestors up to init and the session it sits in.
    assertThat(String.join("\n", lines))
        .contains(
            String.join(
                "\n",
                "  ZOMBIE    pid 422  sleep",
                "            parent: pid 420  /bin/sh -c fake 420  <- the culprit: it never waited for its child",
                "            under:  pid 200  bash",
                "            under:  pid 100  login",
                "            under:  pid 1  init",
                "            age 1m 00s; cleanup: not cleaned up",
                "            session 100 of login, process group 200",
                "  ZOMBIE    pid 423  sleep"));
    assertThat(String.join("\n", lines))
        .contains(
            String.join(
                "\n",
                "  ORPHAN    pid 700  sleep 700",
                "            parent: exited; adopted by pid 1  init",
                "            age 1m 00s; cleanup: not cleaned up",
                "            session 100 of login, process group 300",
                "To fail the build set -Dprocleak.failOnFind=true."));
    assertThat(lines.get(lines.size() - 1))
        .isEqualTo("To fail the build set -Dprocleak.failOnFind=true.");

    // The same JSON format as check's report, valid against its schema.
    String text = ScanReportFile.toJson(result, "agent-7");
    assertThat(validate(text)).isEmpty();
    Map<String, Object> json = JSON.std.mapFrom(text);
    assertThat(json)
        .containsEntry("format", "procleak-report/1")
        .containsEntry("project", "agent-7")
        .containsEntry("created", "2026-11-23T00:50:00Z")
        .containsEntry("testJvms", List.of());
    assertThat(json.get("counts"))
        .isEqualTo(Map.of("leaks", 4, "ZOMBIE", 3, "ORPHAN", 1, "LINGERING", 0));
    assertThat(json.get("scopes"))
        .isEqualTo(
            List.of(
                Map.of(
                    "kind",
                    "MACHINE",
                    "name",
                    "the processes of user tester (uid 0) on this machine",
                    "leaks",
                    4)));
    Map<?, ?> machine = (Map<?, ?>) json.get("machine");
    assertThat(machine.get("graceMillis")).isEqualTo(50);
    assertThat(machine.get("user")).isEqualTo("tester (uid 0)");
    List<?> culprits = (List<?>) machine.get("culprits");
    Map<?, ?> first = (Map<?, ?>) culprits.get(0);
    assertThat(first.get("pid")).isEqualTo(420);
    assertThat(first.get("zombies")).isEqualTo(List.of(422, 423));
    List<?> leaks = (List<?>) json.get("leaks");
    assertThat(leaks.stream().map(leak -> ((Map<?, ?>) leak).get("pid")).toList())
        .isEqualTo(List.of(422, 423, 411, 700));
    Map<?, ?> orphan = (Map<?, ?>) leaks.get(3);
    assertThat(orphan.get("kind")).isEqualTo("ORPHAN");
    assertThat(orphan.get("startedAt")).isEqualTo("2026-11-23T00:49:00Z");
    assertThat(orphan.get("ageMillis")).isEqualTo(60_000);
    assertThat(orphan.get("ancestors"))
        .isEqualTo(List.of(Map.of("pid", 1, "command", "init", "testJvm", false)));
    assertThat(orphan.get("machine"))
        .isEqualTo(
            Map.of(
                "session",
                100,
                "processGroup",
                300,
                "sessionLeader",
                "login",
                "why",
                "in session 100, which its parent (pid 1, session 1) is not in: adopted after its own parent died"));
    assertThat(((Map<?, ?>) orphan.get("cleanup")).get("action")).isEqualTo("NOT_CLEANED_UP");
  }

  static List<com.networknt.schema.Error> validate(String json) throws Exception {
    try (InputStream schema = JsonReport.class.getResourceAsStream(JsonReport.SCHEMA)) {
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
          .getSchema(schema)
          .validate(json, InputFormat.JSON);
    }
  }

  @Test
  void aCleanMachineWritesAValidEmptyReport(@TempDir Path directory) throws Exception {
    Path file = directory.resolve("scan.json");
    ScanReportFile.write(file, scan(new FakeMachine(List.of(base())), List.of()));
    String text = Files.readString(file);
    assertThat(validate(text)).isEmpty();
    Map<String, Object> json = JSON.std.mapFrom(text);
    assertThat(json.get("leaks")).isEqualTo(List.of());
    assertThat(json.get("project")).isEqualTo(ScanReportFile.hostName()).isNotEqualTo("");
  }

  @Test
  void ignoredCommandLinesAreNotReportedNorAreTheZombiesOfIgnoredCulprits() {
    List<MachineProcess> table = base();
    table.add(process(410, 200, 200, 100, "0", "make"));
    table.add(zombie(411, 410, 200, 100, "0"));
    table.add(process(700, 1, 300, 100, "0", "sleep"));
    table.add(process(701, 1, 300, 100, "0", "agent"));
    ScanResult result =
        scan(
            new FakeMachine(List.of(table, table)),
            List.of(Pattern.compile("make$"), Pattern.compile("agent")));
    assertThat(result.culprits()).isEmpty();
    assertThat(result.orphans())
        .extracting(FoundProcess::kind, FoundProcess::pid)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(LeakKind.ORPHAN, 700L));
  }

  @Test
  void longCommandLinesAreShortenedAndKeptOnOneLineInTheTableButNotInTheJson() throws Exception {
    List<MachineProcess> table = base();
    table.add(process(700, 1, 300, 100, "0", "sleep"));
    FakeMachine machine = new FakeMachine(List.of(table, table));
    machine.commands.put(700L, "java " + "-Dx=y ".repeat(40) + "com.example.Main");
    machine.commands.put(1L, "init\nwith a newline");
    ScanResult result = scan(machine, List.of());
    assertThat(ScanMessage.lines(result, ""))
        .anySatisfy(
            line ->
                assertThat(line)
                    .startsWith("  ORPHAN    pid 700  java -Dx=y")
                    .contains(" ... ")
                    .endsWith("-Dx=y com.example.Main")
                    .hasSizeLessThanOrEqualTo("  ORPHAN    pid 700  ".length() + 200));
    assertThat(ScanMessage.lines(result, ""))
        .contains("            parent: exited; adopted by pid 1  init with a newline");
    assertThat(ScanReportFile.toJson(result, "h"))
        .contains("java " + "-Dx=y ".repeat(40) + "com.example.Main");
  }

  private static ScanResult scan(FakeMachine machine, List<Pattern> ignore) {
    return new MachineScan(machine, GRACE, ignore, Clock.fixed(NOW, ZoneOffset.UTC)).run();
  }

  private static List<MachineProcess> base() {
    List<MachineProcess> table = new ArrayList<>();
    table.add(process(1, 0, 1, 1, "0", "init"));
    table.add(process(100, 1, 100, 100, "0", "login"));
    table.add(process(200, 100, 200, 100, "0", "bash"));
    table.add(process(400, 200, 200, 100, "0", "make"));
    return table;
  }

  /** Hands out one table per read (the last one again once they run out). */
  static final class FakeMachine implements MachineSource {
    private final List<List<MachineProcess>> tables;
    final Map<Long, String> commands = new HashMap<>();
    int reads;

    FakeMachine(List<List<MachineProcess>> tables) {
      this.tables = tables;
      commands.put(420L, "/bin/sh -c fake 420");
      commands.put(410L, "/bin/make");
      commands.put(700L, "sleep 700");
    }

    @Override
    public MachineTable read() {
      List<MachineProcess> table = tables.get(Math.min(reads, tables.size() - 1));
      reads++;
      return new MachineTable("0", table);
    }

    @Override
    public MachineProcess lookup(long pid) {
      // During the grace the machine already looks as it will at the last read.
      List<MachineProcess> next = tables.get(Math.min(reads, tables.size() - 1));
      return next.stream().filter(process -> process.pid() == pid).findFirst().orElse(null);
    }

    @Override
    public String commandLine(long pid, String fallback) {
      return commands.getOrDefault(pid, fallback);
    }

    @Override
    public Optional<Instant> startedAt(long pid) {
      return Optional.of(NOW.minusSeconds(60));
    }

    @Override
    public String userName() {
      return "tester (uid 0)";
    }
  }
}
