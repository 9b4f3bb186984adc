package dev.procleak.core.machine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * No false ones on a quiet machine, proven on a real one of our own: a fresh PID namespace with its
 * own {@code /proc}, whose init starts what a quiet machine runs — a daemon made with {@code
 * setsid}, a double-forked daemon whose session leader exited, a service in init's own session, and
 * a job in a session of its own with a child of its own. The scan there must find nothing; after a
 * zombie and an orphan are made, exactly those two. When init's script ends the kernel kills
 * everything left in the namespace.
 */
@EnabledOnOs(OS.LINUX)
class NamespaceScanTest {
  private static final String INIT =
      String.join(
          "\n",
          "setsid sleep 600 </dev/null >/dev/null 2>&1 &",
          "setsid sh -c 'sleep 601 </dev/null >/dev/null 2>&1 &' </dev/null >/dev/null 2>&1",
          "sleep 602 </dev/null >/dev/null 2>&1 &",
          "setsid sh -c 'sleep 603 </dev/null >/dev/null 2>&1 & \"$@\"' job \"$1\" -cp \"$2\" "
              + NamespaceProbe.class.getName());

  @Test
  void aQuietMachineShowsNothingAndAZombieAndAnOrphanAreExactlyWhatIsFound() throws Exception {
    List<String> unshare = unshareCommand();
    List<String> command = new ArrayList<>(unshare);
    command.addAll(List.of("sh", "-c", INIT, "init", javaCommand(), classPath()));
    Process namespace = new ProcessBuilder(command).redirectErrorStream(true).start();
    List<String> lines;
    try {
      String output = new String(namespace.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(namespace.waitFor(60, TimeUnit.SECONDS)).as("the namespace's init ends").isTrue();
      lines = output.lines().toList();
    } finally {
      // --kill-child: the namespace's init, and so everything in it, dies with unshare.
      if (namespace.isAlive()) {
        namespace.destroyForcibly().waitFor();
      }
    }
    assertThat(lines).as("probe output").contains("QUIET END", "LEAKY END");
    List<String> quiet =
        lines.stream()
            .filter(line -> line.startsWith("QUIET ") && !line.equals("QUIET END"))
            .toList();
    assertThat(quiet).as("findings on a quiet machine, in:\n" + String.join("\n", lines)).isEmpty();
    assertThat(lines)
        .contains(
            "QUIET-TEXT procleak:scan: no zombies or orphans of user "
                + System.getProperty("user.name")
                + " (uid 0) on this machine.");

    String zombie = made(lines, "ZOMBIE");
    String orphan = made(lines, "ORPHAN");
    List<String> leaky =
        lines.stream()
            .filter(line -> line.startsWith("LEAKY ") && !line.equals("LEAKY END"))
            .toList();
    assertThat(leaky)
        .as("in:\n" + String.join("\n", lines))
        .containsExactly("LEAKY ZOMBIE " + zombie, "LEAKY ORPHAN " + orphan);
    assertThat(lines)
        .anyMatch(
            line ->
                line.startsWith(
                    "LEAKY-TEXT   CULPRIT   pid " + zombie.split(" ")[1] + "  sleep 300"));
  }

  private static String made(List<String> lines, String kind) {
    return lines.stream()
        .filter(line -> line.startsWith("MADE " + kind + " "))
        .findFirst()
        .map(line -> line.substring(("MADE " + kind + " ").length()))
        .orElseThrow(
            () ->
                new AssertionError("the probe made no " + kind + ":\n" + String.join("\n", lines)));
  }

  /** Root may unshare directly; others only through a user namespace, where that is allowed. */
  private static List<String> unshareCommand() throws InterruptedException {
    List<String> unshare = new ArrayList<>(List.of("unshare"));
    if (!"root".equals(System.getProperty("user.name"))) {
      unshare.addAll(List.of("--user", "--map-root-user"));
    }
    unshare.addAll(List.of("--pid", "--fork", "--mount-proc", "--kill-child"));
    List<String> probe = new ArrayList<>(unshare);
    probe.add("true");
    String why;
    try {
      Process trial = new ProcessBuilder(probe).redirectErrorStream(true).start();
      why = new String(trial.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (trial.waitFor() == 0) {
        return unshare;
      }
    } catch (IOException e) {
      why = e.getMessage();
    }
    Assumptions.abort(
        "a fresh PID namespace is not permitted here ("
            + String.join(" ", probe)
            + ": "
            + why
            + "); the rule's unit tests still run");
    return unshare;
  }

  private static String javaCommand() {
    return ProcessHandle.current()
        .info()
        .command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }

  /** The compiled core and these tests: all the probe needs (it never loads OSHI). */
  private static String classPath() {
    List<String> entries = new ArrayList<>();
    for (Class<?> type : List.of(NamespaceProbe.class, MachineScan.class)) {
      try {
        entries.add(
            Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
      } catch (Exception e) {
        throw new UncheckedIOException(new IOException("no code source for " + type, e));
      }
    }
    return String.join(java.io.File.pathSeparator, entries);
  }
}
