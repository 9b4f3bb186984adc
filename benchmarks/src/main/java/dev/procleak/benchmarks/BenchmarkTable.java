package dev.procleak.benchmarks;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * Runs {@link ScanBenchmark} with {@code -rf json} and prints the medians side by side, the ratios
 * and the targets.
 *
 * <pre>
 * java -cp benchmarks.jar dev.procleak.benchmarks.BenchmarkTable [--quick] [--out DIR] [JMH options]
 * java -cp benchmarks.jar dev.procleak.benchmarks.BenchmarkTable --from results.json [--log trials.log]
 * </pre>
 */
public final class BenchmarkTable {
  static final String CHECK = "procleakCheck";
  static final String OSHI_DESCENDANTS = "oshiDescendants";
  static final String OSHI_ALL = "oshiAllProcesses";
  static final String JDK_DESCENDANTS = "jdkDescendants";
  private static final List<String> BENCHMARKS =
      List.of(CHECK, OSHI_DESCENDANTS, OSHI_ALL, JDK_DESCENDANTS);

  /** One fork, one iteration at a time: about 2 to 4 minutes. */
  static final String[] QUICK = {"-f", "1", "-wi", "2", "-w", "500ms", "-i", "3", "-r", "1s"};

  private BenchmarkTable() {}

