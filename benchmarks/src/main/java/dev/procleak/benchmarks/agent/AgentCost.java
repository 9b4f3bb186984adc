package dev.procleak.benchmarks.agent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * The agent's two costs, side by side with the alternatives, in one run: per test JVM (JMH's {@link
 * AgentStartBenchmark}: wall time; then {@code /usr/bin/time} for peak memory and CPU, the same
 * JVMs started again) and per process start ({@link ProcessStartBenchmark}). {@code --quick}
 * shortens both.
 */
public final class AgentCost {
  private static final List<String> VARIANTS =
      List.of("none", "empty", "jacoco", "procleak", "jfr");
  private static final Map<String, String> NAMES =
      Map.of(
          "none",
          "no agent",
          "empty",
          "an agent that does nothing",
          "jacoco",
          "JaCoCo 0.8.15's agent",
          "procleak",
          "procleak's agent",
          "jfr",
          "no agent, JFR stream (recordStarts=jfr)");

  private AgentCost() {}

  public static void main(String[] args) throws Exception {
    boolean quick = List.of(args).contains("--quick");
    Agents.prepare();
    Options jvms =
        new OptionsBuilder()
            .include(AgentStartBenchmark.class.getName())
            .warmupIterations(quick ? 2 : 5)
            .measurementIterations(quick ? 10 : 30)
            .output("benchmarks/target/jmh-agent-output.txt")
            .build();
    Map<String, Double> wall = new LinkedHashMap<>();
    for (RunResult result : new Runner(jvms).run()) {
      wall.put(
          result.getParams().getParam("agent"),
          result.getPrimaryResult().getStatistics().getPercentile(50));
    }
    Map<String, double[]> memoryAndCpu = new LinkedHashMap<>();
    for (String variant : VARIANTS) {
      memoryAndCpu.put(variant, timed(AgentStartBenchmark.command(variant), quick ? 5 : 15));
    }
    Options starts =
        new OptionsBuilder()
            .include(ProcessStartBenchmark.class.getName())
            .measurementIterations(quick ? 3 : 5)
            .output("benchmarks/target/jmh-starts-output.txt")
            .build();
    Map<String, Double> perStart = new LinkedHashMap<>();
    Collection<RunResult> startResults = new Runner(starts).run();
    for (RunResult result : startResults) {
      String method = result.getParams().getBenchmark();
      perStart.put(
          method.substring(method.lastIndexOf('.') + 1),
          result.getPrimaryResult().getStatistics().getPercentile(50));
    }
    List<String> table = table(wall, memoryAndCpu, perStart);
    table.forEach(System.out::println);
    Files.write(Path.of("benchmarks/target/agent-cost.txt"), table, StandardCharsets.UTF_8);
  }

  /**
   * Medians of peak RSS (MB) and CPU (user + system, s) of {@code runs} starts of {@code command}.
   */
  private static double[] timed(List<String> command, int runs)
      throws IOException, InterruptedException {
    List<Double> rss = new ArrayList<>();
    List<Double> cpu = new ArrayList<>();
    Path report = Files.createTempFile("procleak-time", ".txt");
    try {
      for (int i = 0; i < runs; i++) {
        List<String> timed =
            new ArrayList<>(List.of("/usr/bin/time", "-o", report.toString(), "-f", "%M %U %S"));
        timed.addAll(command);
        if (new ProcessBuilder(timed).inheritIO().start().waitFor() != 0) {
          throw new IllegalStateException(timed + " failed");
        }
        String[] fields = Files.readString(report).trim().split(" ");
        rss.add(Double.parseDouble(fields[0]) / 1024);
        cpu.add(Double.parseDouble(fields[1]) + Double.parseDouble(fields[2]));
      }
    } finally {
      Files.deleteIfExists(report);
    }
    return new double[] {median(rss), median(cpu)};
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    return sorted.get(sorted.size() / 2);
  }

  private static List<String> table(
      Map<String, Double> wall, Map<String, double[]> memoryAndCpu, Map<String, Double> perStart) {
    List<String> lines = new ArrayList<>();
    lines.add(
        "Per test JVM: a trivial JVM, p50 wall (JMH), median peak RSS and CPU (/usr/bin/time)");
    lines.add(
        String.format("%-42s %9s %9s %9s %9s %7s", "", "wall ms", "+ms", "RSS MB", "+MB", "CPU s"));
    double[] none = memoryAndCpu.get("none");
    for (String variant : VARIANTS) {
      double[] m = memoryAndCpu.get(variant);
      lines.add(
          String.format(
              "%-42s %9.1f %+9.1f %9.1f %+9.1f %7.2f",
              NAMES.get(variant),
              wall.get(variant),
              wall.get(variant) - wall.get("none"),
              m[0],
              m[0] - none[0],
              m[1]));
    }
    double procleak = wall.get("procleak") - wall.get("none");
    double jacoco = wall.get("jacoco") - wall.get("none");
    lines.add(
        String.format(
            "procleak's added wall time / JaCoCo's: %.2f; above an agent that does nothing: %+.1f ms",
            procleak / jacoco, wall.get("procleak") - wall.get("empty")));
    lines.add(
        String.format(
            "target <= 40 ms and <= 10 MB over no agent: wall %s (%+.1f ms), memory %s (%+.1f MB)",
            procleak <= 40 ? "MET" : "MISSED",
            procleak,
            memoryAndCpu.get("procleak")[0] - none[0] <= 10 ? "MET" : "MISSED",
            memoryAndCpu.get("procleak")[0] - none[0]));
    lines.add("");
    lines.add(
        "Per process start: new ProcessBuilder(\"true\").start().waitFor(), p50 us (JMH, sample time)");
    double base = perStart.get("noRecording");
    for (Map.Entry<String, Double> entry : perStart.entrySet()) {
      lines.add(
          String.format(
              "%-42s %9.1f %+9.1f", entry.getKey(), entry.getValue(), entry.getValue() - base));
    }
    return lines;
  }
}
