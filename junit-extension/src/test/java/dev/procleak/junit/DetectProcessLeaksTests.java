package dev.procleak.junit;

import static dev.procleak.junit.Procs.JVM;
import static dev.procleak.junit.Procs.await;
import static dev.procleak.junit.Procs.awaitGone;
import static dev.procleak.junit.Procs.awaitValue;
import static dev.procleak.junit.Procs.commandLine;
import static dev.procleak.junit.Procs.isRunning;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.procleak.core.config.InvalidConfigurationException;
import dev.procleak.junit.Procs.Tracked;
import java.io.BufferedReader;
import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/**
 * Runs the {@code *TestCases} fixtures below through the Jupiter engine, on real processes, and
 * checks what a developer sees: which test fails, the exact message, and what is left running
 * afterwards.
 *
 * <p>The fixtures are static nested classes: Surefire's default excludes ({@code **}{@code /*$*})
 * skip them, and {@link Fixture} disables them anywhere else unless this class runs them. They hand
 * the processes they make to this class through {@link #STARTED} and static fields; every test
 * kills whatever is left of them, by pid with the identity re-checked.
 */
@DetectProcessLeaks // procleak's own suite must pass procleak
class DetectProcessLeaksTests {
  /** Everything the fixtures started that could outlive a test; emptied after each test. */
  static final Queue<Tracked> STARTED = new ConcurrentLinkedQueue<>();

  static final String SWITCHES =
      "To report without failing set procleak.action=warn; to keep leaked processes for debugging set procleak.cleanup=false.";
  static final String FIXTURES = DetectProcessLeaksTests.class.getName();
  static final String PARENT_JVM = "            parent: the test JVM (pid " + JVM + ")";
  static final String ADOPTED_BY_JVM =
      "            parent: exited; adopted by the test JVM (pid " + JVM + ")";

  /** Every running leak's working directory: the test JVM's, which its children inherit. */
  static final String CWD = "            cwd " + System.getProperty("user.dir");

  /** This suite runs without procleak's agent, which records where each process was started. */
  static final String NOT_RECORDED =
      "Where they were started is not recorded: this test JVM runs without procleak's agent;"
          + " bind procleak:prepare, or set procleak.recordStarts=jfr (through JFR, which costs each test JVM about a second and 50 MB).";

  /** A process's age is the one thing in a message that differs from run to run. */
  static final String AGE = "age ?";

  @AfterEach
  void nothingLeftBehind() {
    List<Tracked> started = new ArrayList<>();
    for (Tracked process; (process = STARTED.poll()) != null; ) {
      started.add(process);
    }
    Procs.killAll(started);
  }

  @Nested
  @DisplayName("a test that leaks fails, names the process and cleans it up")
  class Leaks {

    @Test
    @DisplayName("zombie: names the zombie and its culprit, kills the culprit, reaps the zombie")
    void zombie() {
      Throwable failure = failureOf(run(selectClass(ZombieTestCases.class)));

      Tracked culprit = ZombieTestCases.culprit;
      Tracked zombie = ZombieTestCases.zombie;
      assertThat(failure).isInstanceOf(ProcessLeakError.class);
      assertThat(lines(failure.getMessage()))
          .containsExactly(
              "procleak: 2 processes leaked (1 zombie of one culprit, 1 lingering) by test "
                  + FIXTURES
                  + "$ZombieTestCases.leavesAZombie():",
              "  LINGERING pid " + culprit.pid() + "  sleep 30",
              PARENT_JVM,
              CWD,
              "            " + AGE + "; cleanup: terminated by SIGTERM",
              "  ZOMBIE    pid " + zombie.pid() + "  sleep",
              "            parent: pid "
                  + culprit.pid()
                  + "  sleep 30  <- the culprit: it never waited for its child",
              "            under:  the test JVM (pid " + JVM + ")",
              "            "
                  + AGE
                  + "; cleanup: reaped after its parent was killed: exited with code 0",
              NOT_RECORDED,
              SWITCHES);
      awaitGone(culprit);
      awaitGone(zombie);
    }

