package dev.procleak.benchmarks;

import dev.procleak.core.config.ProcleakConfig;
import dev.procleak.core.leak.LeakCheck;
import dev.procleak.core.model.Leak;
import dev.procleak.core.model.ScopeKind;
import dev.procleak.core.model.ScopeName;
import dev.procleak.core.os.Children;
import dev.procleak.core.scan.ProcessTable;
import dev.procleak.core.scan.ProcfsScanner;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
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

/**
 * Where a {@link ProcfsScanner} scan spends its time, piece by piece: the child probe ({@link
 * Children#anyOfThisJvm()}, all a scan costs when this JVM has no child), listing the JVM's
 * threads, reading their {@code children} files, one {@code stat}. Not part of the default run:
 * {@code java -jar benchmarks/target/benchmarks.jar ScanAnatomyBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ScanAnatomyBenchmark {
  @Param({"0", "10"})
  public int children;

  private final List<Process> kids = new ArrayList<>();
  private final ProcfsScanner scanner = new ProcfsScanner();
  private final long pid = ProcessHandle.current().pid();
  private final Path tasks = Path.of("/proc", Long.toString(pid), "task");
  private final byte[] buffer = new byte[4096];

  private final LeakCheck check = new LeakCheck(scanner, pid);

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    for (int i = 0; i < children; i++) {
      kids.add(new ProcessBuilder("sleep", String.valueOf(Background.LIFETIME_SECONDS)).start());
    }
    System.err.println("threads of this JVM: " + threads().size());
    // The scan must see exactly our children, and the probe must agree whether there are any.
    int found = scanner.scan(pid).processes().size();
    if (found != children || Children.anyOfThisJvm() != (children > 0)) {
      throw new IllegalStateException(
          "expected "
              + children
              + " children, the scan found "
              + found
              + ", the probe says any: "
              + Children.anyOfThisJvm());
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws InterruptedException {
    for (Process kid : kids) {
      kid.destroyForcibly();
      kid.waitFor(10, TimeUnit.SECONDS);
    }
  }

  /**
   * One whole scan: a check is two of these plus the rules (only the probe when there is no child).
   */
  @Benchmark
  public ProcessTable scan() {
    return scanner.scan(pid);
  }

  /** Listing {@code /proc/PID/task}, the JVM's threads. */
  @Benchmark
  public List<Path> listThreads() throws IOException {
    return threads();
  }

  /**
   * Listing the threads and reading every {@code children} file with {@code Files.readString}, as
   * the scanner does.
   */
  @Benchmark
  public int readChildrenFilesNio() throws IOException {
    int length = 0;
    for (Path task : threads()) {
      try {
        length += Files.readString(task.resolve("children")).length();
      } catch (IOException gone) {
        // thread ended
      }
    }
    return length;
  }

  /** The same reads with a plain stream and one reused buffer. */
  @Benchmark
  public int readChildrenFilesStream() throws IOException {
    int length = 0;
    String base = tasks.toString() + "/";
    for (String tid : tids()) {
      try (FileInputStream in = new FileInputStream(base + tid + "/children")) {
        length += Math.max(0, in.read(buffer));
      } catch (IOException gone) {
        // thread ended
      }
    }
    return length;
  }

  /** One {@code stat} read, as for every process found. */
  @Benchmark
  public String readOneStat() throws IOException {
    return Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
  }

  /** The child probe the scan starts with: {@link Children#anyOfThisJvm()}, one {@code waitid}. */
  @Benchmark
  public boolean anyChildProbe() {
    return Children.anyOfThisJvm();
  }

  /** procleak's whole check (the same as ScanBenchmark.procleakCheck). */
  @Benchmark
  public List<Leak> check() {
    return check.end(check.begin(), ScopeKind.TEST, ScopeName.of("bench"), ProcleakConfig.DEFAULTS);
  }

  private List<Path> threads() throws IOException {
    List<Path> threads = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(tasks)) {
      for (Path task : stream) {
        threads.add(task);
      }
    }
    return threads;
  }

  private String[] tids() {
    String[] names = tasks.toFile().list();
    return names == null ? new String[0] : names;
  }
}
