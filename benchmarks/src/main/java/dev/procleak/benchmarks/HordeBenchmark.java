package dev.procleak.benchmarks;

import dev.procleak.core.config.Action;
import dev.procleak.core.config.ProcleakConfig;
import dev.procleak.core.leak.LeakCheck;
import dev.procleak.core.model.Leak;
import dev.procleak.core.model.ScopeKind;
import dev.procleak.core.model.ScopeName;
import dev.procleak.core.scan.Oshi;
import dev.procleak.core.scan.ProcessInfo;
import dev.procleak.core.scan.ProcessTable;
import dev.procleak.core.scan.ProcfsScanner;
import java.io.IOException;
import java.time.Duration;
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
import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;

/**
 * What it costs to find and describe a horde of zombies under one culprit, once the grace period is
 * over: procleak's scope end (cleanup off, so the horde stays for the next call) against asking
 * OSHI for each zombie's command line, which is what describing them one by one costs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class HordeBenchmark {
  private static final ProcleakConfig REPORT_ONLY =
      new ProcleakConfig(Action.WARN, false, Duration.ZERO, List.of(), true);

  @Param({"200"})
  public int horde;

  private Process culprit;
  private LeakCheck check;
  private ProcessTable baseline;
  private OperatingSystem os;
  private final List<ProcessInfo> zombies = new ArrayList<>();

  @Setup(Level.Trial)
  public void setUp() throws IOException, InterruptedException {
    long pid = ProcessHandle.current().pid();
    ProcfsScanner scanner = new ProcfsScanner();
    check = new LeakCheck(scanner, pid);
    baseline = check.begin();
    // The children wait on the culprit's input, so they exit only after it exec'd `sleep`, which
    // never waits for them.
    culprit =
        new ProcessBuilder(
                "sh",
                "-c",
                "exec 3<&0; i=0; while [ $i -lt "
                    + horde
                    + " ]; do cat <&3 >/dev/null & i=$((i+1)); done; exec sleep 900 3<&-")
            .start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!execdWithChildren(scanner, false)) {
      pause(deadline);
    }
    culprit.getOutputStream().close();
    while (!execdWithChildren(scanner, true)) {
      pause(deadline);
    }
    zombies.addAll(scanner.scan(pid).children(culprit.pid()));
    os = Oshi.operatingSystem();
    if (check.end(baseline, ScopeKind.TEST, ScopeName.of("horde"), REPORT_ONLY).size()
        != horde + 1) {
      throw new IllegalStateException("procleak does not see the horde of " + horde);
    }
  }

  private boolean execdWithChildren(ProcfsScanner scanner, boolean zombie) {
    ProcessInfo info = scanner.lookup(culprit.pid());
    return info != null
        && info.name().equals("sleep")
        && scanner.scan(culprit.pid()).children(culprit.pid()).stream()
                .filter(child -> child.isZombie() == zombie)
                .count()
            == horde;
  }

  private static void pause(long deadline) throws InterruptedException {
    if (System.nanoTime() > deadline) {
      throw new IllegalStateException("the horde did not form within 60 s");
    }
    Thread.sleep(10);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws InterruptedException {
    // Killing the culprit hands its zombies to init (this JVM is no subreaper here), which reaps
    // them.
    culprit.destroyForcibly();
    culprit.waitFor(10, TimeUnit.SECONDS);
  }

  /** A scope's end with the horde there: scan, rules, and a description of all 201 leaks. */
  @Benchmark
  public List<Leak> procleakScopeEnd() {
    return check.end(baseline, ScopeKind.TEST, ScopeName.of("horde"), REPORT_ONLY);
  }

  /** Describing the same zombies one by one through OSHI, as before the horde was cheap. */
  @Benchmark
  public int oshiCommandLinePerZombie() {
    int length = 0;
    for (ProcessInfo zombie : zombies) {
      OSProcess process = os.getProcess((int) zombie.pid());
      length += process == null ? 0 : process.getCommandLine().length();
    }
    return length;
  }
}
