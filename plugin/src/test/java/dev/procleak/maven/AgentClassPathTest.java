package dev.procleak.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.junit.jupiter.api.Test;

/**
 * The test JVM's class path, from the plugin's: procleak's libraries and what they depend on, never
 * what Maven or the plugin's Maven side brought (as Maven 3.8 resolves it for the plugin).
 */
class AgentClassPathTest {
  private static final String PLUGIN = "dev.procleak:procleak-maven-plugin:maven-plugin:0.1.0";

  @Test
  void keepsProcleaksLibrariesAndTheirDependenciesOnly() {
    List<Artifact> plugin =
        List.of(
            artifact("dev.procleak:procleak-maven-plugin:0.1.0"),
            artifact("dev.procleak:procleak-core:0.1.0", PLUGIN),
            artifact(
                "com.github.oshi:oshi-core:6.10.0", PLUGIN, "dev.procleak:procleak-core:jar:0.1.0"),
            artifact("net.java.dev.jna:jna:5.18.1", PLUGIN, "dev.procleak:procleak-core:jar:0.1.0"),
            artifact(
                "net.java.dev.jna:jna-platform:5.18.1",
                PLUGIN,
                "dev.procleak:procleak-core:jar:0.1.0",
                "com.github.oshi:oshi-core:jar:6.10.0"),
            artifact("dev.procleak:procleak-agent:0.1.0", PLUGIN),
            artifact("dev.procleak:procleak-junit:0.1.0", PLUGIN),
            // Maven 3.8's PlexusUtilsInjector, for a plugin that does not depend on plexus-utils
            artifact("org.codehaus.plexus:plexus-utils:1.1", PLUGIN),
            // the Mojos' own: jackson-jr for the JSON reports (optional in core), and what it
            // brings
            artifact("com.fasterxml.jackson.jr:jackson-jr-objects:2.22.4", PLUGIN),
            artifact(
                "com.fasterxml.jackson.core:jackson-core:2.22.4",
                PLUGIN,
                "com.fasterxml.jackson.jr:jackson-jr-objects:jar:2.22.4"));

    assertThat(PrepareMojo.agentClassPath(plugin))
        .extracting(Artifact::getArtifactId)
        .containsExactly(
            "procleak-core",
            "oshi-core",
            "jna",
            "jna-platform",
            "procleak-agent",
            "procleak-junit");
  }

  @Test
  void withoutTrailsKeepsAllButThePluginItself() {
    Artifact plugin = artifact("dev.procleak:procleak-maven-plugin:0.1.0");
    Artifact core = artifact("dev.procleak:procleak-core:0.1.0");
    plugin.setDependencyTrail(null);
    core.setDependencyTrail(null);

    assertThat(PrepareMojo.agentClassPath(List.of(plugin, core))).containsExactly(core);
  }

  /**
   * {@code groupId:artifactId:version}, reached through {@code trail} (the plugin first), itself
   * last.
   */
  private static Artifact artifact(String coordinates, String... trail) {
    String[] parts = coordinates.split(":");
    DefaultArtifact artifact =
        new DefaultArtifact(
            parts[0],
            parts[1],
            parts[2],
            "runtime",
            "jar",
            null,
            new DefaultArtifactHandler("jar"));
    List<String> path = new ArrayList<>(Arrays.asList(trail));
    path.add(artifact.getId());
    artifact.setDependencyTrail(path);
    return artifact;
  }
}
