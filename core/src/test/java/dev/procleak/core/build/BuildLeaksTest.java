package dev.procleak.core.build;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.procleak.core.RealProcesses;
import dev.procleak.core.config.ProcleakConfig;
import dev.procleak.core.model.Ancestor;
import dev.procleak.core.model.CleanupOutcome;
import dev.procleak.core.model.Leak;
import dev.procleak.core.model.LeakKind;
import dev.procleak.core.model.ScopeKind;
import dev.procleak.core.model.ScopeName;
import dev.procleak.core.origin.JavaStart;
import dev.procleak.core.os.EnvironmentCookie;
import dev.procleak.core.report.JsonReport;
import dev.procleak.core.report.JunitXmlReport;
import dev.procleak.core.report.JvmReport;
import dev.procleak.core.report.LeakMessage;
import dev.procleak.core.report.ModuleReports;
import dev.procleak.core.report.ReportFiles;
import dev.procleak.core.report.ReportWriter.Written;
import dev.procleak.core.report.StartJournal;
import dev.procleak.core.report.html.HtmlReport;
import dev.procleak.core.scan.ProcessId;
import dev.procleak.core.scan.ProcfsScanner;
import dev.procleak.core.session.Survivors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * What check and the session-end check share: a module's JVM reports, the survivors of its cookie
 * (a fork's below it included), and check's reports written from both.
 */
@EnabledOnOs(OS.LINUX)
class BuildLeaksTest {
  private final ProcfsScanner scanner = new ProcfsScanner();

  @Test
  void readsTheJvmReportsKillsAForksSurvivorAndWritesCheckReports(@TempDir Path directory)
      throws Exception {
    String build = "build-leaks-" + UUID.randomUUID();
    Leak reported =
        new Leak(
            LeakKind.ORPHAN,
            new ProcessId(4_000_001, 7),
            "sleep 60.9",
            List.of(Ancestor.testJvm(99)),
            ScopeKind.TEST,
            ScopeName.method("a.B", "c()", ""),
            null,
            null,
            CleanupOutcome.NOT_CLEANED_UP);
    ReportFiles.write(
        ReportFiles.fileFor(directory, 99, 1),
        new JvmReport(99, build + "/jvm-99-1", true, 1, List.of(reported)));
    try (RealProcesses processes = new RealProcesses()) {
      ProcessBuilder fork = new ProcessBuilder("sleep", "61.9");
      fork.environment()
          .put(EnvironmentCookie.VARIABLE, build + "/jvm-" + ProcessHandle.current().pid() + "-2");
      ProcessId survivor = processes.track(fork.start().pid());
      RealProcesses.await(
          "the survivor to run sleep", () -> scanner.lookup(survivor.pid()).name().equals("sleep"));

      BuildLeaks found = BuildLeaks.collect("module", directory, build, ProcleakConfig.DEFAULTS);

      assertThat(found.jvms()).isEqualTo(1);
      assertThat(found.leaks())
          .extracting(Leak::process)
          .containsExactly(reported.process(), survivor);
      Leak killed = found.leaks().get(1);
      assertThat(killed.scopeKind()).isEqualTo(ScopeKind.SURVIVOR);
      assertThat(killed.scope()).isEqualTo(ScopeName.of(Survivors.SCOPE));
      assertThat(killed.cleanup()).isEqualTo("terminated by SIGTERM");
      RealProcesses.await(
          "the survivor to be gone",
          () -> {
            var now = scanner.lookup(survivor.pid());
            return now == null || !now.id().equals(survivor) || now.isZombie();
          });

      List<Path> written =
          ModuleReports.write(
                  found.report(),
                  directory,
                  Optional.empty(),
                  new ModuleReports.Log(line -> {}, line -> {}))
              .stream()
              .map(Written::file)
              .toList();

      assertThat(written)
          .containsExactly(
              directory.resolve(JsonReport.FILE_NAME),
              directory.resolve(JunitXmlReport.FILE_NAME),
              directory.resolve(HtmlReport.FILE_NAME));
      Map<String, Object> json = JSON.std.mapFrom(Files.readString(written.get(0)));
      assertThat(json).containsEntry("project", "module");
      assertThat((List<?>) json.get("leaks"))
          .extracting(leak -> ((Number) ((Map<?, ?>) leak).get("pid")).longValue())
          .containsExactly(4_000_001L, survivor.pid());
      assertThat(Files.readString(written.get(1)))
          .contains("pid " + survivor.pid() + " ", "pid 4000001 ");
      assertThat(Files.readString(written.get(2))).contains(String.valueOf(survivor.pid()));
    }
  }

  @Test
  void anotherBuildsCookieIsNotASurvivorOfThisOne(@TempDir Path directory) throws Exception {
    String build = "build-leaks-" + UUID.randomUUID();
    try (RealProcesses processes = new RealProcesses()) {
      ProcessBuilder other = new ProcessBuilder("sleep", "62.9");
      // Same prefix, another build: a cookie matches only itself and the cookies below it.
      other.environment().put(EnvironmentCookie.VARIABLE, build + "x/jvm-1-2");
      ProcessId stranger = processes.track(other.start().pid());
      RealProcesses.await(
          "the stranger to run sleep", () -> scanner.lookup(stranger.pid()).name().equals("sleep"));

      BuildLeaks found = BuildLeaks.collect("module", directory, build, ProcleakConfig.DEFAULTS);

      assertThat(found.jvms()).isZero();
      assertThat(found.report().isClean()).isTrue();
      assertThat(scanner.lookup(stranger.pid()).id()).isEqualTo(stranger);
    }
  }

  @Test
  void anIgnoredSurvivorIsNeitherReportedNorKilled(@TempDir Path directory) throws Exception {
    String build = "build-leaks-" + UUID.randomUUID();
    try (RealProcesses processes = new RealProcesses()) {
      ProcessBuilder shared = new ProcessBuilder("sleep", "63.9");
      shared.environment().put(EnvironmentCookie.VARIABLE, build + "/jvm-1-2");
      ProcessId kept = processes.track(shared.start().pid());
      ProcessBuilder leaked = new ProcessBuilder("sleep", "64.9");
      leaked.environment().put(EnvironmentCookie.VARIABLE, build + "/jvm-1-2");
      ProcessId killed = processes.track(leaked.start().pid());
      RealProcesses.await(
          "both to run sleep",
          () ->
              scanner.lookup(kept.pid()).name().equals("sleep")
                  && scanner.lookup(killed.pid()).name().equals("sleep"));

      BuildLeaks found =
          BuildLeaks.collect(
              "module",
              directory,
              build,
              ProcleakConfig.from(
                  key ->
                      Optional.ofNullable(
                          key.equals(ProcleakConfig.IGNORE) ? "sleep 63\\.9" : null)));

      assertThat(found.leaks()).extracting(Leak::process).containsExactly(killed);
      assertThat(found.leaks().get(0).cleanup()).isEqualTo("terminated by SIGTERM");
      assertThat(scanner.lookup(kept.pid()).id()).isEqualTo(kept);
    }
  }

  /**
   * A test JVM killed mid-test wrote no report of the process it left, but had journaled its start:
   * the survivor names the test and the code that started it, and the journal goes once nothing is
   * left running.
   */
  @Test
  void aSurvivorWhoseStartItsJvmJournaledNamesItsTestAndCaller(@TempDir Path directory)
      throws Exception {
    String build = "build-leaks-" + UUID.randomUUID();
    String jvm = build + "/jvm-77-5";
    Path journals = directory.resolve("journal");
    StartJournal journal = StartJournal.of(journals, jvm);
    reportOfAKilledJvm(directory, 77, jvm, journal);
    try (RealProcesses processes = new RealProcesses()) {
      ProcessBuilder daemon = new ProcessBuilder("setsid", "sleep", "65.9");
      daemon.environment().put(EnvironmentCookie.VARIABLE, jvm + "/start-3");
      ProcessId survivor = processes.track(daemon.start().pid());
      ScopeName test = ScopeName.method("demo.CrashIT", "orphanThenCrash()", "");
      journal.append(
          new JavaStart(
              3,
              survivor.pid(),
              Instant.now(),
              "setsid sleep 65.9",
              List.of(
                  "demo.Daemons.start(Daemons.java:7)",
                  "demo.CrashIT.orphanThenCrash(CrashIT.java:12)")),
          List.of(test));
      RealProcesses.await(
          "the survivor to run sleep", () -> scanner.lookup(survivor.pid()).name().equals("sleep"));

      BuildLeaks found = BuildLeaks.collect("module", directory, build, ProcleakConfig.DEFAULTS);

      assertThat(found.leaks()).extracting(Leak::process).containsExactly(survivor);
      Leak named = found.leaks().get(0);
      assertThat(named.scopeKind()).isEqualTo(ScopeKind.SURVIVOR);
      assertThat(named.scope()).isEqualTo(test);
      assertThat(named.candidates()).isEmpty();
      assertThat(named.origin().callers())
          .containsExactly(
              "demo.Daemons.start(Daemons.java:7)",
              "demo.CrashIT.orphanThenCrash(CrashIT.java:12)");
      assertThat(LeakMessage.format(found.leaks(), ""))
          .startsWith(
              "procleak: 1 process leaked by test demo.CrashIT.orphanThenCrash(), found still"
                  + " running after its test JVM exited:")
          .contains(
              "started at: demo.Daemons.start(Daemons.java:7) \u2190"
                  + " demo.CrashIT.orphanThenCrash(CrashIT.java:12)");
      assertThat(named.cleanup()).isEqualTo("terminated by SIGTERM");
      assertThat(journal.file()).doesNotExist();
      assertThat(journal.file().getParent()).doesNotExist();
    }
  }

  /** Tests that ran at the same time as the start are its candidates, as in a live JVM. */
  @Test
  void aSurvivorStartedWhileTwoTestsRanNamesBoth(@TempDir Path directory) throws Exception {
    String build = "build-leaks-" + UUID.randomUUID();
    String jvm = build + "/jvm-78-5";
    StartJournal journal = StartJournal.of(directory.resolve("journal"), jvm);
    reportOfAKilledJvm(directory, 78, jvm, journal);
    try (RealProcesses processes = new RealProcesses()) {
      ProcessBuilder daemon = new ProcessBuilder("setsid", "sleep", "66.9");
      daemon.environment().put(EnvironmentCookie.VARIABLE, jvm + "/start-1");
      ProcessId survivor = processes.track(daemon.start().pid());
      journal.append(
          new JavaStart(1, survivor.pid(), Instant.now(), "setsid sleep 66.9", List.of()),
          List.of(ScopeName.method("a.B", "two()", ""), ScopeName.method("a.B", "one()", "")));
      RealProcesses.await(
          "the survivor to run sleep", () -> scanner.lookup(survivor.pid()).name().equals("sleep"));

      Leak named =
          BuildLeaks.collect(
                  "module",
                  directory,
                  build,
                  ProcleakConfig.from(
                      key ->
                          Optional.ofNullable(key.equals(ProcleakConfig.CLEANUP) ? "false" : null)))
              .leaks()
              .get(0);

      assertThat(named.scope()).isEqualTo(ScopeName.method("a.B", "two()", ""));
      assertThat(named.candidates()).containsExactly("a.B.one()", "a.B.two()");
      assertThat(named.cleanup()).startsWith("left running");
      assertThat(journal.file()).as("kept for the next build: the survivor still runs").exists();
    }
  }

  /** What a JVM killed mid-test left: a report written when it began, naming its journal. */
  private static void reportOfAKilledJvm(Path directory, long pid, String jvm, StartJournal journal)
      throws Exception {
    ReportFiles.write(
        ReportFiles.fileFor(directory, pid, 5),
        new JvmReport(
            pid,
            jvm,
            true,
            0,
            List.of(),
            List.of(),
            0,
            List.of(),
            List.of(),
            journal.file().toString(),
            List.of()));
  }
}
