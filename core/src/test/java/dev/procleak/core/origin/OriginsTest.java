package dev.procleak.core.origin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procleak.core.RealProcesses;
import dev.procleak.core.os.EnvironmentCookie;
import dev.procleak.core.os.Subreaper;
import dev.procleak.core.scan.ProcessId;
import dev.procleak.core.scan.ProcessInfo;
import dev.procleak.core.scan.ProcessTable;
import dev.procleak.core.scan.ProcfsScanner;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The origin rule on real processes: each started the way the agent starts them, cookie and all.
 */
@EnabledOnOs(OS.LINUX)
class OriginsTest {
  private static final long JVM = ProcessHandle.current().pid();
  private static final List<String> CALLERS =
      List.of("a.Indexer.start(Indexer.java:12)", "a.IndexerTest.indexes(IndexerTest.java:9)");

  private final ProcfsScanner scanner = new ProcfsScanner();
  private final RealProcesses processes = new RealProcesses();
  private final JavaStarts starts = new JavaStarts("origins-test/jvm-" + JVM + "-1");

  @BeforeAll
  static void orphansComeToThisJvm() {
    assertThat(Subreaper.arm()).isTrue();
  }

  @AfterEach
  void killWhatIsLeft() {
    processes.close();
  }

  @Test
  void anOrphanWhoseShellExitedIsTracedToTheShellsStart() throws Exception {
    Process shell = startAsTheAgentDoes("sleep 61.3 >/dev/null 2>&1 & echo $!");
    ProcessId orphan = processes.track(RealProcesses.readPid(shell));
    shell.waitFor();
    ProcessTable now = adopted(orphan);

    Origin origin = Origins.of(starts).of(now.get(orphan.pid()).orElseThrow(), now, scanner);

    assertThat(origin)
        .isEqualTo(
            new Origin(
                shell.pid(),
                "sh -c sleep 61.3 >/dev/null 2>&1 & echo $!",
                true,
                CALLERS,
                null,
                false));
  }

  @Test
  void aGrandchildIsTracedToItsRunningParentsStart() throws Exception {
    Process shell = startAsTheAgentDoes("sleep 61.4; echo done");
    RealProcesses.await(
        "the shell's sleep", () -> scanner.scan(shell.pid()).children(shell.pid()).size() == 1);
    ProcessTable now = scanner.scan(JVM);
    ProcessInfo sleep = now.children(shell.pid()).get(0);

    Origin origin = Origins.of(starts).of(sleep, now, scanner);

    assertThat(origin.pid()).isEqualTo(shell.pid());
    assertThat(origin.exited()).isFalse();
    assertThat(origin.callers()).isEqualTo(CALLERS);
  }

  @Test
  void aStartWhoseEnvironmentLostTheCookieIsTracedByPid() throws Exception {
    long number = starts.next();
    ProcessBuilder builder = new ProcessBuilder("sleep", "61.5");
    builder.environment().clear();
    Process sleep = builder.start();
    processes.track(sleep.pid());
    starts.started(number, sleep.pid(), "sleep 61.5", CALLERS);
    ProcessTable now = scanner.scan(JVM);

    Origin origin = Origins.of(starts).of(now.get(sleep.pid()).orElseThrow(), now, scanner);

    assertThat(origin.isRecorded()).isTrue();
    assertThat(origin.pid()).isEqualTo(sleep.pid());
    assertThat(origin.exited()).isFalse();
  }

  @Test
  void aProcessCarryingOnlyTheJvmsCookieWasStartedByNativeCode() throws Exception {
    Process sleep = startWithCookie("origins-test/jvm-" + JVM + "-1", "sleep 61.6");
    ProcessTable now = scanner.scan(JVM);

    Origin origin = Origins.of(starts).of(now.get(sleep.pid()).orElseThrow(), now, scanner);

    assertThat(origin).isEqualTo(Origin.notRecorded(Origins.NATIVE));
  }

  @Test
  void aProcessWithNoCookieAndNoRecordedStartSaysSoWithTheLikelyCauses() throws Exception {
    Process sleep = startWithCookie(null, "sleep 61.7");
    ProcessTable now = scanner.scan(JVM);

    assertThat(Origins.of(starts).of(now.get(sleep.pid()).orElseThrow(), now, scanner))
        .isEqualTo(Origin.notRecorded(Origins.NO_COOKIE));
  }

  @Test
  void aStartNoLongerKeptIsSaidToBeSo() throws Exception {
    Process sleep = startWithCookie(starts.cookieOf(999_999), "sleep 61.8");
    ProcessTable now = scanner.scan(JVM);

    assertThat(Origins.of(starts).of(now.get(sleep.pid()).orElseThrow(), now, scanner))
        .isEqualTo(Origin.notRecorded(Origins.NOT_KEPT));
  }

  @Test
  void withoutARecordingEveryLeakSaysWhy() throws Exception {
    Process sleep = startWithCookie(null, "sleep 61.9");
    ProcessTable now = scanner.scan(JVM);

    assertThat(
            Origins.off("procleak.recordStarts=off")
                .of(now.get(sleep.pid()).orElseThrow(), now, scanner))
        .isEqualTo(Origin.recordingOff("procleak.recordStarts=off"));
  }

  /**
   * What the agent does around {@code ProcessBuilder.start}: a cookie of the start's own, then the
   * record.
   */
  private Process startAsTheAgentDoes(String script) throws IOException {
    long number = starts.next();
    ProcessBuilder builder = new ProcessBuilder("sh", "-c", script);
    builder.environment().put(EnvironmentCookie.VARIABLE, starts.cookieOf(number));
    Process shell = builder.start();
    processes.track(shell.pid());
    starts.started(number, shell.pid(), String.join(" ", builder.command()), CALLERS);
    return shell;
  }

  private Process startWithCookie(String cookie, String command) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command.split(" "));
    builder.environment().remove(EnvironmentCookie.VARIABLE);
    if (cookie != null) {
      builder.environment().put(EnvironmentCookie.VARIABLE, cookie);
    }
    Process process = builder.start();
    processes.track(process.pid());
    return process;
  }

  private ProcessTable adopted(ProcessId orphan) {
    RealProcesses.await(
        "pid " + orphan.pid() + " adopted by this JVM",
        () -> scanner.scan(JVM).get(orphan.pid()).filter(ProcessInfo::adopted).isPresent());
    return scanner.scan(JVM);
  }
}
