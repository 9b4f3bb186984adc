package dev.procleak.core.session;

import dev.procleak.core.config.ProcleakConfig;
import dev.procleak.core.model.Leak;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The test JVM of {@link EnvironmentCookieTest}: starts children every way a test does, prints
 * {@code <name> <pid>} for each and {@code cookie <value>}, waits for a line on stdin, then ends
 * its session and prints {@code leak <pid> <kind> <cleanup> | <scope>} for what it found.
 *
 * <p>Arguments: {@code agent} (procleak's agent started the session) or {@code session <dir>
 * <subreaper>} (started here, as the JUnit extension does), then the marker, a {@code sleep}
 * duration prefix such as {@code 63.9}.
 */
public final class CookieChildJvm {
  public static void main(String[] args) throws Exception {
    int next = 0;
    JvmSession session;
    if (args[next].equals("agent")) {
      next++;
      session = JvmSession.current().orElseThrow();
    } else {
      Path reports = Path.of(args[next + 1]);
      boolean subreaper = Boolean.parseBoolean(args[next + 2]);
      next += 3;
      ProcleakConfig config =
          ProcleakConfig.from(
              key ->
                  key.equals(ProcleakConfig.SUBREAPER)
                      ? Optional.of("" + subreaper)
                      : Optional.empty());
      session = JvmSession.start(config, reports, false);
    }
    String marker = args[next];
    Path pidFile = Files.createTempFile("procleak-setsid", ".pid");
    System.out.println("cookie " + session.cookie());

    System.out.println("plain " + new ProcessBuilder("sleep", marker + "1").start().pid());
    System.out.println(
        "exec " + Runtime.getRuntime().exec(new String[] {"sleep", marker + "2"}).pid());
    ProcessBuilder modified = new ProcessBuilder("sleep", marker + "3");
    modified.environment().put("PROCLEAK_TEST_EXTRA", "1");
    modified.environment().remove("HOME");
    System.out.println("modified " + modified.start().pid());
    ProcessBuilder cleared = new ProcessBuilder("/bin/sleep", marker + "4");
    cleared.environment().clear();
    System.out.println("cleared " + cleared.start().pid());
    Process shell =
        new ProcessBuilder("sh", "-c", "sleep " + marker + "5 >/dev/null 2>&1 & echo $!").start();
    System.out.println("doubleForked " + firstLine(shell));
    shell.waitFor();
    Process setsid =
        new ProcessBuilder(
                "setsid",
                "-f",
                "sh",
                "-c",
                "sleep " + marker + "6 >/dev/null 2>&1 & echo $! > " + pidFile)
            .start();
    setsid.waitFor();
    String daemon = "";
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (daemon.isEmpty() && System.nanoTime() < deadline) {
      daemon = Files.readString(pidFile).trim();
      Thread.sleep(5);
    }
    Files.delete(pidFile);
    System.out.println("setsid " + daemon);
    System.out.println("ready");
    System.out.flush();

    new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    List<Leak> leaks = session.finish();
    for (Leak leak : leaks) {
      System.out.println(
          "leak " + leak.pid() + " " + leak.kind() + " " + leak.cleanup() + " | " + leak.scope());
    }
    System.out.println("done");
    System.out.flush();
  }

  private static String firstLine(Process process) throws IOException {
    return new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))
        .readLine()
        .trim();
  }
}
