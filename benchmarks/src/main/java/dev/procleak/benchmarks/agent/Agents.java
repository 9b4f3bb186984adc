package dev.procleak.benchmarks.agent;

import dev.procleak.agent.ProcleakAgent;
import dev.procleak.agent.boot.ProcessStartBridge;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.StringJoiner;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * The agents compared, as a build passes them to a test JVM: procleak's (the jars {@code prepare}
 * writes: a manifest naming the agent's class path, and beside it the boot-class-path bridge),
 * JaCoCo's runtime jar, and an agent that does nothing (what any {@code -javaagent} costs the JVM
 * itself). Everything lives in {@code benchmarks/target/agents}, which the build fills.
 */
public final class Agents {
  static final Path DIRECTORY = Path.of("benchmarks/target/agents");
  static final Path PROCLEAK = DIRECTORY.resolve("procleak-agent.jar");
  static final Path BOOT = DIRECTORY.resolve("procleak-boot.jar");
  static final Path SETTINGS = DIRECTORY.resolve("agent.properties");
  static final Path JACOCO = DIRECTORY.resolve("jacocoagent.jar");
  static final Path EMPTY = DIRECTORY.resolve("empty-agent.jar");

  private Agents() {}

  /** The JVM options of {@code agent}: none, empty, jacoco or procleak. */
  static List<String> options(String agent) {
    return switch (agent) {
      case "none" -> List.of();
      case "empty" -> List.of("-javaagent:" + EMPTY);
      case "jacoco" ->
          List.of(
              "-javaagent:"
                  + JACOCO
                  + "=destfile="
                  + DIRECTORY.resolve("jacoco.exec")
                  + ",append=false");
      case "procleak" -> List.of("-javaagent:" + PROCLEAK + "=" + SETTINGS);
      default -> throw new IllegalArgumentException("no agent " + agent);
    };
  }

  /** Writes procleak's agent jar, its settings and the empty agent; JaCoCo's the build copied. */
  public static void prepare() throws IOException {
    Path libraries = DIRECTORY.resolve("procleak-lib");
    StringJoiner classPath = new StringJoiner(" ");
    try (DirectoryStream<Path> jars = Files.newDirectoryStream(libraries, "*.jar")) {
      jars.forEach(jar -> classPath.add(jar.toAbsolutePath().toUri().toString()));
    }
    Manifest manifest = manifest(ProcleakAgent.class.getName());
    manifest.getMainAttributes().putValue("Boot-Class-Path", BOOT.getFileName().toString());
    manifest.getMainAttributes().putValue("Can-Retransform-Classes", "true");
    manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath.toString());
    jar(PROCLEAK, manifest, null);
    Manifest boot = new Manifest();
    boot.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    jar(BOOT, boot, ProcessStartBridge.class);
    Files.createDirectories(DIRECTORY.resolve("reports"));
    Files.writeString(
        SETTINGS,
        "procleak.cookie=benchmarks-agent\nprocleak.reportsDirectory="
            + DIRECTORY.resolve("reports").toAbsolutePath()
            + "\n");
    jar(EMPTY, manifest(EmptyAgent.class.getName()), EmptyAgent.class);
    if (!Files.isRegularFile(JACOCO)) {
      throw new IOException(
          JACOCO + " is missing: build the benchmarks module first (benchmarks/run.sh does)");
    }
  }

  private static Manifest manifest(String premain) {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().putValue("Premain-Class", premain);
    return manifest;
  }

  /** A jar of {@code manifest} and the class file of {@code content}, if any. */
  private static void jar(Path jar, Manifest manifest, Class<?> content) throws IOException {
    Files.createDirectories(jar.getParent());
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file, manifest)) {
      if (content != null) {
        String name = content.getName().replace('.', '/') + ".class";
        try (InputStream bytes = content.getClassLoader().getResourceAsStream(name)) {
          out.putNextEntry(new JarEntry(name));
          bytes.transferTo(out);
        }
      }
    }
  }

  /** An agent that does nothing: the cost of {@code -javaagent} itself. */
  public static final class EmptyAgent {
    private EmptyAgent() {}

    public static void premain(String arguments) {
      // nothing
    }
  }
}
