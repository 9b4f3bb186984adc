package dev.procleak.maven;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.junit.jupiter.api.Test;

class RunnerArmingTest {

  private static MavenProject project(Plugin runner, boolean prepare) {
    Model model = new Model();
    model.setArtifactId("demo");
    Build build = new Build();
    build.addPlugin(runner);
    Plugin procleak = new Plugin();
    procleak.setGroupId("dev.procleak");
    procleak.setArtifactId("procleak-maven-plugin");
    PluginExecution execution = new PluginExecution();
    execution.addGoal(prepare ? "prepare" : "scan");
    procleak.addExecution(execution);
    build.addPlugin(procleak);
    model.setBuild(build);
    return new MavenProject(model);
  }

  private static Plugin junitPlatform(String executor, String option) {
    Plugin plugin = new Plugin();
    plugin.setGroupId("de.sormuras.junit");
    plugin.setArtifactId("junit-platform-maven-plugin");
    Xpp3Dom configuration = new Xpp3Dom("configuration");
    if (executor != null) {
      Xpp3Dom child = new Xpp3Dom("executor");
      child.setValue(executor);
      configuration.addChild(child);
    }
    if (option != null) {
      Xpp3Dom javaOptions = new Xpp3Dom("javaOptions");
      Xpp3Dom options = new Xpp3Dom("additionalOptions");
      Xpp3Dom one = new Xpp3Dom("additionalOption");
      one.setValue(option);
      options.addChild(one);
      javaOptions.addChild(options);
      configuration.addChild(javaOptions);
    }
    plugin.setConfiguration(configuration);
    // As its own extension injects it: the plugin's configuration, the same object.
    PluginExecution injected = new PluginExecution();
    injected.setId("injected-launch");
    injected.addGoal("launch");
    injected.setConfiguration(configuration);
    plugin.addExecution(injected);
    return plugin;
  }

  private static String[] options(Plugin plugin) {
    Xpp3Dom options =
        ((Xpp3Dom) plugin.getConfiguration()).getChild("javaOptions").getChild("additionalOptions");
    String[] values = new String[options.getChildCount()];
    for (int i = 0; i < values.length; i++) {
      values[i] = options.getChild(i).getValue();
    }
    return values;
  }

  @Test
  void theJavaExecutorGetsTheAgentOnceBesideTheUsersOwnOptions() {
    Plugin runner = junitPlatform("JAVA", "-Xmx256m");
    assertThat(RunnerArming.arm(project(runner, true))).isTrue();
    assertThat(options(runner)).containsExactly("-Xmx256m", "${procleak.javaagent}");
    assertThat(RunnerArming.arm(project(runner, true))).isFalse();
    assertThat(options(runner)).containsExactly("-Xmx256m", "${procleak.javaagent}");
  }

  @Test
  void nothingIsArmedInMavensOwnJvmWithoutPrepareOrWhereTheUserPassesTheAgent() {
    assertThat(RunnerArming.arm(project(junitPlatform(null, null), true))).isFalse();
    assertThat(RunnerArming.arm(project(junitPlatform("DIRECT", null), true))).isFalse();
    assertThat(RunnerArming.arm(project(junitPlatform("JAVA", null), false))).isFalse();
    Plugin armedByHand = junitPlatform("JAVA", "${procleak.javaagent}");
    assertThat(RunnerArming.arm(project(armedByHand, true))).isFalse();
    assertThat(options(armedByHand)).containsExactly("${procleak.javaagent}");
  }
}
