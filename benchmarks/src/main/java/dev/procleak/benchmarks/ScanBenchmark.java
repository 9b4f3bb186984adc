package dev.procleak.benchmarks;

import dev.procleak.core.config.ProcleakConfig;
import dev.procleak.core.leak.LeakCheck;
import dev.procleak.core.model.Leak;
import dev.procleak.core.model.ScopeKind;
import dev.procleak.core.model.ScopeName;
import dev.procleak.core.scan.Oshi;
import dev.procleak.core.scan.ProcessTable;
import dev.procleak.core.scan.SubtreeScanner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;

/**
 * procleak's per-scope check against the alternatives, side by side, on a machine with {@link
 * #background} unrelated processes and a benchmark JVM with {@link #children} child processes.
 * Every benchmark answers the same question: what is below this JVM?
 *
 * <p>SampleTime: JMH times each call, so the table can quote true per-call medians (p50).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(
    value = 2,
    jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ScanBenchmark {
  /** System property: a file that gets one line per trial with what the machine looked like. */
  public static final String TRIAL_LOG = "procleak.bench.log";

  /** Unrelated processes started on the machine for the trial (not below this JVM). */
  @Param({"100", "1000", "10000"})
  public int background;

  /** Long-lived children of this JVM, started before the baseline: the check stays clean. */
  @Param({"0", "10"})
  public int children;

  private Background unrelated;
  private final List<Process> kids = new ArrayList<>();
  private long pid;
  private LeakCheck check;
  private OperatingSystem os;

  @Setup(Level.Trial)
  public void setUp(BenchmarkParams params) throws IOException {
    pid = ProcessHandle.current().pid();
    try {
      unrelated = Background.start(background);
      for (int i = 0; i < children; i++) {
        kids.add(new ProcessBuilder("sleep", String.valueOf(Background.LIFETIME_SECONDS)).start());
      }
      SubtreeScanner scanner = SubtreeScanner.forThisPlatform();
      check = new LeakCheck(scanner, pid);
      // OSHI's entry point costs ~250 ms once per JVM: paid here, never inside a measurement.
      os = Oshi.operatingSystem();
      // Every alternative must see exactly our children, and procleak must call the table clean.
      int procleak = scanner.scan(pid).processes().size();
      int oshi = os.getDescendantProcesses((int) pid, null, null, 0).size();
      long jdk = ProcessHandle.current().descendants().count();
      if (procleak != children || oshi != children || jdk != children) {
        throw new IllegalStateException(
            "below this JVM: procleak sees "
                + procleak
                + ", OSHI "
                + oshi
                + ", JDK "
                + jdk
                + "; expected "
                + children);
      }
      if (!procleakCheck().isEmpty()) {
        throw new IllegalStateException("the check is not clean before measuring");
      }
      log(params, scanner.getClass().getSimpleName());
    } catch (RuntimeException | IOException e) {
      tearDown();
      throw e;
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    for (Process kid : kids) {
      kid.destroyForcibly();
    }
    for (Process kid : kids) {
      try {
        kid.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    kids.clear();
    if (unrelated != null) {
      unrelated.close();
      if (unrelated.size() > 0) {
        System.err.println(
            "procleak-bench: " + unrelated.size() + " background processes would not die");
      }
      unrelated = null;
    }
  }

  /**
   * What one checked test pays: the baseline scan before it and the final scan and rules after it.
   */
  @Benchmark
  public List<Leak> procleakCheck() {
    ProcessTable baseline = check.begin();
    List<Leak> leaks =
        check.end(baseline, ScopeKind.TEST, ScopeName.of("bench"), ProcleakConfig.DEFAULTS);
    if (!leaks.isEmpty()) {
      throw new IllegalStateException("unexpected leaks: " + leaks);
    }
    return leaks;
  }

  @Benchmark
  public List<OSProcess> oshiDescendants() {
    return os.getDescendantProcesses((int) pid, null, null, 0);
  }

  @Benchmark
  public List<OSProcess> oshiAllProcesses() {
    return os.getProcesses();
  }

  @Benchmark
  public long jdkDescendants() {
    return ProcessHandle.current().descendants().count();
  }

  private void log(BenchmarkParams params, String scanner) {
    String file = System.getProperty(TRIAL_LOG);
    if (file == null) {
      return;
    }
    String line =
        String.format(
            "benchmark=%s background=%d children=%d machineProcesses=%d spawnMillis=%d scanner=%s%n",
            params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1),
            background,
            children,
            Background.machineProcesses(),
            unrelated.startMillis(),
            scanner);
    try {
      Files.writeString(
          Path.of(file),
          line,
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
