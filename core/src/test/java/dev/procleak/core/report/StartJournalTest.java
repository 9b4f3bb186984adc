package dev.procleak.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procleak.core.model.ScopeName;
import dev.procleak.core.origin.JavaStart;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartJournalTest {
  private static final String JVM = "module-5f0c/jvm-41-7";
  private static final ScopeName TEST = ScopeName.method("a.B", "c(String)", "[2] \"x\"");

  @Test
  void whatIsAppendedIsReadBackByEachStartsCookie(@TempDir Path directory) {
    StartJournal journal = StartJournal.of(directory, JVM);
    String hostile = "sh -c 'echo \"<b>\u0001\n\udcff' & echo";
    journal.append(start(1, hostile), List.of(TEST));
    journal.append(start(2, "sleep 1"), List.of());

    StartJournal.Read read = StartJournal.read(journal.file(), JVM);

    JavaStart first = read.starts().byCookie(JVM + "/start-1/start-4").orElseThrow();
    assertThat(first.command()).isEqualTo(hostile);
    assertThat(first.callers()).containsExactly("a.B.c(B.java:3)");
    assertThat(read.scopesOf(first)).containsExactly(TEST);
    assertThat(read.scopesOf(read.starts().byCookie(JVM + "/start-2").orElseThrow())).isEmpty();
    assertThat(journal.file())
        .isEqualTo(directory.resolve("module-5f0c").resolve("jvm-41-7.starts"));
    assertThat(journal.unavailable()).isEmpty();
  }

  @Test
  void aLineTheJvmDidNotFinishIsSkipped(@TempDir Path directory) throws Exception {
    StartJournal journal = StartJournal.of(directory, JVM);
    journal.append(start(1, "sleep 1"), List.of(TEST));
    Files.writeString(
        journal.file(),
        "start.2.pid=9\nstart.2.at=2026-12-07T20:00:00Z\nstart.2.comm",
        StandardCharsets.ISO_8859_1,
        StandardOpenOption.APPEND);

    StartJournal.Read read = StartJournal.read(journal.file(), JVM);

    assertThat(read.starts().byCookie(JVM + "/start-1")).isPresent();
    assertThat(read.starts().byCookie(JVM + "/start-2")).isEmpty();
    assertThat(StartJournal.read(directory.resolve("gone.starts"), JVM).scopes()).isEmpty();
  }

  @Test
  void aCookieThatCannotNameAFileKeepsNoJournalAndSaysWhy(@TempDir Path directory) {
    for (String cookie : List.of("jvm-1-2", "../jvm-1-2", "a/..", "a b/jvm-1-2", "a/.hidden")) {
      StartJournal journal = StartJournal.of(directory, cookie);
      journal.append(start(1, "sleep 1"), List.of());
      assertThat(journal.file()).as(cookie).isNull();
      assertThat(journal.unavailable()).as(cookie).hasValueSatisfying(why -> why.contains(cookie));
    }
    assertThat(directory).isEmptyDirectory();
  }

  @Test
  void aJournalThatCannotBeWrittenSaysWhyAndNeverThrows(@TempDir Path directory) throws Exception {
    Path file = directory.resolve("not-a-folder");
    Files.writeString(file, "");
    StartJournal journal = StartJournal.of(file, JVM);

    journal.append(start(1, "sleep 1"), List.of(TEST));
    journal.append(start(2, "sleep 1"), List.of(TEST));

    assertThat(journal.unavailable())
        .hasValueSatisfying(why -> assertThat(why).startsWith("its starts could not be journaled"));
  }

  @Test
  void deletingTakesTheBuildsFolderOnceItIsEmpty(@TempDir Path directory) {
    StartJournal first = StartJournal.of(directory, "module-5f0c/jvm-1-1");
    StartJournal second = StartJournal.of(directory, "module-5f0c/jvm-2-2");
    first.append(start(1, "sleep 1"), List.of());
    second.append(start(1, "sleep 1"), List.of());

    first.delete();
    assertThat(first.file()).doesNotExist();
    assertThat(second.file()).exists();
    second.delete();

    assertThat(directory.resolve("module-5f0c")).doesNotExist();
  }

  /** Whatever a command line, a frame or a test's name holds, it is read back as it was written. */
  @Property(tries = 300)
  void anyTextIsReadBackAsItWas(
      @ForAll @StringLength(max = 80) String command,
      @ForAll @StringLength(max = 40) String caller,
      @ForAll @StringLength(max = 40) String invocation)
      throws Exception {
    Path directory = Files.createTempDirectory("procleak-journal-property");
    try {
      StartJournal journal = StartJournal.of(directory, JVM);
      ScopeName scope = ScopeName.method("a.B", "c()", invocation);
      journal.append(
          new JavaStart(7, 70, Instant.EPOCH, command, List.of(caller, "a.B.c(B.java:3)")),
          List.of(scope, ScopeName.of(invocation)));

      StartJournal.Read read = StartJournal.read(journal.file(), JVM);

      JavaStart back = read.starts().byCookie(JVM + "/start-7").orElseThrow();
      assertThat(back.command()).isEqualTo(command);
      assertThat(back.callers()).containsExactly(caller, "a.B.c(B.java:3)");
      assertThat(read.scopesOf(back)).containsExactly(scope, ScopeName.of(invocation));
      journal.delete();
    } finally {
      Files.deleteIfExists(directory);
    }
  }

  private static JavaStart start(long number, String command) {
    return new JavaStart(number, 1000 + number, Instant.now(), command, List.of("a.B.c(B.java:3)"));
  }
}
