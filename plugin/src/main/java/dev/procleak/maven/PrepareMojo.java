package dev.procleak.maven;

import dev.procleak.agent.ProcleakAgent;
import dev.procleak.agent.boot.ProcessStartBridge;
import dev.procleak.core.build.Leftovers;
import dev.procleak.core.config.AgentSettings;
import dev.procleak.core.config.InvalidConfigurationException;
import dev.procleak.core.config.LeftoverAction;
import dev.procleak.core.os.EnvironmentCookie;
import dev.procleak.core.report.LeftoverFile;
import dev.procleak.core.report.ReportFiles;
import dev.procleak.core.report.StartJournal;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Arms the forked test JVM: prepends procleak's agent to the property Surefire reads its JVM
 * arguments from ({@code argLine}), so every test is checked without any annotation, and the JVM
 * marks every process it starts with this build's cookie.
 *
 * @since 0.1.0
 */
@Mojo(name = "prepare", defaultPhase = LifecyclePhase.INITIALIZE, threadSafe = true)
public class PrepareMojo extends AbstractSettingsMojo {
  private static final String GROUP_ID = "dev.procleak";
  private static final String PLUGIN_ARTIFACT_ID = "procleak-maven-plugin";

  /**
   * JNA, which arms the test JVM, loads its library from the class path: on JDK 24 and later the
   * JDK warns of that in every test JVM unless the class path (the unnamed module, JNA's only place
   * there) may call native code. JDK 17 to 23 accept the option and warn of nothing.
   */
  static final String NATIVE_ACCESS = "--enable-native-access=ALL-UNNAMED";

  /** The jar on the test JVM's boot class path, beside the agent jar. */
  static final String BOOT_JAR = "procleak-boot.jar";

  @Parameter(defaultValue = "${plugin.artifacts}", readonly = true, required = true)
  List<Artifact> pluginArtifacts;

  /**
   * What to do with processes an earlier build of this project left running (a build killed or
   * cancelled before its check): {@code warn} stops them and says so, {@code fail} stops them and
   * fails the build, {@code keep} says so and leaves them running.
   *
   * @since 0.1.0
   */
  @Parameter(property = LeftoverAction.KEY, defaultValue = "warn")
  String leftovers;

