package dev.procleak.junit;

import java.lang.reflect.Method;
import java.util.StringJoiner;

/** How a scope is named in messages and reports. */
final class Scopes {
  private Scopes() {}

  static String method(Class<?> testClass, Method method) {
    return method(testClass.getName(), method.getName(), parameterNames(method));
  }

  static String method(String className, String methodName, String parameters) {
    return className + "." + methodName + "(" + parameters + ")";
  }

  static String testClass(String className) {
    return "class " + className + " (outside its test methods)";
  }

  private static String parameterNames(Method method) {
    StringJoiner names = new StringJoiner(", ");
    for (Class<?> type : method.getParameterTypes()) {
      names.add(type.getSimpleName());
    }
    return names.toString();
  }
}
