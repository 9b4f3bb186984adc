package dev.procleak.benchmarks.agent;

import dev.procleak.core.origin.JavaStarts;
import dev.procleak.core.origin.JdkLogStarts;
import dev.procleak.core.origin.JfrStarts;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What recording a start costs: {@code new ProcessBuilder("true").start().waitFor()} in a JVM
 * without any recording, with procleak's agent (its hook: a cookie for the child, the callers
 * walked off the stack), and with procleak's own JFR stream of {@code jdk.ProcessStart} (what
 * {@code procleak.recordStarts=jfr} does without the agent), and with the JDK's own log of starts
 * read (what the annotation alone does on JDK 21 and later: the JDK then walks the stack for its
 * {@code TRACE} record; on an older JDK nothing is logged and it costs what no recording does). The
 * agent's path is relative to the repository, where {@code benchmarks/run.sh} runs.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ProcessStartBenchmark {

  @State(Scope.Benchmark)
  public static class Jfr {
    JfrStarts recording;

    @Setup
    public void start() {
      recording = JfrStarts.start(new JavaStarts("benchmarks-jfr"));
    }

    @TearDown
    public void stop() {
      recording.close();
    }
  }

  @State(Scope.Benchmark)
  public static class JdkLog {
    @Setup
    public void start() {
      if (JdkLogStarts.unavailable().isEmpty()) {
        JdkLogStarts.start(new JavaStarts("benchmarks-jdk-log"));
      }
    }
  }

  @Benchmark
  @Fork(1)
  public int noRecording() throws Exception {
    return startTrue();
  }

  @Benchmark
  @Fork(
      value = 1,
      jvmArgsAppend =
          "-javaagent:benchmarks/target/agents/procleak-agent.jar=benchmarks/target/agents/agent.properties")
  public int procleakAgent() throws Exception {
    return startTrue();
  }

  @Benchmark
  @Fork(1)
  public int jfrStream(Jfr jfr) throws Exception {
    return startTrue();
  }

  @Benchmark
  @Fork(1)
  public int jdkLog(JdkLog log) throws Exception {
    return startTrue();
  }

  private static int startTrue() throws Exception {
    return new ProcessBuilder("true").start().waitFor();
  }
}
