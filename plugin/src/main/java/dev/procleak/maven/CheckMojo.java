package dev.procleak.maven;

import dev.procleak.core.config.Action;
import dev.procleak.core.config.InvalidConfigurationException;
import dev.procleak.core.config.ProcleakConfig;
import dev.procleak.core.leak.Leak;
import dev.procleak.core.report.LeakMessage;
import dev.procleak.core.session.BuildLeaks;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Fails the build when its tests leaked processes: merges the reports the test JVMs wrote and
 * looks for processes with this build's cookie that outlived them.
 *
 * @since 0.1.0
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractProcleakMojo {
  static final String SWITCHES =
      "To report without failing the build set -Dprocleak.action=warn; to skip procleak set -Dprocleak.skip=true.";

  /** {@code fail} fails the build on a leak, {@code warn} only reports it. */
  @Parameter(property = "procleak.action", defaultValue = "fail")
  String action;

  /** Whether processes found running after the test JVM exited are killed. */
  @Parameter(property = "procleak.cleanup", defaultValue = "true")
  String cleanup;

  @Override
  protected void run() throws MojoExecutionException, MojoFailureException {
    Action onLeak;
    boolean kill;
    try {
      onLeak = ProcleakConfig.parseAction(ProcleakConfig.ACTION, action);
      kill = ProcleakConfig.parseBoolean(ProcleakConfig.CLEANUP, cleanup);
    } catch (InvalidConfigurationException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
    // The session-end check (SessionEndCheck) leaves this module alone from now on.
    project.getProperties().setProperty(CHECKED_PROPERTY, "true");
    Path directory = reportsDirectory.toPath();
    String cookie = project.getProperties().getProperty(COOKIE_PROPERTY);
    BuildLeaks found;
    try {
      found = BuildLeaks.collect(directory, cookie, kill);
    } catch (IOException e) {
      throw new MojoExecutionException("procleak could not read its reports in " + directory + ": " + e.getMessage(), e);
    }
    List<Leak> leaks = new ArrayList<>(found.leaks());
    int jvms = found.jvms();
    if (jvms == 0 && cookie == null) {
      getLog().warn("procleak found no test JVM report in " + directory
          + ": bind procleak:prepare before the tests, or annotate test classes with @DetectProcessLeaks.");
    }
    if (leaks.isEmpty()) {
      getLog().info("procleak: no leaked processes (" + jvms + " test JVM report(s) in " + directory + ")");
      return;
    }
    Map<String, List<Leak>> byScope = new LinkedHashMap<>();
    for (Leak leak : leaks) {
      byScope.computeIfAbsent(leak.scope(), scope -> new ArrayList<>()).add(leak);
    }
    List<String> messages = new ArrayList<>();
    byScope.forEach((scope, scoped) -> messages.add(LeakMessage.format(scope, scoped, "")));
    String summary = String.join(System.lineSeparator(), messages) + System.lineSeparator() + SWITCHES;
    if (onLeak == Action.WARN) {
      getLog().warn(summary);
      return;
    }
    getLog().error(summary);
    throw new MojoFailureException(
        "procleak: tests leaked " + leaks.size() + " process(es); see above. " + SWITCHES);
  }
}
