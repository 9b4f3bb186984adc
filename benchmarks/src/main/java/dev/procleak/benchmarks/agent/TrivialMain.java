package dev.procleak.benchmarks.agent;

/** The trivial JVM whose start and end the agents are timed on: it does nothing. */
public final class TrivialMain {
  private TrivialMain() {}

  public static void main(String[] args) {
    // nothing: the JVM's start, the agent's premain and its shutdown hooks are all there is
  }
}
