package dev.procleak.core.origin;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Which frames of a start's stack say who started the process: the first ones outside the JDK,
 * procleak and the test frameworks (leaks usually start in the production code a test calls, so the
 * test itself is often a few frames down).
 */
public final class Callers {
  /** Frames kept per start; the JSON report has them all, a message shows the first few. */
  public static final int KEPT = 8;

  private static final List<String> NOT_CALLERS =
      List.of(
          "java.",
          "javax.",
          "jdk.",
          "sun.",
          "com.sun.",
          "dev.procleak.",
          "org.junit.",
          "junit.",
          "org.testng.",
          "org.apache.maven.surefire.",
          "org.gradle.",
          "org.codehaus.groovy.",
          "groovy.lang.",
          "org.spockframework.",
          "kotlin.",
          "scala.runtime.");

  private Callers() {}

  /** Whether a frame of {@code className} is the JDK's, procleak's or a test framework's. */
  public static boolean isFramework(String className) {
    for (String prefix : NOT_CALLERS) {
      if (className.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  /** The calling thread's callers, as {@link #of} keeps them. */
  public static List<String> ofThisThread() {
    return StackWalker.getInstance().walk(Callers::of);
  }

  /** The first {@value #KEPT} frames of {@code stack} that are not {@link #isFramework}. */
  public static List<String> of(Stream<StackWalker.StackFrame> stack) {
    List<String> callers = new ArrayList<>();
    stack
        .filter(frame -> !isFramework(frame.getClassName()))
        .limit(KEPT)
        .forEach(
            frame ->
                callers.add(
                    frame(
                        frame.getClassName(),
                        frame.getMethodName(),
                        frame.getFileName(),
                        frame.getLineNumber())));
    return callers;
  }

  /** As a stack trace prints it: {@code com.example.Indexer.start(Indexer.java:12)}. */
  public static String frame(String className, String method, String file, int line) {
    String where = file == null ? "Unknown Source" : line >= 0 ? file + ":" + line : file;
    return className + "." + method + "(" + where + ")";
  }
}
