package dev.procleak.benchmarks.agent;

import dev.procleak.core.model.ScopeName;
import dev.procleak.core.origin.JavaStart;
import dev.procleak.core.report.StartJournal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What journaling one start costs the test JVM, on the thread that started it: the lines built and
 * appended to the JVM's journal ({@link StartJournal#append}, one {@code write} to the file, no
 * {@code fsync}: a JVM killed a moment later has told the kernel, which keeps it). To be read
 * beside {@link ProcessStartBenchmark}, where a start itself costs a millisecond or more.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class StartJournalBenchmark {
  private Path directory;
  private StartJournal journal;
  private JavaStart start;
  private List<ScopeName> running;
  private long number;

  @Setup(Level.Iteration)
  public void open() throws Exception {
    directory = Files.createTempDirectory("procleak-journal-benchmark");
    journal = StartJournal.of(directory, "benchmarks-5f0c/jvm-1-2");
    start =
        new JavaStart(
            1,
            4242,
            Instant.now(),
            "sh -c 'sleep 60 >/dev/null 2>&1 & echo $!'",
            List.of(
                "demo.Daemons.start(Daemons.java:12)",
                "demo.Indexer.index(Indexer.java:40)",
                "demo.IndexerTest.indexes(IndexerTest.java:9)"));
    running = List.of(ScopeName.method("demo.IndexerTest", "indexes()", ""));
  }

  @TearDown(Level.Iteration)
  public void delete() throws Exception {
    journal.delete();
    Files.deleteIfExists(directory);
  }

  @Benchmark
  public void append() {
    journal.append(
        new JavaStart(++number, start.pid(), start.at(), start.command(), start.callers()),
        running);
  }
}
