package dev.procleak.agent.starts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.procleak.agent.boot.ProcessStartBridge;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rewritten {@code ProcessBuilder}, run in a real JVM of each Java procleak supports: every way
 * Java starts a process calls the bridge before and after, with the process's pid; a start that
 * fails calls it before only. The bridge comes from the boot class path, as {@code prepare}'s agent
 * jar puts it there.
 */
class ProcessBuilderRewriteTest {
  private static final Path JAVA_25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");

  @TempDir Path directory;

  @Test
  void everyStartCallsTheBridgeOnThisJava() throws Exception {
    assertEveryStartHooked(Path.of(System.getProperty("java.home"), "bin", "java"), "early");
  }

  @Test
  void aProcessBuilderLoadedBeforeTheAgentIsRewrittenToo() throws Exception {
    assertEveryStartHooked(Path.of(System.getProperty("java.home"), "bin", "java"), "late");
  }

  @Test
  void everyStartCallsTheBridgeOnJava25() throws Exception {
    assumeTrue(Files.isExecutable(JAVA_25), JAVA_25 + " is not installed here");
    assertEveryStartHooked(JAVA_25, "early");
  }

  private void assertEveryStartHooked(Path java, String when) throws Exception {
    List<String> out = run(java, agentJar(), when);

    assertThat(out).as("output of %s", java).hasSize(11);
    String pid = out.get(2).substring("pid ".length());
    assertThat(out)
        .containsExactly(
            "starting [true]",
            "started [true] as " + pid,
            "pid " + pid,
            "starting [true, exec]",
            out.get(4),
            "starting [echo, x]",
            out.get(6),
            "starting [cat]",
            out.get(8),
            "starting [/nonexistent/procleak]",
            "failed /nonexistent/procleak");
  }

  private List<String> run(Path java, Path agent, String when) throws Exception {
    Process jvm =
        new ProcessBuilder(
                java.toString(),
                "-javaagent:" + agent + "=" + when,
                "-cp",
                System.getProperty("java.class.path"),
                ProbeAgent.class.getName())
            .redirectErrorStream(true)
            .start();
    List<String> lines = new ArrayList<>();
    try {
      new String(jvm.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .forEach(lines::add);
      assertThat(jvm.waitFor(60, TimeUnit.SECONDS)).isTrue();
    } finally {
      jvm.destroyForcibly();
    }
    assertThat(jvm.exitValue()).as("exit of %s: %s", java, lines).isZero();
    assertThat(lines.get(4)).startsWith("started [true, exec] as ");
    assertThat(lines.get(6)).startsWith("started [echo, x] as ");
    assertThat(lines.get(8)).startsWith("started [cat] as ");
    return lines;
  }

  /** As {@code prepare} writes it: the bridge, and the jar naming itself on the boot class path. */
  private Path agentJar() throws IOException {
    Path jar = directory.resolve("probe-agent.jar");
    Manifest manifest = new Manifest();
    Attributes attributes = manifest.getMainAttributes();
    attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
    attributes.putValue("Premain-Class", ProbeAgent.class.getName());
    attributes.putValue("Boot-Class-Path", jar.getFileName().toString());
    attributes.putValue("Can-Retransform-Classes", "true");
    String bridge = ProcessStartBridge.class.getName().replace('.', '/') + ".class";
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream content = new JarOutputStream(file, manifest);
        InputStream bytes = ProcessStartBridge.class.getClassLoader().getResourceAsStream(bridge)) {
      content.putNextEntry(new JarEntry(bridge));
      bytes.transferTo(content);
    }
    return jar;
  }
}
