package dev.procleak.maven;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;

/** Settings the scan cannot use stop it before it looks at any process, naming key and value. */
class ScanMojoTest {
  @Test
  void aBadFailOnFindNamesTheKeyAndTheValue() {
    ScanMojo scan = scan();
    scan.failOnFind = "banana";
    assertThatThrownBy(scan::execute)
        .isInstanceOf(MojoExecutionException.class)
        .hasMessage(
            "procleak: invalid value 'banana' for procleak.failOnFind: expected true or false");
  }

  @Test
  void aBadGraceNamesTheKeyAndTheValue() {
    ScanMojo scan = scan();
    scan.grace = "soon";
    assertThatThrownBy(scan::execute)
        .isInstanceOf(MojoExecutionException.class)
        .hasMessage(
            "procleak: invalid value 'soon' for procleak.grace: expected a duration such as 500ms, 2s or 1m");
  }

  @Test
  void aBadIgnorePatternNamesTheKeyAndTheValue() {
    ScanMojo scan = scan();
    scan.ignore = "sleep(";
    assertThatThrownBy(scan::execute)
        .isInstanceOf(MojoExecutionException.class)
        .hasMessageStartingWith(
            "procleak: invalid value 'sleep(' for procleak.ignore: expected comma-separated regular");
  }

  private static ScanMojo scan() {
    ScanMojo scan = new ScanMojo();
    scan.failOnFind = "false";
    scan.grace = "3s";
    return scan;
  }
}
