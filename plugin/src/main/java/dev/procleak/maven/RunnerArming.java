package dev.procleak.maven;

import dev.procleak.core.config.AgentSettings;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.AbstractMavenLifecycleParticipant;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Arms the test runners that do not read {@code argLine}, before Maven plans the build: where a
 * module binds {@code procleak:prepare} and runs its tests with junit-platform-maven-plugin's
 * {@code JAVA} executor, its test JVMs get procleak's agent as one more {@code additionalOption}
 * ({@code ${procleak.javaagent}}, which {@code prepare} sets). Active only with {@code
 * <extensions>true</extensions>}; without it, {@code check} names the line to add.
 */
public class RunnerArming extends AbstractMavenLifecycleParticipant {
  static final String JUNIT_PLATFORM_GROUP = "de.sormuras.junit";
  static final String JUNIT_PLATFORM_ARTIFACT = "junit-platform-maven-plugin";
  private static final String OPTION = "${" + AgentSettings.JAVAAGENT + "}";

  private final Logger log = LoggerFactory.getLogger(RunnerArming.class);

  @Override
  public void afterProjectsRead(MavenSession session) {
    for (MavenProject project : session.getProjects()) {
      try {
        if (arm(project)) {
          log.info(
              "procleak: "
                  + project.getArtifactId()
                  + " runs its tests with "
                  + JUNIT_PLATFORM_ARTIFACT
                  + ": its test JVMs get procleak's agent as one more additionalOption of its"
                  + " javaOptions ("
                  + OPTION
                  + ")");
        }
      } catch (RuntimeException | LinkageError e) {
        // Unarmed, the tests still run; check says that nothing was checked, and why.
        log.warn(
            "procleak could not arm "
                + JUNIT_PLATFORM_ARTIFACT
                + " in "
                + project.getArtifactId()
                + ": "
                + e);
      }
    }
  }

  /**
   * Adds the agent to the module's junit-platform-maven-plugin, where prepare runs and it forks.
   */
  static boolean arm(MavenProject project) {
    Plugin runner =
        project.getBuildPlugins().stream()
            .filter(plugin -> JUNIT_PLATFORM_GROUP.equals(plugin.getGroupId()))
            .filter(plugin -> JUNIT_PLATFORM_ARTIFACT.equals(plugin.getArtifactId()))
            .findFirst()
            .orElse(null);
    if (runner == null || !preparesTestJvms(project) || !forks(runner) || armed(runner)) {
      return false;
    }
    List<Object> configurations = new ArrayList<>();
    configurations.add(runner.getConfiguration());
    runner.getExecutions().forEach(execution -> configurations.add(execution.getConfiguration()));
    if (runner.getConfiguration() == null) {
      Xpp3Dom configuration = new Xpp3Dom("configuration");
      runner.setConfiguration(configuration);
      configurations.set(0, configuration);
    }
    // Its own extension gives the execution it injects the plugin's configuration, the same
    // object or a copy, before or after this runs: each gets the option once.
    List<Xpp3Dom> done = new ArrayList<>();
    for (Object configuration : configurations) {
      if (configuration instanceof Xpp3Dom
          && done.stream().noneMatch(known -> known == configuration)) {
        addOption((Xpp3Dom) configuration);
        done.add((Xpp3Dom) configuration);
      }
    }
    return true;
  }

  private static boolean preparesTestJvms(MavenProject project) {
    return project.getBuildPlugins().stream()
        .filter(plugin -> "dev.procleak".equals(plugin.getGroupId()))
        .flatMap(plugin -> plugin.getExecutions().stream())
        .anyMatch(execution -> execution.getGoals().contains("prepare"));
  }

  /** Only the JAVA executor forks a test JVM; DIRECT (its default) runs in Maven's own. */
  private static boolean forks(Plugin runner) {
    String executor = value(runner.getConfiguration(), "executor");
    for (PluginExecution execution : runner.getExecutions()) {
      String own = value(execution.getConfiguration(), "executor");
      executor = own != null ? own : executor;
    }
    return executor != null && executor.trim().equalsIgnoreCase("JAVA");
  }

  /** Whether the user passes procleak's agent already, or the argLine that holds it. */
  private static boolean armed(Plugin runner) {
    List<Object> configurations = new ArrayList<>();
    configurations.add(runner.getConfiguration());
    runner.getExecutions().forEach(execution -> configurations.add(execution.getConfiguration()));
    for (Object configuration : configurations) {
      Xpp3Dom options = child(child(configuration, "javaOptions"), "additionalOptions");
      if (options != null) {
        for (Xpp3Dom option : options.getChildren()) {
          String value = option.getValue();
          if (value != null && (value.contains(OPTION) || value.contains("procleak-agent.jar"))) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static void addOption(Xpp3Dom configuration) {
    Xpp3Dom javaOptions = configuration.getChild("javaOptions");
    if (javaOptions == null) {
      javaOptions = new Xpp3Dom("javaOptions");
      configuration.addChild(javaOptions);
    }
    Xpp3Dom options = javaOptions.getChild("additionalOptions");
    if (options == null) {
      options = new Xpp3Dom("additionalOptions");
      javaOptions.addChild(options);
    }
    Xpp3Dom option = new Xpp3Dom("additionalOption");
    option.setValue(OPTION);
    options.addChild(option);
  }

  private static Xpp3Dom child(Object configuration, String name) {
    return configuration instanceof Xpp3Dom ? ((Xpp3Dom) configuration).getChild(name) : null;
  }

  private static String value(Object configuration, String name) {
    Xpp3Dom child = child(configuration, name);
    return child == null ? null : child.getValue();
  }
}
