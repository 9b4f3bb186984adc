package dev.procleak.core.origin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The JDK's own log of starts, read on Java 25 (the test JVM runs 17, which logs none): each start
 * is recorded with its caller, and nothing is printed that the JVM did not print before.
 */
class JdkLogStartsTest {
  private static final Path JAVA_25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");

  /** Run on Java 25: records its starts through the JDK's log and prints what it recorded. */
  public static final class OnJava25 {
    public static void main(String[] args) throws Exception {
      JavaStarts starts = new JavaStarts("log-test");
      JdkLogStarts.start(starts);
      Process started = new ProcessBuilder("sh", "-c", "exit 0").start();
      started.waitFor();
      Process executed = Runtime.getRuntime().exec(new String[] {"true"});
      executed.waitFor();
      for (Process process : List.of(started, executed)) {
        JavaStart start = starts.byPid(process.pid()).orElseThrow();
        System.out.println(start.command() + " | " + start.callers().size());
      }
    }
  }

  @Test
  void eachStartIsRecordedAndNothingIsPrinted() throws Exception {
    assumeTrue(Files.isExecutable(JAVA_25), JAVA_25 + " is not installed here");
    Process java =
        new ProcessBuilder(
                JAVA_25.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                OnJava25.class.getName())
            .start();
    String out = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(java.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(java.waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertThat(java.exitValue()).as(err).isZero();
    // procleak's own frames are no callers: the starts here have none but the JDK's runner's.
    assertThat(out.lines()).containsExactly("sh -c exit 0 | 0", "true | 0");
    assertThat(err).isEmpty();
  }

  @Test
  void theJdkBefore21LogsNoStart() {
    assumeTrue(Runtime.version().feature() < 21);
    assertThat(JdkLogStarts.unavailable())
        .hasValue(
            "the JDK logs process starts from JDK 21 on, and this test JVM runs "
                + Runtime.version().feature());
  }

  @Test
  void aQuotedCommandReadsAsProcleakShowsOne() {
    assertThat(JdkLogStarts.command("\"sh\" \"-c\" \"exit 0\"")).isEqualTo("sh -c exit 0");
    assertThat(JdkLogStarts.command("\"true\"")).isEqualTo("true");
  }
}
