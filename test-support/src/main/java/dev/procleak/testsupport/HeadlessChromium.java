package dev.procleak.testsupport;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;

/**
 * Debian's Chromium, headless, in a directory of its own: renders a local page to a PNG or to its
 * DOM. Every run has a fresh profile and {@code HOME} in that directory, so every helper process it
 * starts (zygotes, renderers, the detached crash handler) names the directory on its command line;
 * {@link #close()} waits for them to end and kills what is left by pid and start time, never by
 * name.
 *
 * <pre>{@code
 * String skip = HeadlessChromium.unavailable();   // null when it can run
 * try (HeadlessChromium chromium = new HeadlessChromium(work)) {
 *   BufferedImage shot = chromium.screenshot(page, 1280, 2000);
 *   String drawn = HeadlessChromium.blankness(shot);   // null when something is drawn
 *   String text = HeadlessChromium.text(chromium.dom(page));
 * }
 * }</pre>
 */
public final class HeadlessChromium implements AutoCloseable {
  public static final Path EXECUTABLE = Path.of("/usr/bin/chromium");
  public static final String INSTALL = "apt-get install -y --no-install-recommends chromium";
  private static final Duration DEADLINE = Duration.ofSeconds(120);
  private static final Duration HELPERS_END = Duration.ofSeconds(10);

  private final Path work;
  private final AtomicInteger runs = new AtomicInteger();

  /**
   * Runs Chromium with {@code work} (created if missing) as its home, profile and log directory.
   */
  public HeadlessChromium(Path work) {
    this.work = work.toAbsolutePath();
    try {
      Files.createDirectories(this.work);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Why Chromium cannot run here, for a skip message; null when it can. */
  public static String unavailable() {
    return Files.isExecutable(EXECUTABLE)
        ? null
        : "Debian's chromium is not installed (" + EXECUTABLE + "): " + INSTALL;
  }

  /** A {@code width} x {@code height} screenshot of {@code page}, written to {@code png}. */
  public BufferedImage screenshot(Path page, int width, int height, Path png) throws IOException {
    run(
        "--window-size=" + width + "," + height,
        "--screenshot=" + png.toAbsolutePath(),
        page.toUri().toString());
    BufferedImage image = ImageIO.read(png.toFile());
    if (image == null) {
      throw new AssertionError("chromium wrote no PNG at " + png + "; " + log());
    }
    return image;
  }

  /** The DOM of {@code page} after Chromium loaded it. */
  public String dom(Path page) throws IOException {
    return run("--dump-dom", page.toUri().toString());
  }

  /**
   * The text a person reads: styles and scripts dropped, tags as spaces, runs of white space as
   * one, the five entities HTML escaping makes decoded.
   */
  public static String text(String dom) {
    return dom.replaceAll("(?is)<(style|script)\\b.*?</\\1>", " ")
        .replaceAll("<[^>]*>", " ")
        .replaceAll("\\s+", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
  }

  /**
   * Why the image looks blank (one colour, or nine tenths white), or null when something is drawn.
   */
  public static String blankness(BufferedImage image) {
    Set<Integer> colours = new HashSet<>();
    long white = 0;
    long sampled = 0;
    for (int y = 0; y < image.getHeight(); y += 2) {
      for (int x = 0; x < image.getWidth(); x += 2) {
        int rgb = image.getRGB(x, y) & 0xFFFFFF;
        colours.add(rgb);
        white += rgb == 0xFFFFFF ? 1 : 0;
        sampled++;
      }
    }
    if (colours.size() <= 50) {
      return "only " + colours.size() + " distinct colours";
    }
    if (white >= sampled * 9 / 10) {
      return white + " of " + sampled + " sampled pixels are white";
    }
    return null;
  }

  /** Runs Chromium once; returns its standard output. */
  private String run(String... arguments) throws IOException {
    int run = runs.incrementAndGet();
    List<String> command =
        new ArrayList<>(
            List.of(
                EXECUTABLE.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + work.resolve("profile-" + run)));
    command.addAll(List.of(arguments));
    ProcessBuilder builder = new ProcessBuilder(command).redirectError(logFile().toFile());
    // Its crash handler detaches and writes under $HOME: keep both in the work directory.
    builder.environment().put("HOME", work.toString());
    Process chromium = builder.start();
    byte[] output = chromium.getInputStream().readAllBytes();
    try {
      if (!chromium.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
        chromium.destroyForcibly();
        throw new AssertionError("chromium did not end within " + DEADLINE + "; " + log());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while chromium ran", e);
    }
    if (chromium.exitValue() != 0) {
      throw new AssertionError("chromium exited with " + chromium.exitValue() + "; " + log());
    }
    return new String(output, StandardCharsets.UTF_8);
  }

  private Path logFile() {
    return work.resolve("chromium.log");
  }

  private String log() {
    try {
      return "its log ("
          + logFile()
          + "):\n"
          + (Files.exists(logFile()) ? Files.readString(logFile()) : "");
    } catch (IOException e) {
      return "its log is unreadable: " + e;
    }
  }

  /**
   * Waits for Chromium's helpers to end, kills what is left by pid and start time, and fails if
   * anything was left.
   */
  @Override
  public void close() {
    long end = System.nanoTime() + HELPERS_END.toNanos();
    List<Identity> left = helpers();
    while (!left.isEmpty() && System.nanoTime() < end) {
      pause();
      left = helpers();
    }
    for (Identity helper : left) {
      ProcessHandle.of(helper.pid)
          .ifPresent(
              handle -> {
                if (helper.equals(Identity.of(helper.pid).orElse(null))) {
                  handle.destroyForcibly();
                }
              });
    }
    if (!left.isEmpty()) {
      throw new AssertionError("chromium processes outlived their run (now killed): " + left);
    }
  }

  /** The live processes whose command line names the work directory. */
  private List<Identity> helpers() {
    List<Identity> found = new ArrayList<>();
    String marker = work.toString();
    try (DirectoryStream<Path> proc = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
      for (Path entry : proc) {
        long pid = Long.parseLong(entry.getFileName().toString());
        try {
          String commandLine =
              new String(Files.readAllBytes(entry.resolve("cmdline")), StandardCharsets.UTF_8);
          if (commandLine.contains(marker)) {
            Identity.of(pid).filter(identity -> !identity.zombie).ifPresent(found::add);
          }
        } catch (IOException gone) {
          // ended while we looked
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return found;
  }

  private static void pause() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * A process by pid and start time (clock ticks since boot, {@code /proc/<pid>/stat} field 22).
   */
  private record Identity(long pid, long startTicks, boolean zombie) {
    static Optional<Identity> of(long pid) {
      try {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        // The command name may hold spaces and parentheses: fields count from the last ')'.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        return Optional.of(new Identity(pid, Long.parseLong(fields[19]), fields[0].equals("Z")));
      } catch (IOException | RuntimeException gone) {
        return Optional.empty();
      }
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Identity that && pid == that.pid && startTicks == that.startTicks;
    }

    @Override
    public int hashCode() {
      return Long.hashCode(pid) * 31 + Long.hashCode(startTicks);
    }

    @Override
    public String toString() {
      return "pid " + pid + " start " + startTicks;
    }
  }
}
