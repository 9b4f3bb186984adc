package dev.procleak.maven;

import dev.procleak.core.config.InvalidConfigurationException;
import dev.procleak.core.config.ProcleakConfig;
import dev.procleak.core.machine.MachineScan;
import dev.procleak.core.machine.MachineSource;
import dev.procleak.core.machine.ScanMessage;
import dev.procleak.core.machine.ScanReportFile;
import dev.procleak.core.machine.ScanResult;
import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Lists the zombies and orphans of the current user on this machine now, culprits of zombies first;
 * needs no project: {@code mvn dev.procleak:procleak-maven-plugin:0.1.0-SNAPSHOT:scan}. With {@code
 * -Dprocleak.failOnFind=true} it fails when it finds any, so CI can check an agent before a build.
 * See the README for what counts as an orphan.
 *
 * @since 0.1.0
 */
@Mojo(name = "scan", requiresProject = false, threadSafe = true)
public class ScanMojo extends AbstractMojo {
  static final String FAIL_ON_FIND = "procleak.failOnFind";
  static final String SCAN_REPORT = "procleak.scanReport";

  /**
   * {@code true} fails the build when a zombie or an orphan is found; {@code false} only lists
   * them.
   *
   * @since 0.1.0
   */
  @Parameter(property = FAIL_ON_FIND, defaultValue = "false")
  String failOnFind;

  /**
   * Also write the findings as JSON to this file, in {@code check}'s format ({@code
   * procleak-report/1}, the same JSON Schema): the zombies and orphans as leaks of one {@code
   * MACHINE} scope, and the culprits under {@code machine}.
   *
   * @since 0.1.0
   */
  @Parameter(property = SCAN_REPORT)
  File scanReport;

  /**
   * How long a zombie or an orphan must stay to be reported, e.g. {@code 3s}: a parent about to
   * wait, init's periodic reaping and a daemon half-way through its double fork take a moment.
   *
   * @since 0.1.0
   */
  @Parameter(property = ProcleakConfig.GRACE, defaultValue = "3s")
  String grace;

  /**
   * Comma-separated regular expressions over command lines: matching processes, and the zombies of
   * matching culprits, are not listed.
   *
   * @since 0.1.0
   */
  @Parameter(property = ProcleakConfig.IGNORE)
  String ignore;

  /**
   * Skips every procleak goal.
   *
   * @since 0.1.0
   */
  @Parameter(property = "procleak.skip", defaultValue = "false")
  boolean skip;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("procleak is skipped (procleak.skip=true)");
      return;
    }
    boolean failing;
    Duration keep;
    List<Pattern> ignored;
    try {
      failing = ProcleakConfig.parseBoolean(FAIL_ON_FIND, failOnFind);
      keep = ProcleakConfig.parseDuration(ProcleakConfig.GRACE, grace);
      ignored =
          ignore == null ? List.of() : ProcleakConfig.parsePatterns(ProcleakConfig.IGNORE, ignore);
    } catch (InvalidConfigurationException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
    ScanResult result = new MachineScan(MachineSource.forThisPlatform(), keep, ignored).run();
    if (scanReport != null) {
      try {
        ScanReportFile.write(scanReport.toPath(), result);
      } catch (IOException e) {
        throw new MojoExecutionException(
            "procleak:scan could not write " + SCAN_REPORT + "=" + scanReport + ": " + e, e);
      }
    }
    String switches =
        failing
            ? "To only list them set -D" + FAIL_ON_FIND + "=false."
            : "To fail the build on findings set -D"
                + FAIL_ON_FIND
                + "=true; to write them as JSON set -D"
                + SCAN_REPORT
                + "=<file>.";
    String text =
        String.join(
            System.lineSeparator(), ScanMessage.lines(result, result.isEmpty() ? "" : switches));
    if (result.isEmpty()) {
      getLog().info(text);
    } else if (failing) {
      getLog().error(text);
      throw new MojoFailureException(
          "procleak:scan found "
              + ScanMessage.summary(result)
              + " of user "
              + result.user()
              + "; see above. "
              + switches);
    } else {
      getLog().warn(text);
    }
    if (scanReport != null) {
      getLog().info("procleak:scan wrote " + scanReport);
    }
  }
}
