package dev.procleak.core.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procleak.core.leak.Leak;
import dev.procleak.core.machine.MachineProcess;
import dev.procleak.core.machine.ProcfsMachineSource;
import dev.procleak.core.scan.ProcessId;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page in a real browser: Debian's headless Chromium draws it (the screenshot is not blank)
 * and its text names every leaked pid; a hostile command line stays text.
 */
@EnabledOnOs(OS.LINUX)
class HtmlReportInChromiumTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Duration DEADLINE = Duration.ofSeconds(120);

  @TempDir Path work;

  @BeforeEach
  void needsChromium() {
    Assumptions.assumeTrue(Files.isExecutable(CHROMIUM),
        "Debian's chromium is not installed (" + CHROMIUM + "): apt-get install -y --no-install-recommends chromium");
  }

  @Test
  void drawsTheTreesAndNamesEveryLeakedPid() throws Exception {
    List<Leak> leaks = SampleLeaks.all();
    Path page = HtmlReport.write(work.resolve("procleak"), leaks, SampleLeaks.JVM);

    Path screenshot = work.resolve("index.png");
    chromium("--window-size=1280,2000", "--screenshot=" + screenshot, page.toUri().toString());
    BufferedImage image = ImageIO.read(screenshot.toFile());
    assertThat(image).as("a PNG at " + screenshot).isNotNull();
    assertThat(image.getWidth()).isEqualTo(1280);
    Set<Integer> colours = new HashSet<>();
    long white = 0;
    for (int y = 0; y < image.getHeight(); y += 2) {
      for (int x = 0; x < image.getWidth(); x += 2) {
        int rgb = image.getRGB(x, y) & 0xFFFFFF;
        colours.add(rgb);
        white += rgb == 0xFFFFFF ? 1 : 0;
      }
    }
    long sampled = (long) (image.getWidth() / 2) * (image.getHeight() / 2);
    assertThat(colours.size()).as("distinct colours").isGreaterThan(50);
    assertThat(white).as("white pixels of " + sampled).isLessThan(sampled * 9 / 10);

    String dom = chromium("--dump-dom", page.toUri().toString());
    String text = dom.replaceAll("<[^>]*>", " ");
    for (Leak leak : leaks) {
      assertThat(text).as("the page names pid " + leak.pid()).containsPattern("\\bpid " + leak.pid() + "\\b");
    }
    assertThat(text).contains("pid " + SampleLeaks.JVM);
    assertThat(dom).contains("<title>procleak: 7 leaked processes</title>").doesNotContain("<script");
  }

  /** Runs Chromium once with a fresh profile and home in the test's directory; returns its standard output. */
  private String chromium(String... arguments) throws Exception {
    List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--user-data-dir=" + work.resolve("profile-" + System.nanoTime())));
    command.addAll(List.of(arguments));
    ProcessBuilder builder = new ProcessBuilder(command).redirectError(work.resolve("chromium.log").toFile());
    // Its crash handler detaches and writes under $HOME: keep both in the test's directory.
    builder.environment().put("HOME", work.toString());
    Process chromium = builder.start();
    byte[] output = chromium.getInputStream().readAllBytes();
    boolean ended = chromium.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS);
    assertThat(ended).as("chromium ended within " + DEADLINE + "; its log: " + work.resolve("chromium.log")).isTrue();
    assertThat(chromium.exitValue()).as("chromium's exit code; " + log()).isZero();
    return new String(output, StandardCharsets.UTF_8);
  }

  private String log() throws IOException {
    Path log = work.resolve("chromium.log");
    return Files.exists(log) ? Files.readString(log) : "";
  }

  /**
   * Chromium's helpers (zygotes, renderers, the detached crash handler) all name this test's
   * directory on their command line: wait for them to end, then kill what is left by identity.
   */
  @AfterEach
  void nothingOfChromiumOutlivesTheTest() throws IOException {
    ProcfsMachineSource machine = new ProcfsMachineSource();
    long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    List<ProcessId> left = helpers(machine);
    while (!left.isEmpty() && System.nanoTime() < end) {
      dev.procleak.core.cleanup.Polling.pause();
      left = helpers(machine);
    }
    for (ProcessId id : left) {
      ProcessHandle.of(id.pid()).ifPresent(handle -> {
        MachineProcess now = machine.lookup(id.pid());
        if (now != null && now.id().equals(id)) {
          handle.destroyForcibly();
        }
      });
    }
    assertThat(left).as("chromium processes left running (now killed)").isEmpty();
  }

  private List<ProcessId> helpers(ProcfsMachineSource machine) {
    String marker = work.toString();
    List<ProcessId> found = new ArrayList<>();
    for (MachineProcess process : machine.read().processes()) {
      if (!process.isZombie() && machine.commandLine(process.pid(), "").contains(marker)) {
        found.add(process.id());
      }
    }
    return found;
  }
}
