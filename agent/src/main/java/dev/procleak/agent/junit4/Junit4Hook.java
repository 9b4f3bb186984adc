package dev.procleak.agent.junit4;

import dev.procleak.agent.Runners;
import dev.procleak.core.model.ScopeKind;
import dev.procleak.core.model.ScopeName;
import dev.procleak.core.session.TestRuns;
import java.lang.reflect.Method;
import java.util.List;

/**
 * Called by JUnit 4's rewritten {@code RunNotifier} (see {@link RunNotifierRewrite}): each test it
 * announces is a scope, opened on the test's own thread once its start is told and ended when its
 * end is; on JUnit 4.13 and later each test class is one too, around its tests. Public because the
 * rewritten class, in JUnit's package, calls it; never throws into JUnit.
 */
public final class Junit4Hook {
  static final String RUNNER = "JUnit 4";

  /** What the rewritten notifier calls; replaced in tests, which have no session. */
  interface Scopes {
    void started(Object description);

    void finished(Object description);

    void suiteStarted(Object description) throws ReflectiveOperationException;

    void suiteFinished(Object description) throws ReflectiveOperationException;
  }

  static volatile Scopes scopes = new SessionScopes();

  private Junit4Hook() {}

  public static void testStarted(Object description) {
    try {
      scopes.started(description);
    } catch (Throwable e) {
      Runners.cannotHook(RUNNER, e);
    }
  }

  public static void testFinished(Object description) {
    try {
      scopes.finished(description);
    } catch (Throwable e) {
      Runners.cannotHook(RUNNER, e);
    }
  }

  /** JUnit 4.13 and later: a runner starts, a test class's among them. */
  public static void suiteStarted(Object description) {
    try {
      scopes.suiteStarted(description);
    } catch (Throwable e) {
      Runners.cannotHook(RUNNER, e);
    }
  }

  public static void suiteFinished(Object description) {
    try {
      scopes.suiteFinished(description);
    } catch (Throwable e) {
      Runners.cannotHook(RUNNER, e);
    }
  }

  /**
   * The test class a runner's description stands for, or null: a {@code Parameterized} run's inner
   * runners ({@code [0]}) and suites named by a string ({@code JUnitCore}'s "classes") stand for
   * none. A class runner's description holds its class, so no class is looked up by name but for
   * those few.
   */
  static String testClass(Object description) throws ReflectiveOperationException {
    Accessors accessors = ACCESSORS.get(description.getClass());
    if (accessors.methodName.invoke(description) != null) {
      return null;
    }
    Object type = accessors.testClass.invoke(description);
    return type instanceof Class ? ((Class<?>) type).getName() : null;
  }

  /**
   * How reports name a JUnit 4 test, as the JUnit Platform names a method: {@code
   * demo.FooTest.bar()}. JUnit 4 test methods take no parameters; a {@code Parameterized} run names
   * its methods {@code bar[0]} (or after its {@code name} pattern, {@code bar[x=3]}), kept after
   * the parentheses: {@code demo.FooTest.bar()[0]}, as the Platform puts an invocation's index. A
   * description without a method (a runner's own) is named by its display name.
   */
  static ScopeName name(Object description) throws ReflectiveOperationException {
    Accessors accessors = ACCESSORS.get(description.getClass());
    String className = (String) accessors.className.invoke(description);
    String method = (String) accessors.methodName.invoke(description);
    if (method == null || className == null) {
      return ScopeName.of((String) accessors.displayName.invoke(description));
    }
    int invocation = method.indexOf('[');
    return invocation < 0
        ? ScopeName.method(className, method, List.of(), "")
        : ScopeName.method(
            className, method.substring(0, invocation), List.of(), method.substring(invocation));
  }

  /** Description's getters, looked up once per class: JUnit may be loaded more than once. */
  private static final ClassValue<Accessors> ACCESSORS =
      new ClassValue<>() {
        @Override
        protected Accessors computeValue(Class<?> type) {
          try {
            return new Accessors(
                type.getMethod("getClassName"),
                type.getMethod("getMethodName"),
                type.getMethod("getDisplayName"),
                type.getMethod("getTestClass"));
          } catch (NoSuchMethodException e) {
            throw new IllegalStateException("not a JUnit 4 Description: " + type, e);
          }
        }
      };

  private static final class Accessors {
    final Method className;
    final Method methodName;
    final Method displayName;
    final Method testClass;

    Accessors(Method className, Method methodName, Method displayName, Method testClass) {
      this.className = className;
      this.methodName = methodName;
      this.displayName = displayName;
      this.testClass = testClass;
    }
  }

  /**
   * The JVM's {@link TestRuns}, when the build armed it to check every test: each test is named by
   * its description on its thread (a JUnit 3 test run by JUnit 4 gets an equal but new Description
   * at its end, and with {@code parallel=methods} equal descriptions may run on two threads at
   * once), each class by its name, so that it is its tests' parent also when they run on other
   * threads.
   */
  private static final class SessionScopes implements Scopes {
    @Override
    public void started(Object description) {
      TestRuns runs = Runners.scoping(RUNNER);
      if (runs != null) {
        runs.began(
            new Running(description, Thread.currentThread()),
            ScopeKind.TEST,
            () -> {
              try {
                return name(description);
              } catch (ReflectiveOperationException | RuntimeException e) {
                return ScopeName.of(String.valueOf(description));
              }
            },
            new TestClass(className(description)));
      }
    }

    @Override
    public void suiteStarted(Object description) throws ReflectiveOperationException {
      TestRuns runs = Runners.scoping(RUNNER);
      String testClass = runs == null ? null : testClass(description);
      if (testClass != null) {
        runs.began(
            new TestClass(testClass), ScopeKind.CLASS, () -> ScopeName.testClass(testClass), null);
      }
    }

    @Override
    public void suiteFinished(Object description) throws ReflectiveOperationException {
      TestRuns runs = Runners.running();
      String testClass = runs == null ? null : testClass(description);
      if (testClass != null) {
        runs.ended(new TestClass(testClass));
      }
    }

    @Override
    public void finished(Object description) {
      TestRuns runs = Runners.running();
      if (runs != null) {
        runs.ended(new Running(description, Thread.currentThread()));
      }
    }

    private static String className(Object description) {
      try {
        return (String) ACCESSORS.get(description.getClass()).className.invoke(description);
      } catch (ReflectiveOperationException e) {
        return null;
      }
    }
  }

  /** A test class's own scope, around its tests. */
  private record TestClass(String name) {}

  /** A test, by its description on the thread it runs on. */
  private static final class Running {
    final Object description;
    final Thread thread;

    Running(Object description, Thread thread) {
      this.description = description;
      this.thread = thread;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Running
          && ((Running) other).thread == thread
          && ((Running) other).description.equals(description);
    }

    @Override
    public int hashCode() {
      return 31 * description.hashCode() + System.identityHashCode(thread);
    }
  }
}
