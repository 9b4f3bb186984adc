package dev.procleak.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procleak.core.RealProcesses;
import dev.procleak.core.config.AgentSettings;
import dev.procleak.core.config.ProcleakConfig;
import dev.procleak.core.leak.ProcessFilter;
import dev.procleak.core.model.Leak;
import dev.procleak.core.os.EnvironmentCookie;
import dev.procleak.core.scan.ProcessId;
import dev.procleak.core.scan.ProcfsScanner;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cookie on real processes: a test JVM ({@link CookieChildJvm}) starts children every way a
 * test does, and this test reads their environments from {@code /proc}.
 */
@Timeout(120)
class EnvironmentCookieTest {
  private static final List<String> MARKED =
      List.of("plain", "exec", "modified", "doubleForked", "setsid");

  private final RealProcesses processes = new RealProcesses();
  private final ProcfsScanner scanner = new ProcfsScanner();
  @TempDir Path directory;

  @AfterEach
  void killWhatIsLeft() {
    processes.close();
  }

  @Test
  void withTheAgentEveryChildCarriesTheJvmsCookieButOneWithAClearedEnvironment() throws Exception {
    String build = "cookie-test-" + UUID.randomUUID();
    Child child = Child.start(this, agentCommand(build, true), "63.8");

    assertThat(child.cookie).isEqualTo(build + "/jvm-" + child.pid() + "-" + child.startTime);
    for (String name : MARKED) {
      assertThat(cookieOf(child.pid(name))).as(name).contains(child.cookie);
    }
    // A builder whose environment was cleared hands its child nothing to inherit.
    assertThat(cookieOf(child.pid("cleared"))).isEmpty();

    // check's search for the build finds every marked one, and nothing for a cookie that merely
    // starts with the build's.
    List<Long> found =
        new Survivors().find(build, ProcessFilter.of(List.of())).stream().map(Leak::pid).toList();
    assertThat(found)
        .containsAll(MARKED.stream().map(child::pid).toList())
        .doesNotContain(child.pid("cleared"));
    assertThat(
            new Survivors()
                .find(build.substring(0, build.length() - 1), ProcessFilter.of(List.of())))
        .isEmpty();

    // While the test JVM lives, the subreaper keeps all of them below it, the unmarked one too.
    Map<Long, String> leaks = child.finish();
    for (String name : List.of("plain", "exec", "modified", "cleared", "doubleForked", "setsid")) {
      assertThat(leaks).as(name).containsKey(child.pid(name));
      assertThat(leaks.get(child.pid(name))).as(name).contains("| " + JvmSession.JVM_SCOPE);
    }
  }

  @Test
  void withoutTheAgentTheSessionMarksChildrenThroughTheNativeEnvironment() throws Exception {
    Child child = Child.start(this, sessionCommand(true), "63.7");

    Optional<String> inherited = Optional.ofNullable(System.getenv(EnvironmentCookie.VARIABLE));
    assertThat(child.cookie)
        .startsWith(inherited.map(value -> value + "/").orElse("procleak-"))
        .endsWith("/jvm-" + child.pid() + "-" + child.startTime);
    for (String name : List.of("plain", "exec", "doubleForked", "setsid")) {
      assertThat(cookieOf(child.pid(name))).as(name).contains(child.cookie);
    }
    // A builder that called environment() copies the JDK's cached environment, which the session
    // changes through sun.misc.Unsafe up to JDK 23 and leaves alone from JDK 24 on (it would warn).
    if (Runtime.version().feature() < 24) {
      assertThat(cookieOf(child.pid("modified"))).contains(child.cookie);
    } else {
      assertThat(cookieOf(child.pid("modified"))).isEmpty();
    }
    assertThat(cookieOf(child.pid("cleared"))).isEmpty();
    child.finish();
  }

  @Test
  void withTheSubreaperOffEscapedDaemonsAreFoundByTheCookieAndNothingElse() throws Exception {
    Child child = Child.start(this, sessionCommand(false), "63.6");
    String build = child.cookie.substring(0, child.cookie.lastIndexOf('/'));
    // Decoys: a sibling fork's cookie, a cookie that only starts like ours, and no cookie.
    long sibling = decoy(build + "/jvm-1-1", "63.671");
    long lookalike = decoy(child.cookie + "0", "63.672");
    long unmarked = decoy(null, "63.673");

    Map<Long, String> leaks = child.finish();

    for (String name : List.of("doubleForked", "setsid")) {
      long pid = child.pid(name);
      assertThat(leaks.get(pid))
          .as(name)
          .startsWith("ORPHAN terminated by SIGTERM")
          .endsWith("| " + JvmSession.ESCAPED_SCOPE);
      assertThat(scanner.lookup(pid))
          .as(name + " is gone")
          .satisfiesAnyOf(
              gone -> assertThat(gone).isNull(), zombie -> assertThat(zombie.isZombie()).isTrue());
    }
    for (String name : List.of("plain", "exec", "modified", "cleared")) {
      assertThat(leaks.get(child.pid(name))).as(name).endsWith("| " + JvmSession.JVM_SCOPE);
    }
    assertThat(leaks).doesNotContainKeys(sibling, lookalike, unmarked);
    for (long decoy : List.of(sibling, lookalike, unmarked)) {
      assertThat(scanner.lookup(decoy)).as("decoy " + decoy + " still runs").isNotNull();
    }
  }

