package dev.procleak.it.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.procleak.testsupport.processes.Kill;
import dev.procleak.testsupport.processes.Poll;
import dev.procleak.testsupport.processes.ProcessIdentity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The check every verify.groovy ends with must see what a build left, and only that. */
class LeftoversTest {

  @TempDir Path build;

  private final List<ProcessIdentity> made = new ArrayList<>();

  @AfterEach
  void killEverythingMade() {
    made.forEach(Kill::byIdentity);
    assertThat(Kill.awaitGone(Poll.TIMEOUT, made)).as("left behind: %s", made).isTrue();
  }

  private ProcessIdentity start(Path directory, String... command) throws IOException {
    Process process = new ProcessBuilder(command).directory(directory.toFile()).start();
    ProcessIdentity identity = ProcessIdentity.of(process.pid()).orElseThrow();
    made.add(identity);
    return identity;
  }

  private static List<Long> pids(List<Leftovers.Proc> found) {
    return found.stream().map(Leftovers.Proc::pid).toList();
  }

  @Test
  void findsAProcessByItsWorkingDirectoryAndKillsIt() throws IOException {
    ProcessIdentity sleep = start(build, "sleep", "59.1");
    Leftovers leftovers = new Leftovers(build, List.of(), "some-it", List.of());

    assertThat(pids(leftovers.find())).containsExactly(sleep.pid());
    List<String> described = leftovers.awaitGoneOrKill(Duration.ofMillis(200));

    assertThat(described)
        .singleElement()
        .asString()
        .startsWith("pid " + sleep.pid() + " ")
        .contains("sleep 59.1");
    assertThat(sleep.isGone()).isTrue();
  }

  @Test
  void findsAProcessByItsMarkerOnlyAsAWholeWord(@TempDir Path elsewhere) throws IOException {
    ProcessIdentity marked = start(elsewhere, "sleep", "59.2");
    ProcessIdentity similar = start(elsewhere, "sleep", "59.25");

    List<Long> found =
        pids(new Leftovers(build, List.of("sleep 59.2"), "some-it", List.of()).find());

    assertThat(found).contains(marked.pid()).doesNotContain(similar.pid());
  }

  @Test
  void findsAReportedProcessByItsIdentity(@TempDir Path elsewhere) throws IOException {
    ProcessIdentity reported = start(elsewhere, "sleep", "59.3");

    assertThat(pids(new Leftovers(build, List.of(), "some-it", List.of(reported)).find()))
        .containsExactly(reported.pid());
    assertThat(
            new Leftovers(
                    build, List.of(), "some-it", List.of(new ProcessIdentity(reported.pid(), 1)))
                .find())
        .as("same pid, another start time: another process")
        .isEmpty();
  }

  @Test
  void findsAProcessByTheBuildsCookie(@TempDir Path elsewhere) throws IOException {
    ProcessBuilder builder = new ProcessBuilder("sleep", "59.4").directory(elsewhere.toFile());
    builder.environment().put("PROCLEAK_COOKIE", "some-it-0f0e0d0c-0b0a-4090-8070-605040302010");
    ProcessIdentity marked = ProcessIdentity.of(builder.start().pid()).orElseThrow();
    made.add(marked);

    assertThat(pids(new Leftovers(build, List.of(), "some-it", List.of()).find()))
        .containsExactly(marked.pid());
    assertThat(new Leftovers(build, List.of(), "other-it", List.of()).find()).isEmpty();
  }

  @Test
  void findsZombiesThroughTheirParentAndRemovesThemByKillingIt() throws IOException {
    // After the exec, `sleep 59.5` never waits for `sleep 0.1`: a zombie, which has no working
    // directory, command line or environment of its own.
    ProcessIdentity parent = start(build, "sh", "-c", "sleep 0.1 & exec sleep 59.5");
    ProcessIdentity zombie =
        Poll.find(Poll.TIMEOUT, () -> ProcessIdentity.zombieChild(parent.pid())).orElseThrow();
    Leftovers leftovers = new Leftovers(build, List.of(), "some-it", List.of());

    assertThat(pids(leftovers.find())).containsExactlyInAnyOrder(parent.pid(), zombie.pid());
    assertThat(leftovers.awaitGoneOrKill(Duration.ofMillis(200))).hasSize(2);
    assertThat(zombie.isGone()).isTrue();
  }

  @Test
  void markersMatchWholeWordsOnly() {
    assertThat(Leftovers.holds("sleep 60.5", "sleep 60.5")).isTrue();
    assertThat(Leftovers.holds("/usr/bin/sleep 60.5", "sleep 60.5")).isTrue();
    assertThat(Leftovers.holds("sleep 60.55", "sleep 60.5")).isFalse();
    assertThat(Leftovers.holds("xsleep 60.5", "sleep 60.5")).isFalse();
    assertThat(
            Leftovers.holds(
                "java -cp a.jar dev.procleak.it.fixtures.ZombieMaker 2",
                "dev.procleak.it.fixtures.ZombieMaker 2"))
        .isTrue();
  }

  @Test
  void aBuildThatLeftNothingHasNothingToReport() {
    assertThat(
            new Leftovers(build, List.of("sleep 59.9"), "some-it", List.of())
                .awaitGoneOrKill(Duration.ofMillis(50)))
        .isEmpty();
  }

  @Test
  void theScriptVariablesMayAskForAMavenVersion() throws IOException {
    Files.writeString(build.resolve("build.log"), "Apache Maven 3.8.7\n[INFO] BUILD SUCCESS\n");
    ItBuild.verify(
        build.toFile(), Map.of("expectedMavenVersion", "3.8.7"), List.of(), ItBuild::passed);
    assertThatThrownBy(
            () ->
                ItBuild.verify(
                    build.toFile(),
                    Map.of("expectedMavenVersion", "3.9.11"),
                    List.of(),
                    ItBuild::passed))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Apache Maven")
        .hasMessageContaining("3.9.11");
  }

  @Test
  void verifyKillsWhatTheBuildLeftAndFailsEvenWhenItsChecksPass() throws IOException {
    ProcessIdentity sleep = start(build, "sleep", "59.6");
    Files.writeString(
        build.resolve("build.log"),
        "  ORPHAN    pid " + sleep.pid() + "  sleep 59.6\n[INFO] BUILD FAILURE\n");

    assertThatThrownBy(
            () ->
                ItBuild.verify(
                    build.toFile(),
                    Map.of(),
                    List.of("sleep 59.6"),
                    ItBuild::failed,
                    Duration.ofMillis(200)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("the build left processes behind (now killed)")
        .hasMessageContaining("pid " + sleep.pid() + " ")
        .hasMessageContaining("[named in build.log]");
    assertThat(sleep.isGone()).isTrue();
  }
}
