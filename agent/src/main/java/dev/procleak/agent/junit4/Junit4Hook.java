package dev.procleak.agent.junit4;

import dev.procleak.agent.Runners;
import dev.procleak.core.leak.CheckedScope;
import dev.procleak.core.leak.ScopeKind;
import dev.procleak.core.session.JvmSession;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Called by JUnit 4's rewritten {@code RunNotifier} (see {@link RunNotifierRewrite}): each test
 * it announces is a scope, opened on the test's own thread once its start is told and ended when
 * its end is. Public because the rewritten class, in JUnit's package, calls it; never throws into
 * JUnit.
 */
public final class Junit4Hook {
  static final String RUNNER = "JUnit 4";

  /** What the rewritten notifier calls; replaced in tests, which have no session. */
  interface Scopes {
    void started(Object description);

    void finished(Object description);
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

  /**
   * How reports name a JUnit 4 test, as the JUnit Platform names a method: {@code
   * demo.FooTest.bar()}. JUnit 4 test methods take no parameters; a {@code Parameterized} run
   * names its methods {@code bar[0]} (or after its {@code name} pattern, {@code bar[x=3]}), kept
   * after the parentheses: {@code demo.FooTest.bar()[0]}, as the Platform puts an invocation's
   * index. A description without a method (a runner's own) is named by its display name.
   */
  static String name(Object description) throws ReflectiveOperationException {
    Accessors accessors = ACCESSORS.get(description.getClass());
    String className = (String) accessors.className.invoke(description);
    String method = (String) accessors.methodName.invoke(description);
    if (method == null || className == null) {
      return (String) accessors.displayName.invoke(description);
    }
    int invocation = method.indexOf('[');
    return invocation < 0
        ? className + "." + method + "()"
        : className + "." + method.substring(0, invocation) + "()" + method.substring(invocation);
  }

  /** Description's getters, looked up once per class: JUnit may be loaded more than once. */
  private static final ClassValue<Accessors> ACCESSORS = new ClassValue<>() {
    @Override
    protected Accessors computeValue(Class<?> type) {
      try {
        return new Accessors(type.getMethod("getClassName"), type.getMethod("getMethodName"), type.getMethod("getDisplayName"));
      } catch (NoSuchMethodException e) {
        throw new IllegalStateException("not a JUnit 4 Description: " + type, e);
      }
    }
  };

  private static final class Accessors {
    final Method className;
    final Method methodName;
    final Method displayName;

    Accessors(Method className, Method methodName, Method displayName) {
      this.className = className;
      this.methodName = methodName;
      this.displayName = displayName;
    }
  }

  /** The scopes of the JVM's session, when the build armed it to check every test. */
  private static final class SessionScopes implements Scopes {
    /**
     * Running tests by description and thread: a JUnit 3 test run by JUnit 4 gets an equal but
     * new Description at its end, and with {@code parallel=methods} equal descriptions may run on
     * two threads at once.
     */
    private final Map<Running, CheckedScope> running = new ConcurrentHashMap<>();

    @Override
    public void started(Object description) {
      Optional<JvmSession> session = Runners.scoping(RUNNER);
      if (session.isPresent()) {
        running.put(new Running(description, Thread.currentThread()), session.get().open(ScopeKind.TEST, () -> {
          try {
            return name(description);
          } catch (ReflectiveOperationException | RuntimeException e) {
            return String.valueOf(description);
          }
        }, null));
      }
    }

    @Override
    public void finished(Object description) {
      if (running.isEmpty()) {
        return; // every test ended already, or none was checked: spares Description.hashCode
      }
      CheckedScope onThisThread = running.remove(new Running(description, Thread.currentThread()));
      CheckedScope scope = onThisThread != null ? onThisThread : endedOnAnotherThread(description);
      if (scope != null) {
        JvmSession.current().ifPresent(session -> session.end(scope, session.config()));
      }
    }

    /** A runner that tells a test's end on another thread than its start (none known does). */
    private CheckedScope endedOnAnotherThread(Object description) {
      for (Running test : running.keySet()) {
        if (test.description.equals(description)) {
          CheckedScope scope = running.remove(test);
          if (scope != null) {
            return scope;
          }
        }
      }
      return null;
    }
  }

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
