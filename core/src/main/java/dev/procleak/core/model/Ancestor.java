package dev.procleak.core.model;

/**
 * One live process above a leak, from its parent up to the test JVM.
 *
 * @param pid the process id
 * @param command its command line, or its short name where none is readable
 * @param testJvm whether this is the test JVM itself, which ends the chain
 */
public record Ancestor(long pid, String command, boolean testJvm) {
  public static final String TEST_JVM = "the test JVM";

  public static Ancestor testJvm(long pid) {
    return new Ancestor(pid, TEST_JVM, true);
  }

  public static Ancestor process(long pid, String command) {
    return new Ancestor(pid, command, false);
  }

  @Override
  public String toString() {
    return testJvm ? TEST_JVM + " (pid " + pid + ")" : "pid " + pid + "  " + command;
  }
}
