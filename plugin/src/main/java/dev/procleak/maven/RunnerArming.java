package dev.procleak.maven;

import dev.procleak.core.build.BoundRunner;
import dev.procleak.core.config.AgentSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
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
                  + BoundRunner.JUNIT_PLATFORM
                  + ": its test JVMs get procleak's agent as one more additionalOption of its"
                  + " javaOptions ("
                  + OPTION
                  + ")");
        }
      } catch (RuntimeException | LinkageError e) {
        // Unarmed, the tests still run; check says that nothing was checked, and why.
        log.warn(
            "procleak could not arm "
                + BoundRunner.JUNIT_PLATFORM
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
            .filter(plugin -> BoundRunner.JUNIT_PLATFORM_GROUP.equals(plugin.getGroupId()))
            .filter(plugin -> BoundRunner.JUNIT_PLATFORM.equals(plugin.getArtifactId()))
            .findFirst()
            .orElse(null);
    if (runner == null || !preparesTestJvms(project) || !forks(runner) || armed(runner)) {
      return false;
    }
    if (runner.getConfiguration() == null) {
      runner.setConfiguration(new Xpp3Dom("configuration"));
    }
    configurations(runner).forEach(RunnerArming::addOption);
    return true;
  }

  private static boolean preparesTestJvms(MavenProject project) {
    return project.getBuildPlugins().stream()
        .filter(plugin -> "dev.procleak".equals(plugin.getGroupId()))
        .flatMap(plugin -> plugin.getExecutions().stream())
        .anyMatch(execution -> execution.getGoals().contains("prepare"));
  }

  /**
   * The plugin's configuration and each execution's, each object once: its own extension gives the
   * execution it injects the plugin's configuration, the same object or a copy, before or after
   * procleak's runs.
   */
  private static List<Xpp3Dom> configurations(Plugin runner) {
    List<Xpp3Dom> configurations = new ArrayList<>();
    Stream.concat(
            Stream.of(runner.getConfiguration()),
            runner.getExecutions().stream().map(PluginExecution::getConfiguration))
        .filter(Xpp3Dom.class::isInstance)
        .map(Xpp3Dom.class::cast)
        .filter(configuration -> configurations.stream().noneMatch(known -> known == configuration))
        .forEach(configurations::add);
    return configurations;
  }

  /** Only the JAVA executor forks a test JVM; DIRECT (its default) runs in Maven's own. */
  private static boolean forks(Plugin runner) {
    String executor = null;
    for (Xpp3Dom configuration : configurations(runner)) {
      String own = value(configuration, "executor");
      executor = own != null ? own : executor;
    }
    return executor != null && executor.trim().equalsIgnoreCase("JAVA");
  }

  /** Whether the user passes procleak's agent already, or the argLine that holds it. */
  private static boolean armed(Plugin runner) {
    for (Xpp3Dom configuration : configurations(runner)) {
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

  private static Xpp3Dom child(Xpp3Dom configuration, String name) {
    return configuration == null ? null : configuration.getChild(name);
  }

  private static String value(Xpp3Dom configuration, String name) {
    Xpp3Dom child = child(configuration, name);
    return child == null ? null : child.getValue();
  }
}