  public static void main(String[] args)
      throws IOException, RunnerException, CommandLineOptionException {
    Path out = Path.of("benchmarks/target");
    Path from = null;
    Path log = null;
    List<String> jmh = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--quick":
          jmh.addAll(0, Arrays.asList(QUICK));
          break;
        case "--out":
          out = Path.of(args[++i]);
          break;
        case "--from":
          from = Path.of(args[++i]);
          break;
        case "--log":
          log = Path.of(args[++i]);
          break;
        default:
          jmh.add(args[i]);
      }
    }
    if (from == null) {
      Files.createDirectories(out);
      from = out.resolve("jmh-result.json");
      log = out.resolve("jmh-trials.log");
      Path console = out.resolve("jmh-output.txt");
      Files.deleteIfExists(log);
      System.setProperty(ScanBenchmark.TRIAL_LOG, log.toAbsolutePath().toString());
      List<String> all =
          new ArrayList<>(
              List.of("-rf", "json", "-rff", from.toString(), "-o", console.toString()));
      all.addAll(jmh);
      if (jmh.stream().noneMatch(arg -> !arg.startsWith("-") && arg.contains("Benchmark"))) {
        all.add(ScanBenchmark.class.getName());
      }
      // The forks inherit this JVM's arguments but not properties set at run time: hand the log on.
      // (This replaces the @Fork annotation's jvmArgsAppend, so its heap settings are repeated.)
      all.addAll(
          List.of(
              "-jvmArgsAppend",
              "-Xms512m -Xmx512m -D" + ScanBenchmark.TRIAL_LOG + "=" + log.toAbsolutePath()));
      System.out.println("JMH " + String.join(" ", jmh) + " — its own output goes to " + console);
      long began = System.nanoTime();
      new Runner(new CommandLineOptions(all.toArray(new String[0]))).run();
      System.out.printf(Locale.ROOT, "JMH took %.1f min%n", (System.nanoTime() - began) / 60e9);
    }
    print(from, log);
  }

  /** Reads JMH's JSON results and prints the table. */
  @SuppressWarnings("unchecked")
  static void print(Path json, Path trialLog) throws IOException {
    // (benchmark, background, children) -> result
    Map<String, Map<String, Object>> results = new TreeMap<>();
    TreeSet<Integer> backgrounds = new TreeSet<>();
    TreeSet<Integer> childCounts = new TreeSet<>();
    String unit = "us/op";
    String mode = "";
    for (Object entry : JSON.std.listFrom(json.toFile())) {
      Map<String, Object> result = (Map<String, Object>) entry;
      String benchmark = result.get("benchmark").toString();
      benchmark = benchmark.substring(benchmark.lastIndexOf('.') + 1);
      Map<String, Object> params = (Map<String, Object>) result.get("params");
      int background = Integer.parseInt(params.get("background").toString());
      int children = Integer.parseInt(params.get("children").toString());
      backgrounds.add(background);
      childCounts.add(children);
      results.put(key(benchmark, background, children), result);
      unit = ((Map<String, Object>) result.get("primaryMetric")).get("scoreUnit").toString();
      mode = result.get("mode").toString();
    }
    Map<Integer, int[]> machine = machineSizes(trialLog);

    System.out.println();
    System.out.println(
        "procleak vs. the alternatives: median (p50) time per call, "
            + unit.replace("us", "µs")
            + " (JMH mode "
            + mode
            + "); ratios = alternative / procleak check");
    String header =
        String.format(
            Locale.ROOT,
            "%-10s %-8s %-11s | %14s %16s %16s %14s | %13s %13s | %s",
            "background",
            "children",
            "procs seen",
            "procleak check",
            "OSHI descendants",
            "OSHI getProcs",
            "JDK descend.",
            "OSHI desc/chk",
            "JDK desc/chk",
            "check p50 per fork");
    System.out.println(header);
    System.out.println("-".repeat(header.length()));
    for (int children : childCounts) {
      for (int background : backgrounds) {
        double check = median(results.get(key(CHECK, background, children)));
        double oshi = median(results.get(key(OSHI_DESCENDANTS, background, children)));
        double all = median(results.get(key(OSHI_ALL, background, children)));
        double jdk = median(results.get(key(JDK_DESCENDANTS, background, children)));
        int[] seen = machine.get(background);
        String procs =
            seen == null ? "?" : seen[0] == seen[1] ? "" + seen[0] : seen[0] + "-" + seen[1];
        System.out.println(
            String.format(
                Locale.ROOT,
                "%-10d %-8d %-11s | %14s %16s %16s %14s | %13s %13s | %s",
                background,
                children,
                procs,
                num(check),
                num(oshi),
                num(all),
                num(jdk),
                ratio(oshi, check),
                ratio(jdk, check),
                perFork(results.get(key(CHECK, background, children)))));
      }
    }
    System.out.println(
        "procs seen: processes on the machine during the trials (all of /proc), including the background ones.");
    System.out.println();
    targets(results, backgrounds, childCounts);
  }

  private static void targets(
      Map<String, Map<String, Object>> results,
      TreeSet<Integer> backgrounds,
      TreeSet<Integer> childCounts) {
    System.out.println("Targets (issue 5), on the procleak check's medians:");
    int low = backgrounds.first();
    int high = backgrounds.last();
    for (int children : childCounts) {
      double limit = children == 0 ? 500 : children <= 10 ? 2000 : Double.NaN;
      double worst = 0;
      for (int background : backgrounds) {
        worst = Math.max(worst, median(results.get(key(CHECK, background, children))));
      }
      if (!Double.isNaN(limit)) {
        System.out.println(
            String.format(
                Locale.ROOT,
                "  %-62s %s (worst %s µs)",
                "check with "
                    + children
                    + " children <= "
                    + num(limit)
                    + " µs at every background:",
                verdict(worst <= limit),
                num(worst)));
      }
      double growth =
          median(results.get(key(CHECK, high, children)))
              / median(results.get(key(CHECK, low, children)));
      System.out.println(
          String.format(
              Locale.ROOT,
              "  %-62s %s (%.2fx)",
              "growth " + low + " -> " + high + " background, " + children + " children, <= 2x:",
              verdict(growth <= 2),
              growth));
      ratioTarget(results, backgrounds, children, OSHI_DESCENDANTS, "OSHI descendants", 100);
      ratioTarget(
          results, backgrounds, children, JDK_DESCENDANTS, "ProcessHandle.descendants()", 50);
    }
  }

  /** A ratio target holds or not at each machine size; prints each, then the verdict over all. */
  private static void ratioTarget(
      Map<String, Map<String, Object>> results,
      TreeSet<Integer> backgrounds,
      int children,
      String alternative,
      String name,
      double wanted) {
    StringBuilder each = new StringBuilder();
    boolean all = true;
    for (int background : backgrounds) {
      double ratio =
          median(results.get(key(alternative, background, children)))
              / median(results.get(key(CHECK, background, children)));
      all &= ratio >= wanted;
      each.append(
          String.format(
              Locale.ROOT,
              "%s%.0fx at %d %s",
              each.length() == 0 ? "" : ", ",
              ratio,
              background,
              ratio >= wanted ? "met" : "missed"));
    }
    System.out.println(
        String.format(
            Locale.ROOT,
            "  %-62s %s (%s)",
            ">= " + (int) wanted + "x cheaper than " + name + ", " + children + " children:",
            verdict(all),
            each));
  }

  static String verdict(boolean met) {
    return met ? "MET   " : "MISSED";
  }

  private static String key(String benchmark, int background, int children) {
    return benchmark + "/" + background + "/" + children;
  }

  /** p50 of a SampleTime result, or the median of the iteration scores for other modes. */
  @SuppressWarnings("unchecked")
  static double median(Map<String, Object> result) {
    if (result == null) {
      return Double.NaN;
    }
    Map<String, Object> metric = (Map<String, Object>) result.get("primaryMetric");
    Map<String, Object> percentiles = (Map<String, Object>) metric.get("scorePercentiles");
    if ("sample".equals(result.get("mode"))
        && percentiles != null
        && percentiles.get("50.0") != null) {
      return ((Number) percentiles.get("50.0")).doubleValue();
    }
    List<Double> scores = new ArrayList<>();
    for (Object fork : (List<Object>) metric.get("rawData")) {
      for (Object score : (List<Object>) fork) {
        scores.add(((Number) score).doubleValue());
      }
    }
    return medianOf(scores);
  }

  /** For SampleTime: the median of each fork's samples, to show how much forks agree. */
  @SuppressWarnings("unchecked")
  private static String perFork(Map<String, Object> result) {
    if (result == null) {
      return "";
    }
    Map<String, Object> metric = (Map<String, Object>) result.get("primaryMetric");
    Object histograms = metric.get("rawDataHistogram");
    if (histograms == null) {
      return "";
    }
    List<String> medians = new ArrayList<>();
    for (Object fork : (List<Object>) histograms) {
      TreeMap<Double, Long> counts = new TreeMap<>();
      long total = 0;
      for (Object iteration : (List<Object>) fork) {
        for (Object bucket : (List<Object>) iteration) {
          List<Object> pair = (List<Object>) bucket;
          double value = ((Number) pair.get(0)).doubleValue();
          long count = ((Number) pair.get(1)).longValue();
          counts.merge(value, count, Long::sum);
          total += count;
        }
      }
      long seen = 0;
      for (Map.Entry<Double, Long> bucket : counts.entrySet()) {
        seen += bucket.getValue();
        if (seen * 2 >= total) {
          medians.add(num(bucket.getKey()));
          break;
        }
      }
    }
    return String.join(" / ", medians);
  }

  static double medianOf(List<Double> values) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1
        ? sorted.get(middle)
        : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
  }

  /** background -> {min, max} processes on the machine, from the trials' log. */
  private static Map<Integer, int[]> machineSizes(Path log) throws IOException {
    Map<Integer, int[]> sizes = new TreeMap<>();
    if (log == null || !Files.exists(log)) {
      return sizes;
    }
    for (String line : Files.readAllLines(log)) {
      Map<String, String> fields = new TreeMap<>();
      for (String field : line.trim().split(" ")) {
        int equals = field.indexOf('=');
        if (equals > 0) {
          fields.put(field.substring(0, equals), field.substring(equals + 1));
        }
      }
      if (fields.containsKey("background") && fields.containsKey("machineProcesses")) {
        int background = Integer.parseInt(fields.get("background"));
        int procs = Integer.parseInt(fields.get("machineProcesses"));
        sizes.merge(
            background,
            new int[] {procs, procs},
            (a, b) -> new int[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
      }
    }
    return sizes;
  }

  static String num(double value) {
    if (Double.isNaN(value)) {
      return "-";
    }
    if (value >= 100) {
      return String.format(Locale.ROOT, "%,.0f", value);
    }
    if (value >= 10) {
      return String.format(Locale.ROOT, "%.1f", value);
    }
    return String.format(Locale.ROOT, "%.2f", value);
  }

  private static String ratio(double alternative, double check) {
    return Double.isNaN(alternative) || Double.isNaN(check)
        ? "-"
        : String.format(Locale.ROOT, "%.0fx", alternative / check);
  }
}
