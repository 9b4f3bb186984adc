package dev.procleak.core.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procleak.core.model.Leak;
import dev.procleak.core.report.Printable;
import dev.procleak.testsupport.HeadlessChromium;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page in a real browser: Debian's headless Chromium draws it (the screenshot is not blank) and
 * its text names every leaked pid and both test JVMs; a hostile command line (markup, control
 * characters, a newline, a byte that was not UTF-8) stays text, on one line.
 */
@EnabledOnOs(OS.LINUX)
class HtmlReportInChromiumTest {
  @TempDir Path work;

  @Test
  void drawsTheTreesAndNamesEveryLeakedPid() throws Exception {
    Assumptions.assumeTrue(HeadlessChromium.unavailable() == null, HeadlessChromium::unavailable);
    Path page = HtmlReport.write(work.resolve("procleak"), SampleLeaks.report());

    try (HeadlessChromium chromium = new HeadlessChromium(work.resolve("chromium"))) {
      BufferedImage image = chromium.screenshot(page, 1280, 2000, work.resolve("index.png"));
      assertThat(image.getWidth()).isEqualTo(1280);
      assertThat(HeadlessChromium.blankness(image)).as("what makes the screenshot blank").isNull();

      String dom = chromium.dom(page);
      String text = HeadlessChromium.text(dom);
      for (Leak leak : SampleLeaks.all()) {
        assertThat(text)
            .as("the page names pid " + leak.pid())
            .containsPattern("\\bpid " + leak.pid() + "\\b");
      }
      assertThat(text)
          .contains("pid " + SampleLeaks.JVM)
          .contains("pid " + SampleLeaks.SECOND_JVM)
          // As the console shows it: markup as text, control characters and a byte that was not
          // UTF-8 as escapes, on one line.
          .contains(Printable.oneLine(SampleLeaks.HOSTILE));
      assertThat(dom)
          .contains("<title>procleak: 8 leaked processes in report-generator</title>")
          .doesNotContain("<script");
    }
  }
}
