package dev.procleak.maven;

import java.io.File;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/** What every procleak goal shares: the project, the report directory and the skip switch. */
public abstract class AbstractProcleakMojo extends AbstractMojo {
  /** The project property under which {@code prepare} hands the build's cookie to {@code check}. */
  static final String COOKIE_PROPERTY = "procleak.cookie";

  /** The project property under which {@code prepare} names the test JVM's settings file. */
  static final String SETTINGS_PROPERTY = "procleak.agentSettings";

  /** Set by {@code check} when it ran, so that the session-end check leaves the module alone. */
  static final String CHECKED_PROPERTY = "procleak.checked";

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  MavenProject project;

  /**
   * Where the test JVMs write their reports and {@code check} reads them and writes {@code
   * procleak-report.json} and {@code TEST-procleak.xml}.
   *
   * @since 0.1.0
   */
  @Parameter(
      property = "procleak.reportsDirectory",
      defaultValue = "${project.build.directory}/procleak")
  File reportsDirectory;

  /**
   * Skips every procleak goal.
   *
   * @since 0.1.0
   */
  @Parameter(property = "procleak.skip", defaultValue = "false")
  boolean skip;

  @Override
  public final void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("procleak is skipped (procleak.skip=true)");
      skipped();
      return;
    }
    run();
  }

  protected abstract void run() throws MojoExecutionException, MojoFailureException;

  protected void skipped() {}
}