  @Test
  void withTheAgentAndTheSubreaperOffEscapedDaemonsAreFoundByTheJvmsCookie() throws Exception {
    String build = "cookie-test-" + UUID.randomUUID();
    Child child = Child.start(this, agentCommand(build, false), "63.9");
    long sibling = decoy(build + "/jvm-1-1", "63.971");

    Map<Long, String> leaks = child.finish();

    for (String name : List.of("doubleForked", "setsid")) {
      assertThat(leaks.get(child.pid(name)))
          .as(name)
          .startsWith("ORPHAN terminated by SIGTERM")
          .endsWith("| " + JvmSession.ESCAPED_SCOPE);
    }
    assertThat(leaks).doesNotContainKey(sibling);
    assertThat(scanner.lookup(sibling)).as("the sibling fork's process still runs").isNotNull();
  }

  private long decoy(String cookie, String seconds) throws IOException {
    ProcessBuilder builder = new ProcessBuilder("sleep", seconds);
    builder.environment().remove(EnvironmentCookie.VARIABLE);
    if (cookie != null) {
      builder.environment().put(EnvironmentCookie.VARIABLE, cookie);
    }
    Process process = builder.start();
    processes.track(process.pid());
    return process.pid();
  }

  private List<String> agentCommand(String build, boolean subreaper) throws IOException {
    Properties settings = new Properties();
    settings.setProperty(AgentSettings.COOKIE, build);
    settings.setProperty(ProcleakConfig.SUBREAPER, "" + subreaper);
    settings.setProperty(AgentSettings.REPORTS_DIRECTORY, directory.resolve("reports").toString());
    Path settingsFile = directory.resolve("agent.properties");
    try (Writer writer = Files.newBufferedWriter(settingsFile)) {
      settings.store(writer, null);
    }
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().putValue("Premain-Class", ArmingOnlyAgent.class.getName());
    Path jar = directory.resolve("agent.jar");
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream unused = new JarOutputStream(out, manifest)) {
      // The class path is the JVM's own.
    }
    List<String> command = java();
    command.add(1, "-javaagent:" + jar + "=" + settingsFile);
    command.add("agent");
    return command;
  }

  private List<String> sessionCommand(boolean subreaper) {
    List<String> command = java();
    command.addAll(List.of("session", directory.resolve("reports").toString(), "" + subreaper));
    return command;
  }

  private static List<String> java() {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(
        List.of("-cp", System.getProperty("java.class.path"), CookieChildJvm.class.getName()));
    return command;
  }

  /** The value of the cookie variable in a live process's environment, if it has one. */
  private static Optional<String> cookieOf(long pid) throws IOException {
    String environ =
        Files.readString(
            Path.of("/proc", Long.toString(pid), "environ"), StandardCharsets.ISO_8859_1);
    for (String variable : environ.split("\0")) {
      if (variable.startsWith(EnvironmentCookie.VARIABLE + "=")) {
        return Optional.of(variable.substring(EnvironmentCookie.VARIABLE.length() + 1));
      }
    }
    return Optional.empty();
  }

  /** The running {@link CookieChildJvm} and what it printed. */
  private static final class Child {
    final Process process;
    final BufferedReader out;
    final Map<String, Long> pids = new LinkedHashMap<>();
    final List<String> lines = new ArrayList<>();
    String cookie;
    long startTime;

    private Child(Process process) {
      this.process = process;
      this.out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    static Child start(EnvironmentCookieTest test, List<String> command, String marker)
        throws IOException {
      List<String> withMarker = new ArrayList<>(command);
      withMarker.add(marker);
      // No environment() call: the child inherits this JVM's environment as it is.
      Process process = new ProcessBuilder(withMarker).redirectErrorStream(true).start();
      ProcessId id = test.processes.track(process.pid());
      Child child = new Child(process);
      child.startTime = id.startTime();
      for (String line = child.readLine(); !line.equals("ready"); line = child.readLine()) {
        String[] parts = line.split(" ", 2);
        if (parts[0].equals("cookie")) {
          child.cookie = parts[1];
        } else if (parts.length == 2 && parts[1].matches("\\d+")) {
          child.pids.put(parts[0], Long.parseLong(parts[1]));
          test.processes.track(Long.parseLong(parts[1]));
        }
      }
      return child;
    }

    long pid() {
      return process.pid();
    }

    long pid(String name) {
      Long pid = pids.get(name);
      if (pid == null) {
        throw new AssertionError("the child printed no pid for " + name + ": " + lines);
      }
      return pid;
    }

    /** Lets the child end its session; returns its leaks by pid, as "KIND cleanup | scope". */
    Map<Long, String> finish() throws IOException, InterruptedException {
      process.getOutputStream().write('\n');
      process.getOutputStream().flush();
      Map<Long, String> leaks = new LinkedHashMap<>();
      for (String line = readLine(); !line.equals("done"); line = readLine()) {
        if (line.startsWith("leak ")) {
          String[] parts = line.split(" ", 3);
          leaks.put(Long.parseLong(parts[1]), parts[2]);
        }
      }
      process.waitFor();
      return leaks;
    }

    private String readLine() throws IOException {
      String line = out.readLine();
      if (line == null) {
        throw new AssertionError(
            "the child JVM ended early; it printed:\n" + String.join("\n", lines));
      }
      lines.add(line);
      return line;
    }
  }
}
