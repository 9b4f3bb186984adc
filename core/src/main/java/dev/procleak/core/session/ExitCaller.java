package dev.procleak.core.session;

import java.util.Optional;

/**
 * The code that called {@code System.exit}, when that is why the JVM ends: its thread waits in
 * {@code Shutdown.exit} for the shutdown hooks, procleak's among them.
 */
final class ExitCaller {
  private ExitCaller() {}

  /** The caller as {@code Class.method(File.java:line)}; empty when no test code called it. */
  static Optional<String> find() {
    for (StackTraceElement[] stack : Thread.getAllStackTraces().values()) {
      int exit = -1;
      for (int i = 0; i < stack.length; i++) {
        String type = stack[i].getClassName();
        if (stack[i].getMethodName().equals("exit")
            && (type.equals("java.lang.Shutdown")
                || type.equals("java.lang.Runtime")
                || type.equals("java.lang.System"))) {
          exit = i;
        }
      }
      if (exit >= 0 && exit + 1 < stack.length && !isTestRunner(stack[exit + 1].getClassName())) {
        StackTraceElement caller = stack[exit + 1];
        return Optional.of(
            caller.getClassName()
                + "."
                + caller.getMethodName()
                + "("
                + caller.getFileName()
                + ":"
                + caller.getLineNumber()
                + ")");
      }
    }
    return Optional.empty();
  }

  /** Test runners end their JVMs with {@code System.exit} when the tests are done. */
  private static boolean isTestRunner(String className) {
    return className.startsWith("org.apache.maven.surefire.") || className.contains("org.gradle.");
  }
}