    @Test
    @DisplayName("orphan: a background job of a shell that exited is an ORPHAN of the test JVM")
    void orphan() {
      Throwable failure = failureOf(run(selectClass(OrphanTestCases.class)));

      Tracked orphan = OrphanTestCases.orphan;
      assertThat(lines(failure.getMessage()))
          .containsExactlyElementsOf(
              oneLeak(
                  "OrphanTestCases.leavesAnOrphan()",
                  "ORPHAN",
                  orphan,
                  "sleep 60",
                  "terminated by SIGTERM; reaped: killed by signal 15"));
      awaitGone(orphan);
    }

    @Test
    @DisplayName("setsid daemon: leaving the session does not hide an orphan")
    void setsidDaemon() {
      Throwable failure = failureOf(run(selectClass(DaemonTestCases.class)));

      Tracked daemon = DaemonTestCases.daemon;
      assertThat(lines(failure.getMessage()))
          .containsExactlyElementsOf(
              oneLeak(
                  "DaemonTestCases.startsADaemon()",
                  "ORPHAN",
                  daemon,
                  "sleep 60",
                  "terminated by SIGTERM; reaped: killed by signal 15"));
      awaitGone(daemon);
    }

    @Test
    @DisplayName("lingering child: a Process never stopped is LINGERING")
    void lingeringChild() {
      Throwable failure = failureOf(run(selectClass(LingeringTestCases.class)));

      Tracked child = LingeringTestCases.child;
      assertThat(lines(failure.getMessage()))
          .containsExactlyElementsOf(
              oneLeak(
                  "LingeringTestCases.leavesAChildRunning()",
                  "LINGERING",
                  child,
                  "sleep 60",
                  "terminated by SIGTERM"));
      awaitGone(child);
    }

    @Test
    @DisplayName("a command line with control characters, a newline and markup stays on its line")
    void hostileCommandLine() {
      Throwable failure = failureOf(run(selectClass(HostileCommandTestCases.class)));

      Tracked child = HostileCommandTestCases.child;
      assertThat(lines(failure.getMessage()))
          .containsExactlyElementsOf(
              oneLeak(
                  "HostileCommandTestCases.leavesAHostileCommandLine()",
                  "LINGERING",
                  child,
                  "sh -c read line a\\u0001b\\u001b[31mred\\nline <b>&amp;</b>",
                  "terminated by SIGTERM"));
      awaitGone(child);
    }

    @Test
    @DisplayName(
        "odd processes (a name with parentheses, a deleted cwd, a megabyte command line, bytes"
            + " that are not UTF-8) are all reported, each on its lines")
    void oddProcesses() throws IOException {
      Throwable failure = failureOf(run(selectClass(OddProcessesTestCases.class)));

      List<String> lines = lines(failure.getMessage());
      assertThat(lines.get(0))
          .isEqualTo(
              "procleak: 4 processes leaked (4 lingering) by test "
                  + FIXTURES
                  + "$OddProcessesTestCases.leavesOddProcesses():");
      // A header, four lines for each process, the note on starts and the switches: no more.
      assertThat(lines).hasSize(1 + 4 * 4 + 2);
      String weird = OddProcessesTestCases.weirdName.toString();
      assertThat(lines)
          .contains(
              String.format("  LINGERING pid %d  %s 60", OddProcessesTestCases.weird.pid(), weird),
              String.format(
                  "  LINGERING pid %d  sh -c read line \\xff\\xfe",
                  OddProcessesTestCases.notUtf8.pid()),
              "            cwd " + OddProcessesTestCases.deletedDirectory + " (deleted)");
      String huge =
          String.format("  LINGERING pid %d  sh -c read line ", OddProcessesTestCases.huge.pid());
      assertThat(lines)
          .anySatisfy(
              line -> assertThat(line).startsWith(huge).contains(" ... ").hasSizeLessThan(250));
      for (Tracked process : OddProcessesTestCases.all()) {
        awaitGone(process);
      }
      Files.deleteIfExists(OddProcessesTestCases.weirdName);
      Files.deleteIfExists(OddProcessesTestCases.weirdName.getParent());
    }

