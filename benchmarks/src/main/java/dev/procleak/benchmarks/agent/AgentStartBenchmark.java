package dev.procleak.benchmarks.agent;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What an agent adds to a test JVM: the wall time of a trivial JVM ({@link TrivialMain}) started
 * without an agent, with one that does nothing, with JaCoCo's and with procleak's, in the same run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 30)
@Fork(1)
public class AgentStartBenchmark {
  /** jfr: no agent, a JFR stream of process starts, as {@code procleak.recordStarts=jfr} has. */
  @Param({"none", "empty", "jacoco", "procleak", "jfr"})
  public String agent;

  private List<String> command;

  @Setup
  public void prepare() throws Exception {
    Agents.prepare();
    command = command(agent);
  }

  static List<String> command(String agent) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(agent.equals("jfr") ? List.of() : Agents.options(agent));
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add((agent.equals("jfr") ? JfrMain.class : TrivialMain.class).getName());
    return command;
  }

  @Benchmark
  public int trivialJvm() throws Exception {
    Process jvm = new ProcessBuilder(command).inheritIO().start();
    int exit = jvm.waitFor();
    if (exit != 0) {
      throw new IllegalStateException(command + " exited with " + exit);
    }
    return exit;
  }
}
