package dev.procleak.junit;

import dev.procleak.core.model.ScopeName;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** How a scope is named in messages and reports. */
final class TestNames {
  /** Unique id segments of one run of a test template or one dynamic test: {@code #3}. */
  private static final Set<String> INVOCATIONS =
      Set.of("test-template-invocation", "dynamic-test", "dynamic-container");

  private TestNames() {}

  /** {@code Class.method(int)}, as the Platform's listener names the same method. */
  static ScopeName method(Class<?> testClass, Method method) {
    List<String> parameters = new ArrayList<>();
    for (Class<?> type : method.getParameterTypes()) {
      parameters.add(type.getTypeName());
    }
    return ScopeName.method(testClass.getName(), method.getName(), parameters, "");
  }

  /**
   * One run of a method: {@code Class.method(int)[3] "value=3"} for the third invocation of a
   * parameterized test, {@code Class.factory()[1][2] "name"} for the second dynamic test of the
   * first dynamic container; the method's plain name when it runs only once. A display name JUnit
   * quoted itself (JUnit 6 quotes string arguments) is not quoted again.
   */
  static ScopeName invocation(ScopeName method, String uniqueId, String displayName) {
    StringBuilder indexes = new StringBuilder();
    String last = null;
    // Segments are "[type:value]" joined by "/"; JUnit encodes '/', '[' and ']' in values.
    for (int open = uniqueId.indexOf('['); open >= 0; open = uniqueId.indexOf('[', open + 1)) {
      int colon = uniqueId.indexOf(':', open);
      int close = uniqueId.indexOf(']', open);
      if (colon < 0 || close < colon) {
        break;
      }
      if (INVOCATIONS.contains(uniqueId.substring(open + 1, colon))) {
        String value = uniqueId.substring(colon + 1, close);
        last = value.startsWith("#") ? value.substring(1) : value;
        indexes.append('[').append(last).append(']');
      }
    }
    if (last == null) {
      return method;
    }
    // Parameterized tests show "[3] value=3" by default: the index is already there.
    String shown =
        displayName.startsWith("[" + last + "] ")
            ? displayName.substring(last.length() + 3)
            : displayName;
    // JUnit 6 quotes string arguments itself: "[2] \"abc\"".
    boolean quoted = shown.length() >= 2 && shown.startsWith("\"") && shown.endsWith("\"");
    return ScopeName.method(
        method.className(),
        method.method(),
        indexes + " " + (quoted ? shown : "\"" + shown + "\""));
  }
}