    @Test
    @DisplayName("a child that ignores SIGTERM is killed with SIGKILL")
    void survivesSigterm() {
      Throwable failure = failureOf(run(selectClass(TermIgnoringTestCases.class)));

      Tracked child = TermIgnoringTestCases.child;
      assertThat(lines(failure.getMessage()))
          .containsExactlyElementsOf(
              oneLeak(
                  "TermIgnoringTestCases.ignoresSigterm()",
                  "LINGERING",
                  child,
                  "sleep 60",
                  "killed by SIGKILL (survived SIGTERM)"));
      awaitGone(child);
    }

    @Test
    @DisplayName("a child started by a thread that has ended is still LINGERING, not an orphan")
    void childOfAFinishedThread() {
      Throwable failure = failureOf(run(selectClass(OtherThreadTestCases.class)));

      Tracked child = OtherThreadTestCases.child;
      assertThat(lines(failure.getMessage()))
          .containsExactlyElementsOf(
              oneLeak(
                  "OtherThreadTestCases.startsAChildOnAnotherThread()",
                  "LINGERING",
                  child,
                  "sleep 60",
                  "terminated by SIGTERM"));
      awaitGone(child);
    }

    @Test
    @DisplayName(
        "a spawner that starts a child every few ms: its test is blamed for all of it, the next test and the class for none")
    void spawner() {
      EngineExecutionResults results = run(selectClass(SpawnerTestCases.class));

      results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(1).failed(1));
      results.containerEvents().assertStatistics(stats -> stats.failed(0));
      Tracked spawner = SpawnerTestCases.spawner;
      List<String> lines = lines(failureOf(results).getMessage());
      assertThat(lines.get(0))
          .startsWith("procleak: ")
          .contains(" processes leaked (")
          .contains("1 orphan")
          .endsWith(") by test " + FIXTURES + "$SpawnerTestCases.leavesASpawner():");
      assertThat(lines)
          .contains(
              String.format(
                  "  %-9s pid %d  %s", "ORPHAN", spawner.pid(), "sh -c " + SpawnerTestCases.LOOP));
      assertThat(lines)
          .filteredOn(line -> line.matches("  LINGERING pid \\d+  sleep 87"))
          .hasSizeGreaterThanOrEqualTo(3);
      awaitGone(spawner);
      await(
          "no sleep 87 is left below the test JVM",
          () ->
              Procs.children(JVM).stream()
                  .noneMatch(child -> commandLine(child).equals("sleep 87")));
    }

