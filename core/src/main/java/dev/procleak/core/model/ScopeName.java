package dev.procleak.core.model;

import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * How a scope is named, in parts where its runner names a test class and method, so that a report
 * that files a leak under its test (JUnit XML) or shows the test's own frame need not take the name
 * apart again.
 *
 * @param display the name as messages and reports show it: {@code a.B.c(String)[3] "x=3"}, {@code
 *     class a.B (outside its test methods)}, {@code the test JVM (outside any checked test)}; made
 *     from the parts where there are parts
 * @param className the test class's binary name ({@code a.B$Nested}), or null where no class names
 *     the scope (the test JVM, a scenario named by its display names)
 * @param method the test method with its parameters' simple type names, {@code c(String)}; null for
 *     a class's own scope
 * @param invocation which run of the method: {@code [3] "x=3"} for a parameterized test's third,
 *     {@code [1][2] "name"} for a dynamic test, {@code [2]} for a TestNG data provider's; empty
 *     when the method runs once, null for a class
 */
public record ScopeName(String display, String className, String method, String invocation) {
  public ScopeName {
    Objects.requireNonNull(display, "display");
    boolean fromItsParts =
        className == null
            ? method == null && invocation == null
            : (method == null) == (invocation == null)
                && display.equals(display(className, method, invocation));
    if (!fromItsParts) {
      throw new IllegalArgumentException(
          "'"
              + display
              + "' is not the name of its parts: "
              + className
              + ", "
              + method
              + ", "
              + invocation);
    }
  }

  /**
   * A name that is only shown: the test JVM's, a survivor's, a test its engine names by display
   * names.
   */
  public static ScopeName of(String display) {
    return new ScopeName(display, null, null, null);
  }

  /** A test method, or one run of it ({@code invocation} empty when it runs once). */
  public static ScopeName method(String className, String method, String invocation) {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(invocation, "invocation");
    return new ScopeName(display(className, method, invocation), className, method, invocation);
  }

  /**
   * A test method as the JUnit Platform names it, {@code a.B.c(String, int[])}, whichever runner
   * runs it: each runner gives its parameter types in its own form (binary or qualified names,
   * {@code java.lang.String}, {@code a.B$Inner[]}), all shown by their simple names.
   *
   * @param invocation which run of it, or empty when it runs once
   */
  public static ScopeName method(
      String className, String methodName, List<String> parameterTypes, String invocation) {
    StringJoiner parameters = new StringJoiner(", ", methodName + "(", ")");
    for (String type : parameterTypes) {
      String trimmed = type.trim();
      if (!trimmed.isEmpty()) {
        parameters.add(
            trimmed.substring(Math.max(trimmed.lastIndexOf('.'), trimmed.lastIndexOf('$')) + 1));
      }
    }
    return method(className, parameters.toString(), invocation);
  }

  /**
   * A test class outside its test methods, whichever runner checks it: {@code class demo.FooTest
   * (outside its test methods)}.
   */
  public static ScopeName testClass(String className) {
    return new ScopeName(display(className, null, null), className, null, null);
  }

  /** Whether it names a test method (or a run of one), not a class or a name only shown. */
  public boolean isMethod() {
    return method != null;
  }

  private static String display(String className, String method, String invocation) {
    return method == null
        ? "class " + className + " (outside its test methods)"
        : className + "." + method + invocation;
  }

  @Override
  public String toString() {
    return display;
  }
}