  @Override
  protected void run() throws MojoExecutionException, MojoFailureException {
    config(); // fails on a bad value before anything is touched
    LeftoverAction leftoverAction;
    try {
      leftoverAction = LeftoverAction.parse(leftovers);
    } catch (InvalidConfigurationException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
    Path directory = reportsDirectory.toPath();
    Path settingsFile = directory.resolve(AgentSettings.FILE_NAME);
    Path agentJar = directory.resolve("procleak-agent.jar");
    // A forked lifecycle (maven-source-plugin:jar, javadoc:jar, any @Execute goal) runs prepare
    // again in this build, after the tests: the module keeps its cookie and the reports its
    // test JVMs wrote. A new build starts without the property, and clean.
    String known = project.getProperties().getProperty(COOKIE_PROPERTY);
    String cookie =
        known != null
            ? known
            : EnvironmentCookie.forModule(
                project.getArtifactId(),
                Optional.ofNullable(System.getenv(EnvironmentCookie.VARIABLE)));
    try {
      if (known == null) {
        for (Path stale : ReportFiles.list(directory)) {
          Files.delete(stale);
        }
      }
      AgentSettings.write(settingsFile, rawSettings(), cookie, directory);
      writeAgentJar(agentJar);
    } catch (IOException e) {
      throw new MojoExecutionException(
          "procleak could not prepare " + directory + ": " + e.getMessage(), e);
    }
    project.getProperties().setProperty(COOKIE_PROPERTY, cookie);
    project
        .getProperties()
        .setProperty(SETTINGS_PROPERTY, settingsFile.toAbsolutePath().toString());
    if (known == null) {
      handleLeftovers(cookie, leftoverAction);
    }
    String javaagent = "-javaagent:" + agentJar + "=" + settingsFile;
    // For runners that take each JVM option on its own, unquoted (junit-platform-maven-plugin).
    project.getProperties().setProperty(AgentSettings.JAVAAGENT, javaagent);
    String agent = quote(javaagent);
    String previous = project.getProperties().getProperty(propertyName, "");
    if (previous.contains(agent)) {
      getLog().info(propertyName + " already holds procleak's agent: " + previous);
      return;
    }
    String argLine = (agent + " " + NATIVE_ACCESS + " " + previous).trim();
    project.getProperties().setProperty(propertyName, argLine);
    getLog().info(propertyName + " set to " + argLine);
  }

  /**
   * Stops what earlier builds of this project left running, before this build's tests start, and
   * records this build for the next one. procleak failing here never fails the build.
   */
  private void handleLeftovers(String cookie, LeftoverAction action)
      throws MojoExecutionException, MojoFailureException {
    Path builds = StartJournal.directory();
    String basedir = project.getBasedir().getAbsolutePath();
    List<Leftovers.Earlier> earlier;
    try {
      earlier = Leftovers.begin(builds, basedir, cookie, config(), action);
    } catch (IOException | RuntimeException | LinkageError e) {
      getLog().warn("procleak could not look for processes earlier builds left running: " + e);
      earlier = List.of();
    }
    try {
      LeftoverFile.write(reportsDirectory.toPath(), Leftovers.leaks(earlier));
    } catch (IOException e) {
      getLog()
          .warn("procleak could not keep what earlier builds left for this build's reports: " + e);
    }
    for (Leftovers.Earlier build : earlier) {
      String message = Leftovers.message(build, action);
      if (action == LeftoverAction.FAIL) {
        getLog().error(message);
      } else {
        getLog().warn(message);
      }
    }
    if (action == LeftoverAction.FAIL && !earlier.isEmpty()) {
      throw new MojoFailureException(
          "procleak: earlier builds of this project left processes running; see above. To stop"
              + " them without failing the build set -D"
              + LeftoverAction.KEY
              + "=warn.");
    }
  }

  @Override
  protected void skipped() {
    // Surefire would otherwise pass the literal text "${argLine}" to the JVM.
    if (project.getProperties().getProperty(propertyName) == null) {
      project.getProperties().setProperty(propertyName, "");
    }
  }

  /**
   * The jar {@code -javaagent} names, only a manifest: the agent's class (procleak-agent's, which
   * also makes each test of Surefire's JUnit 4 and TestNG providers a scope), its class path, from
   * this plugin's own, and {@value #BOOT_JAR} for the boot class path, written beside it.
   */
  private void writeAgentJar(Path jar) throws IOException {
    Manifest manifest = new Manifest();
    Attributes attributes = manifest.getMainAttributes();
    attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
    attributes.putValue("Premain-Class", ProcleakAgent.class.getName());
    attributes.putValue("Boot-Class-Path", BOOT_JAR);
    attributes.putValue("Can-Retransform-Classes", "true");
    StringJoiner classPath = new StringJoiner(" ");
    for (Artifact artifact : agentClassPath(pluginArtifacts)) {
      classPath.add(artifact.getFile().toURI().toString());
    }
    attributes.put(Attributes.Name.CLASS_PATH, classPath.toString());
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream unused = new JarOutputStream(out, manifest)) {
      // The manifest is the whole content.
    }
    writeBootJar(jar.resolveSibling(BOOT_JAR));
  }

  /**
   * The bridge the JDK's {@code ProcessBuilder} calls, which must come from the boot class path,
   * alone in a jar of its own. Not in the agent jar: the boot loader reads a jar's {@code
   * Class-Path} for resources, so every resource of the agent's class path (JNA's native library
   * among them) would be found there before the user's own, of another version.
   */
  private static void writeBootJar(Path jar) throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    String bridge = ProcessStartBridge.class.getName().replace('.', '/') + ".class";
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream content = new JarOutputStream(out, manifest);
        InputStream bytes = ProcessStartBridge.class.getClassLoader().getResourceAsStream(bridge)) {
      if (bytes == null) {
        throw new IOException(bridge + " is missing from procleak-agent");
      }
      content.putNextEntry(new JarEntry(bridge));
      bytes.transferTo(content);
      content.closeEntry();
    }
  }

  /**
   * What the test JVM gets of this plugin's class path: procleak's own libraries (core, the agent,
   * the JUnit listeners) and what they depend on, as Maven resolved them for the plugin. Not the
   * plugin itself, nor what came through anything else: what Maven adds to a plugin's class path
   * for its own sake (Maven 3.8 adds plexus-utils 1.1 to every plugin that does not depend on it),
   * or a dependency of the plugin's Maven side. Each artifact's dependency trail (the plugin first,
   * then the dependency it came through) tells; one without a trail is kept, as before.
   */
  static List<Artifact> agentClassPath(List<Artifact> pluginArtifacts) {
    List<Artifact> kept = new ArrayList<>();
    for (Artifact artifact : pluginArtifacts) {
      List<String> trail = artifact.getDependencyTrail();
      boolean throughProcleak =
          trail == null
              ? !artifact.getArtifactId().equals(PLUGIN_ARTIFACT_ID)
              : trail.size() >= 2 && trail.get(1).startsWith(GROUP_ID + ":");
      if (throughProcleak) {
        kept.add(artifact);
      }
    }
    return kept;
  }

  private static String quote(String argument) {
    return argument.contains(" ") ? '"' + argument + '"' : argument;
  }
}