    @Test
    @DisplayName("started in @BeforeAll and not stopped: the class fails, not its test methods")
    void leakOfTheClass() {
      EngineExecutionResults results = run(selectClass(ServerLeftRunningTestCases.class));

      results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2).failed(0));
      Tracked server = ServerLeftRunningTestCases.server;
      String scope = "class " + FIXTURES + "$ServerLeftRunningTestCases (outside its test methods)";
      assertThat(lines(containerFailureOf(results).getMessage()))
          .containsExactly(
              "procleak: 1 process leaked by " + scope + ":",
              "  LINGERING pid " + server.pid() + "  sleep 60",
              PARENT_JVM,
              CWD,
              "            " + AGE + "; cleanup: terminated by SIGTERM",
              NOT_RECORDED,
              SWITCHES);
      awaitGone(server);
    }
  }

  @Nested
  @DisplayName("a test that leaves nothing behind passes")
  class Clean {

    @Test
    @DisplayName("waited-for, destroyed, piped, shell-waited and many short children")
    void cleanTests() {
      EngineExecutionResults results = run(selectClass(CleanTestCases.class));

      results.testEvents().assertStatistics(stats -> stats.started(5).succeeded(5).failed(0));
      results.containerEvents().assertStatistics(stats -> stats.failed(0));
      STARTED.forEach(Procs::awaitGone);
    }

    @Test
    @DisplayName("a server started in @BeforeAll and stopped in @AfterAll is no one's leak")
    void serverOfTheClass() {
      EngineExecutionResults results = run(selectClass(ServerStoppedTestCases.class));

      results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2).failed(0));
      results.containerEvents().assertStatistics(stats -> stats.failed(0));
      awaitGone(ServerStoppedTestCases.server);
    }
  }

  @Nested
  @DisplayName("on a method, only that method is checked")
  class OnAMethod {

    @Test
    void onlyTheAnnotatedMethodFails() {
      EngineExecutionResults results = run(selectClass(MethodAnnotationTestCases.class));

      results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(1).failed(1));
      assertThat(results.testEvents().succeeded().stream().map(DetectProcessLeaksTests::methodName))
          .containsExactly("leaksUnchecked");
      results.containerEvents().assertStatistics(stats -> stats.failed(0));
      Tracked checked = MethodAnnotationTestCases.checked;
      assertThat(lines(failureOf(results).getMessage()))
          .containsExactlyElementsOf(
              oneLeak(
                  "MethodAnnotationTestCases.leaksChecked()",
                  "LINGERING",
                  checked,
                  "sleep 60",
                  "terminated by SIGTERM"));
      awaitGone(checked);
      awaitGone(MethodAnnotationTestCases.unchecked); // stopped by the fixture's own @AfterAll
    }
  }

  @Nested
  @DisplayName("configuration parameters")
  class Settings {

    @Test
    @DisplayName("procleak.action=warn: the test passes, the leak is reported and still cleaned up")
    void warn() {
      EngineExecutionResults results =
          run(selectClass(LingeringTestCases.class), "procleak.action", "warn");

      results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1).failed(0));
      results.containerEvents().assertStatistics(stats -> stats.failed(0));
      Tracked child = LingeringTestCases.child;
      List<ReportEntry> entries = reportEntries(results);
      assertThat(entries).hasSize(1);
      assertThat(entries.get(0).getKeyValuePairs()).containsOnlyKeys("procleak");
      assertThat(lines(entries.get(0).getKeyValuePairs().get("procleak")))
          .containsExactlyElementsOf(
              oneLeak(
                  "LingeringTestCases.leavesAChildRunning()",
                  "LINGERING",
                  child,
                  "sleep 60",
                  "terminated by SIGTERM"));
      awaitGone(child);
    }

    @Test
    @DisplayName("procleak.cleanup=false: the test fails and the process is left running")
    void noCleanup() {
      Throwable failure =
          failureOf(run(selectClass(LingeringTestCases.class), "procleak.cleanup", "false"));

      Tracked child = LingeringTestCases.child;
      assertThat(lines(failure.getMessage()))
          .containsExactlyElementsOf(
              oneLeak(
                  "LingeringTestCases.leavesAChildRunning()",
                  "LINGERING",
                  child,
                  "sleep 60",
                  "left running: procleak.cleanup=false"));
      assertThat(isRunning(child)).as("%s still running", child).isTrue();
      Procs.kill(child);
    }

    @Test
    @DisplayName("procleak.ignore: a matching process is neither reported nor killed")
    void ignoreMatching() {
      EngineExecutionResults results =
          run(
              selectMethod(IgnoredTestCases.class, "leavesAnIgnoredChild"),
              "procleak.ignore",
              "sleep 6[0-9]");

      results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1).failed(0));
      results.containerEvents().assertStatistics(stats -> stats.failed(0));
      assertThat(reportEntries(results)).isEmpty();
      assertThat(isRunning(IgnoredTestCases.ignored))
          .as("%s still running", IgnoredTestCases.ignored)
          .isTrue();
      Procs.kill(IgnoredTestCases.ignored);
    }

    @Test
    @DisplayName("procleak.ignore: a process that does not match is still reported and killed")
    void ignoreOnlyMatching() {
      Throwable failure =
          failureOf(
              run(
                  selectMethod(IgnoredTestCases.class, "leavesAnIgnoredAndAnotherChild"),
                  "procleak.ignore",
                  "sleep 6[0-9]"));

      Tracked other = IgnoredTestCases.other;
      assertThat(lines(failure.getMessage()))
          .containsExactlyElementsOf(
              oneLeak(
                  "IgnoredTestCases.leavesAnIgnoredAndAnotherChild()",
                  "LINGERING",
                  other,
                  "sleep 59",
                  "terminated by SIGTERM"));
      awaitGone(other);
      assertThat(isRunning(IgnoredTestCases.ignored))
          .as("%s still running", IgnoredTestCases.ignored)
          .isTrue();
      Procs.kill(IgnoredTestCases.ignored);
    }

    @Test
    @DisplayName("procleak.grace=banana fails the checked test, naming the key and the value")
    void invalidGraceOnAMethod() {
      BadSettingTestCases.ran = false;
      Throwable failure =
          failureOf(run(selectClass(BadSettingTestCases.class), "procleak.grace", "banana"));

      assertThat(failure)
          .isInstanceOf(InvalidConfigurationException.class)
          .hasMessage(
              "procleak: invalid value 'banana' for procleak.grace: expected a duration such as 500ms, 2s or 1m");
      assertThat(BadSettingTestCases.ran).as("the test body ran").isFalse();
    }

    @Test
    @DisplayName("procleak.grace=banana on a class fails the class before any of its tests")
    void invalidGraceOnAClass() {
      EngineExecutionResults results =
          run(selectClass(GraceTestCases.class), "procleak.grace", "banana");

      results.testEvents().assertStatistics(stats -> stats.started(0));
      assertThat(containerFailureOf(results))
          .isInstanceOf(InvalidConfigurationException.class)
          .hasMessage(
              "procleak: invalid value 'banana' for procleak.grace: expected a duration such as 500ms, 2s or 1m");
    }

    @Test
    @DisplayName("procleak.grace=2s lets a child that finishes after a second pass")
    void longerGrace() {
      EngineExecutionResults results =
          run(selectClass(GraceTestCases.class), "procleak.grace", "2s");

      results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1).failed(0));
      results.containerEvents().assertStatistics(stats -> stats.failed(0));
      awaitGone(GraceTestCases.child);
    }

    @Test
    @DisplayName("procleak.grace is a limit: the check returns as soon as the child is gone")
    void graceIsALimitNotADelay() {
      long start = System.nanoTime();
      EngineExecutionResults results =
          run(selectClass(GraceTestCases.class), "procleak.grace", "1m");
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1).failed(0));
      assertThat(took).isLessThan(Duration.ofSeconds(30));
      awaitGone(GraceTestCases.child);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Running the fixtures

  static final String RUN_FIXTURES = "dev.procleak.junit.test.runFixtures";

  /** The exact lines of a failure naming one process whose parent is the test JVM. */
  static List<String> oneLeak(
      String scope, String kind, Tracked process, String command, String cleanup) {
    return List.of(
        "procleak: 1 process leaked by test " + FIXTURES + "$" + scope + ":",
        String.format("  %-9s pid %d  %s", kind, process.pid(), command),
        kind.equals("ORPHAN") ? ADOPTED_BY_JVM : PARENT_JVM,
        CWD,
        "            " + AGE + "; cleanup: " + cleanup,
        NOT_RECORDED,
        SWITCHES);
  }

  /**
   * The message's lines, each process's age (the only part that varies) replaced by {@link #AGE}.
   */
  static List<String> lines(String message) {
    return message
        .lines()
        .map(
            line ->
                line.replaceFirst(
                    "^( {12})age [0-9][0-9.]*[smh]( [0-9]{2}[sm])?;", "$1" + AGE + ";"))
        .toList();
  }

  /**
   * Runs fixtures through the Jupiter engine with configuration parameters given as key, value, ...
   */
  static EngineExecutionResults run(DiscoverySelector selector, String... parameters) {
    EngineTestKit.Builder engine =
        EngineTestKit.engine("junit-jupiter")
            .selectors(selector)
            .configurationParameter(RUN_FIXTURES, "true");
    for (int i = 0; i < parameters.length; i += 2) {
      engine.configurationParameter(parameters[i], parameters[i + 1]);
    }
    return engine.execute();
  }

  /** The failure of the only test that ran, which must have failed. */
  static Throwable failureOf(EngineExecutionResults results) {
    results.testEvents().assertStatistics(stats -> stats.failed(1));
    return throwableOf(results.testEvents().failed());
  }

  /** The failure of the only failed fixture class. */
  static Throwable containerFailureOf(EngineExecutionResults results) {
    results.containerEvents().assertStatistics(stats -> stats.failed(1));
    return throwableOf(results.containerEvents().failed());
  }

  static Throwable throwableOf(Events failed) {
    return failed.stream()
        .findFirst()
        .flatMap(event -> event.getPayload(TestExecutionResult.class))
        .flatMap(TestExecutionResult::getThrowable)
        .orElseThrow(() -> new AssertionError("no failure with a throwable"));
  }

  static List<ReportEntry> reportEntries(EngineExecutionResults results) {
    List<ReportEntry> entries = new ArrayList<>();
    results.allEvents().reportingEntryPublished().stream()
        .forEach(event -> event.getPayload(ReportEntry.class).ifPresent(entries::add));
    return entries;
  }

  private static String methodName(Event event) {
    return event.getTestDescriptor().getLegacyReportingName().replace("()", "");
  }

  // ---------------------------------------------------------------------------------------------
  // Making processes, from the fixtures

  /** Starts a process the fixture will wait for itself. */
  static Process start(String... command) throws IOException {
    return new ProcessBuilder(command).start();
  }

  /** Records a child the JDK started, while it certainly is still ours. */
  static Tracked track(Process process) {
    Tracked tracked = Procs.track(process.pid(), false);
    // Alive after the read: the JDK had not reaped it yet, so that start time is this process's.
    assertThat(process.isAlive()).as("%s still alive after it was looked at", tracked).isTrue();
    STARTED.add(tracked);
    return tracked;
  }

  /** A culprit and the zombie it never waited for. */
  record ZombieUnderCulprit(Tracked culprit, Tracked zombie) {}

  /**
   * {@code sh -c 'sleep 0.2 & exec sleep 30'}: returns once the background child is a zombie and
   * the shell has become {@code sleep 30}, which never waits for it. Both are in {@link #STARTED}.
   */
  static ZombieUnderCulprit leaveAZombie() throws IOException {
    Process shell = start("sh", "-c", "sleep 0.2 & exec sleep 30");
    Tracked culprit = track(shell);
    long child =
        awaitValue(
            "the background sleep 0.2 of " + culprit + " is a zombie",
            () -> Procs.children(shell.pid()).stream().filter(Procs::isZombie).findFirst());
    // A zombie stays in the table until its parent waits: its pid cannot have been reused.
    Tracked zombie = Procs.track(child, true);
    STARTED.add(zombie);
    await(culprit + " has become sleep 30", () -> commandLine(shell.pid()).equals("sleep 30"));
    return new ZombieUnderCulprit(culprit, zombie);
  }

  /** Runs a shell that starts {@code sleep 60} in the background, prints its pid and exits. */
  static Tracked startOrphan(String... command) throws IOException, InterruptedException {
    Process shell =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String line;
    try (BufferedReader out = shell.inputReader()) {
      line = out.readLine();
    }
    assertThat(shell.waitFor(Procs.DEADLINE.toSeconds(), TimeUnit.SECONDS))
        .as("the shell exited")
        .isTrue();
    assertThat(line).as("the pid the shell printed").isNotNull().matches("\\d+");
    long pid = Long.parseLong(line);
    Tracked orphan = Procs.track(pid, true);
    STARTED.add(orphan);
    await(orphan + " runs sleep 60", () -> commandLine(pid).equals("sleep 60"));
    await(
        orphan + " is adopted by this JVM",
        () -> Procs.stat(orphan).filter(s -> s.parentPid() == JVM).isPresent());
    return orphan;
  }

  static void waitFor(Process process) throws InterruptedException {
    assertThat(process.waitFor(Procs.DEADLINE.toSeconds(), TimeUnit.SECONDS))
        .as("%s exited", process)
        .isTrue();
    assertThat(process.exitValue()).as("exit code of %s", process).isZero();
  }

  // ---------------------------------------------------------------------------------------------
  // Fixtures: run only through run(...), never on their own.

  /** Disables a fixture class unless a test of this class runs it through the EngineTestKit. */
  @Target(ElementType.TYPE)
  @Retention(RetentionPolicy.RUNTIME)
  @ExtendWith(OnlyWhenRunByTheTests.class)
  @interface Fixture {}

  static class OnlyWhenRunByTheTests implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      return context.getConfigurationParameter(RUN_FIXTURES).filter("true"::equals).isPresent()
          ? ConditionEvaluationResult.enabled(
              "run by " + DetectProcessLeaksTests.class.getSimpleName())
          : ConditionEvaluationResult.disabled(
              "a fixture of " + DetectProcessLeaksTests.class.getSimpleName());
    }
  }

  @Fixture
  @DetectProcessLeaks
  static class ZombieTestCases {
    static Tracked culprit;
    static Tracked zombie;

    @Test
    void leavesAZombie() throws IOException {
      ZombieUnderCulprit made = leaveAZombie();
      culprit = made.culprit();
      zombie = made.zombie();
    }
  }

  @Fixture
  @DetectProcessLeaks
  static class OrphanTestCases {
    static Tracked orphan;

    @Test
    void leavesAnOrphan() throws Exception {
      orphan = startOrphan("sh", "-c", "sleep 60 >/dev/null 2>&1 & echo $!");
    }
  }

  @Fixture
  @DetectProcessLeaks
  static class DaemonTestCases {
    static Tracked daemon;

    @Test
    void startsADaemon() throws Exception {
      daemon = startOrphan("setsid", "sh", "-c", "sleep 60 >/dev/null 2>&1 & echo $!");
    }
  }

  @Fixture
  @DetectProcessLeaks
  static class LingeringTestCases {
    static Tracked child;

    @Test
    void leavesAChildRunning() throws IOException {
      child = track(new ProcessBuilder("sleep", "60").start());
    }
  }

  @Fixture
  @DetectProcessLeaks
  static class HostileCommandTestCases {
    static Tracked child;

    @Test
    void leavesAHostileCommandLine() throws IOException {
      // The shell's $0 holds what a stranger could write; it waits on its stdin, starting nothing.
      child =
          track(
              new ProcessBuilder(
                      "sh", "-c", "read line", "a\u0001b\u001b[31mred\nline <b>&amp;</b>")
                  .start());
    }
  }

  @Fixture
  @DetectProcessLeaks
  static class OddProcessesTestCases {
    static Path weirdName;
    static Path deletedDirectory;
    static Tracked weird;
    static Tracked deletedCwd;
    static Tracked huge;
    static Tracked notUtf8;

    static List<Tracked> all() {
      return List.of(weird, deletedCwd, huge, notUtf8);
    }

    @Test
    void leavesOddProcesses() throws IOException {
      // /proc/<pid>/stat holds the name in parentheses: this one has its own.
      Path directory = Files.createTempDirectory("procleak-odd");
      weirdName = Files.createSymbolicLink(directory.resolve("we) ird (x"), Path.of("/bin/sleep"));
      weird = track(start(weirdName.toString(), "60"));
      deletedDirectory = Files.createTempDirectory("procleak-gone");
      deletedCwd =
          track(new ProcessBuilder("sleep", "60").directory(deletedDirectory.toFile()).start());
      Files.delete(deletedDirectory);
      // No one argument may pass 128 KiB: ten of 100,000 characters make a megabyte.
      List<String> command = new ArrayList<>(List.of("sh", "-c", "read line"));
      for (int i = 0; i < 10; i++) {
        command.add("x".repeat(100_000));
      }
      huge = track(new ProcessBuilder(command).start());
      // Java passes only UTF-8: the shell makes the bytes, and waits on its stdin in their name.
      notUtf8 = track(start("sh", "-c", "exec sh -c 'read line' \"$(printf '\\377\\376')\""));
      await(
          notUtf8 + " runs the shell named by bytes that are not UTF-8",
          () -> commandLine(notUtf8.pid()).startsWith("sh -c read line"));
    }
  }

  @Fixture
  @DetectProcessLeaks
  static class TermIgnoringTestCases {
    static Tracked child;

    @Test
    void ignoresSigterm() throws IOException {
      Process process = start("sh", "-c", "trap \"\" TERM; exec sleep 60");
      child = track(process);
      await(
          child + " runs sleep 60 and ignores SIGTERM",
          () ->
              commandLine(process.pid()).equals("sleep 60") && Procs.ignoresSigterm(process.pid()));
    }
  }

  @Fixture
  @DetectProcessLeaks
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class SpawnerTestCases {
    static final String LOOP = "while :; do sleep 87 & sleep 0.005; done";
    static Tracked spawner;

    @Test
    @Order(1)
    void leavesASpawner() throws Exception {
      Process shell = start("sh", "-c", "sh -c '" + LOOP + "' >/dev/null 2>&1 & echo $!");
      long pid;
      try (BufferedReader out = shell.inputReader()) {
        pid = Long.parseLong(out.readLine().trim());
      }
      spawner = Procs.track(pid, true);
      STARTED.add(spawner);
      await(
          spawner + " has started three children",
          () ->
              Procs.children(pid).stream()
                      .filter(child -> commandLine(child).equals("sleep 87"))
                      .count()
                  >= 3);
    }

    @Test
    @Order(2)
    void startsNothing() {}
  }

  @Fixture
  @DetectProcessLeaks
  static class OtherThreadTestCases {
    static Tracked child;

    @Test
    void startsAChildOnAnotherThread() throws Exception {
      AtomicReference<Tracked> started = new AtomicReference<>();
      AtomicReference<Throwable> error = new AtomicReference<>();
      Thread thread =
          new Thread(
              () -> {
                try {
                  started.set(track(start("sleep", "60")));
                } catch (Throwable e) {
                  error.set(e);
                }
              },
              "starts-a-child");
      thread.start();
      thread.join();
      assertThat(error.get()).isNull();
      child = started.get();
    }
  }

  @Fixture
  @DetectProcessLeaks
  static class ServerLeftRunningTestCases {
    static Tracked server;

    @BeforeAll
    static void startServer() throws IOException {
      server = track(start("sleep", "60"));
    }

    @Test
    void first() {
      assertThat(isRunning(server)).isTrue();
    }

    @Test
    void second() {
      assertThat(isRunning(server)).isTrue();
    }
  }

  @Fixture
  @DetectProcessLeaks
  static class CleanTestCases {

    @Test
    void waitsForItsChild() throws Exception {
      waitFor(start("true"));
    }

    @Test
    void destroysItsChildAndWaits() throws Exception {
      Process process = start("sleep", "60");
      track(process);
      process.destroy();
      process.waitFor();
    }

    @Test
    void readsAPipelineToTheEnd() throws Exception {
      Process process = start("sh", "-c", "seq 1000 | wc -l");
      String out = new String(process.getInputStream().readAllBytes()).trim();
      waitFor(process);
      assertThat(out).isEqualTo("1000");
    }

    @Test
    void shellWaitsForItsBackgroundJob() throws Exception {
      waitFor(start("sh", "-c", "sleep 0.1 & wait"));
    }

    @Test
    void startsFiftyShortChildrenInARow() throws Exception {
      for (int i = 0; i < 50; i++) {
        waitFor(start("true"));
      }
    }
  }

  @Fixture
  @DetectProcessLeaks
  static class ServerStoppedTestCases {
    static Process process;
    static Tracked server;

    @BeforeAll
    static void startServer() throws IOException {
      process = start("sleep", "60");
      server = track(process);
    }

    @Test
    void first() {
      assertThat(isRunning(server)).isTrue();
    }

    @Test
    void second() throws Exception {
      assertThat(isRunning(server)).isTrue();
      waitFor(start("true"));
    }

    @AfterAll
    static void stopServer() throws InterruptedException {
      process.destroy();
      process.waitFor();
    }
  }

  @Fixture
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class MethodAnnotationTestCases {
    static Tracked unchecked;
    static Tracked checked;

    @Test
    @Order(1)
    void leaksUnchecked() throws IOException {
      unchecked = track(start("sleep", "60"));
    }

    @Test
    @Order(2)
    @DetectProcessLeaks
    void leaksChecked() throws IOException {
      checked = track(start("sleep", "60"));
    }

    @AfterAll
    static void stopTheUncheckedOne() {
      Procs.kill(unchecked);
    }
  }

  @Fixture
  @DetectProcessLeaks
  static class IgnoredTestCases {
    static Tracked ignored;
    static Tracked other;

    @Test
    void leavesAnIgnoredChild() throws IOException {
      ignored = track(start("sleep", "60"));
    }

    @Test
    void leavesAnIgnoredAndAnotherChild() throws IOException {
      ignored = track(start("sleep", "60"));
      other = track(start("sleep", "59"));
    }
  }

  @Fixture
  static class BadSettingTestCases {
    static volatile boolean ran;

    @Test
    @DetectProcessLeaks
    void checked() {
      ran = true;
    }
  }

  @Fixture
  @DetectProcessLeaks
  static class GraceTestCases {
    static Tracked child;

    @Test
    void leavesAChildThatFinishesWithinASecond() throws IOException {
      child = track(start("sleep", "1"));
    }
  }
}
