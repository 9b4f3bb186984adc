package dev.procleak.benchmarks.suite;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * The suite-overhead target: the same 1,000 trivial tests run with and without
 * {@code @DetectProcessLeaks}, through the JUnit Platform Launcher, and the ratio of wall times.
 *
 * <p>Two measurements, each in fresh JVMs started by this one, alternating the order:
 *
 * <ul>
 *   <li><b>cold</b>: one JVM runs the class once, as a one-class test run would; timed as the whole
 *       {@code java} process and as the {@code Launcher.execute} call alone;
 *   <li><b>warm</b>: one JVM runs both classes several times, interleaved, after a warm-up; this is
 *       what every test after the first few hundred of a long suite pays.
 * </ul>
 *
 * <p>procleak-junit is on the class path in both variants, so its launcher-session listener arms
 * the JVM either way (one scan at the start and one at the end); the difference is the per-test
 * (and per-class) checks that the annotation adds.
 */
public final class SuiteOverhead {
  public static final int TESTS = 1000;

  private static final String PLAIN = "plain";
  private static final String DETECTED = "detected";
  private static final String NO_OP = "noop";

  private SuiteOverhead() {}

  public static void main(String[] args) throws Exception {
    if (args.length >= 1 && args[0].equals("--child")) {
      child(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]));
      return;
    }
    int coldRounds = 6;
    int warmUp = 5;
    int warmRounds = 10;
    Path out = Path.of("benchmarks/target");
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--quick":
          coldRounds = 2;
          warmUp = 3;
          warmRounds = 4;
          break;
        case "--out":
          out = Path.of(args[++i]);
          break;
        default:
          throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    Files.createDirectories(out);
    orchestrate(out.toAbsolutePath(), coldRounds, warmUp, warmRounds);
  }

  private static void orchestrate(Path out, int coldRounds, int warmUp, int warmRounds)
      throws Exception {
    List<String> variants = List.of(PLAIN, DETECTED);
    Map<String, List<Double>> coldProcess = new HashMap<>();
    Map<String, List<Double>> coldExecute = new HashMap<>();
    int oshiClasses = 0;
    System.out.println(
        "Suite overhead: "
            + coldRounds
            + " cold rounds, then "
            + warmUp
            + " + "
            + warmRounds
            + " warm rounds ...");
    for (int round = 0; round < coldRounds; round++) {
      for (String variant : rotate(variants, round)) {
        Path classes = out.resolve("suite-classload-" + variant + "-" + round + ".txt");
        long began = System.nanoTime();
        List<String> lines = runChild(out, classes, variant, 0, 1);
        double processMillis = (System.nanoTime() - began) / 1e6;
        double executeMillis = parse(lines, variant).get(0);
        coldProcess.computeIfAbsent(variant, v -> new ArrayList<>()).add(processMillis);
        coldExecute.computeIfAbsent(variant, v -> new ArrayList<>()).add(executeMillis);
        if (variant.equals(DETECTED)) {
          oshiClasses = worse(oshiClasses, oshiClassesLoaded(classes));
        }
        Files.deleteIfExists(classes);
      }
    }
    Path classes = out.resolve("suite-classload-warm.txt");
    List<String> warm =
        runChild(out, classes, String.join(",", PLAIN, DETECTED, NO_OP), warmUp, warmRounds);
    List<Double> warmPlain = parse(warm, PLAIN);
    List<Double> warmDetected = parse(warm, DETECTED);
    List<Double> warmNoOp = parse(warm, NO_OP);
    List<Double> coldProcessPlain = coldProcess.get(PLAIN);
    List<Double> coldProcessDetected = coldProcess.get(DETECTED);
    List<Double> coldExecutePlain = coldExecute.get(PLAIN);
    List<Double> coldExecuteDetected = coldExecute.get(DETECTED);
    oshiClasses = worse(oshiClasses, oshiClassesLoaded(classes));
    Files.deleteIfExists(classes);

    System.out.println();
    System.out.println(
        "Suite overhead: "
            + TESTS
            + " trivial tests (one class, @RepeatedTest("
            + TESTS
            + ")), JUnit Platform Launcher, medians in ms");
    String header =
        String.format(
            Locale.ROOT,
            "%-52s %12s %12s %8s %16s",
            "measurement",
            "without",
            "with",
            "ratio",
            "extra per test");
    System.out.println(header);
    System.out.println("-".repeat(header.length()));
    row(
        "cold JVM, whole java process (" + coldRounds + " runs each)",
        coldProcessPlain,
        coldProcessDetected);
    row(
        "cold JVM, Launcher.execute only (" + coldRounds + " runs each)",
        coldExecutePlain,
        coldExecuteDetected);
    row(
        "warm JVM, Launcher.execute (" + warmRounds + " runs each, after " + warmUp + ")",
        warmPlain,
        warmDetected);
    row("warm JVM, a do-nothing extension vs none", warmPlain, warmNoOp);
    row("warm JVM, procleak vs the do-nothing extension", warmNoOp, warmDetected);
    System.out.println(
        "with = @DetectProcessLeaks on the class (every test and the class are scopes); "
            + "without = no annotation; the do-nothing extension has procleak's callbacks and no body: JUnit's own"
            + " cost of any extension.");
    double coldRatio = median(coldProcessDetected) / median(coldProcessPlain);
    double warmRatio = median(warmDetected) / median(warmPlain);
    System.out.println(
        String.format(
            Locale.ROOT,
            "Target: with/without <= 1.05:  cold process %s (%.3f), warm execute %s (%.3f)",
            verdict(coldRatio <= 1.05),
            coldRatio,
            verdict(warmRatio <= 1.05),
            warmRatio));
    System.out.println(
        "Target: no OSHI start-up on the Linux fast path when nothing leaked: "
            + (oshiClasses < 0
                ? "UNKNOWN (no class-load log)"
                : verdict(oshiClasses == 0)
                    + " ("
                    + oshiClasses
                    + " oshi.* classes loaded in the checked JVMs)"));
  }

  private static void row(String name, List<Double> without, List<Double> with) {
    double plain = median(without);
    double detected = median(with);
    System.out.println(
        String.format(
            Locale.ROOT,
            "%-52s %12.1f %12.1f %7.3fx %13.1f µs",
            name,
            plain,
            detected,
            detected / plain,
            (detected - plain) * 1000 / TESTS));
  }

  private static String verdict(boolean met) {
    return met ? "MET" : "MISSED";
  }

  private static List<String> runChild(
      Path out, Path classLog, String variant, int warmUp, int rounds)
      throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command =
        List.of(
            java,
            "-Xms512m",
            "-Xmx512m",
            "-Xlog:class+load=info:file=" + classLog,
            "-Dprocleak.reportsDirectory=" + out.resolve("procleak-suite"),
            "-cp",
            System.getProperty("java.class.path"),
            SuiteOverhead.class.getName(),
            "--child",
            variant,
            Integer.toString(warmUp),
            Integer.toString(rounds));
    Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
    List<String> lines = new ArrayList<>();
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lines.add(line);
      }
    }
    if (!child.waitFor(10, TimeUnit.MINUTES) || child.exitValue() != 0) {
      child.destroyForcibly();
      throw new IllegalStateException("suite child failed:\n" + String.join("\n", lines));
    }
    return lines;
  }

  private static List<Double> parse(List<String> lines, String variant) {
    List<Double> millis = new ArrayList<>();
    for (String line : lines) {
      if (line.startsWith("execute " + variant + " ")) {
        millis.add(
            Double.parseDouble(line.substring(("execute " + variant + " ").length()).trim()));
      }
    }
    if (millis.isEmpty()) {
      throw new IllegalStateException(
          "no timing for " + variant + " in:\n" + String.join("\n", lines));
    }
    return millis;
  }

  /** The larger count, or -1 (unknown) as soon as one log could not tell. */
  private static int worse(int a, int b) {
    return a < 0 || b < 0 ? -1 : Math.max(a, b);
  }

  private static int oshiClassesLoaded(Path classLog) throws IOException {
    if (!Files.exists(classLog)) {
      return -1;
    }
    int count = 0;
    boolean procleakLoaded = false;
    for (String line : Files.readAllLines(classLog)) {
      if (line.contains(" oshi.")) {
        count++;
      }
      procleakLoaded |= line.contains(" dev.procleak.core.scan.ProcfsScanner ");
    }
    // Without procleak's own scanner in the log, the log proves nothing.
    return procleakLoaded ? count : -1;
  }

  /** In the child JVM: warm-up rounds, then timed rounds of one variant or both interleaved. */
  private static void child(String variants, int warmUp, int rounds) {
    List<String> all = List.of(variants.split(","));
    for (int round = 0; round < warmUp + rounds; round++) {
      List<String> order = rotate(all, round);
      for (String which : order) {
        double millis = execute(testClass(which));
        if (round >= warmUp) {
          System.out.println("execute " + which + " " + millis);
        }
      }
    }
  }

  private static Class<?> testClass(String variant) {
    switch (variant) {
      case PLAIN:
        return PlainTrivialTest.class;
      case DETECTED:
        return DetectedTrivialTest.class;
      case NO_OP:
        return NoOpExtendedTrivialTest.class;
      default:
        throw new IllegalArgumentException(variant);
    }
  }

  /** The variants in a different order each round, so none always runs first. */
  private static List<String> rotate(List<String> variants, int round) {
    List<String> order = new ArrayList<>();
    for (int i = 0; i < variants.size(); i++) {
      order.add(variants.get((i + round) % variants.size()));
    }
    return order;
  }

  private static double execute(Class<?> testClass) {
    LauncherDiscoveryRequest request =
        LauncherDiscoveryRequestBuilder.request().selectors(selectClass(testClass)).build();
    Launcher launcher = LauncherFactory.create();
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    long began = System.nanoTime();
    launcher.execute(request, listener);
    double millis = (System.nanoTime() - began) / 1e6;
    TestExecutionSummary summary = listener.getSummary();
    if (summary.getTestsSucceededCount() != TESTS || summary.getTotalFailureCount() != 0) {
      throw new IllegalStateException(
          testClass.getSimpleName()
              + ": "
              + summary.getTestsSucceededCount()
              + " passed, "
              + summary.getTotalFailureCount()
              + " failed");
    }
    return millis;
  }

  static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1
        ? sorted.get(middle)
        : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
  }
}
