package dev.procleak.junit;

import dev.procleak.core.leak.CheckedScope;
import dev.procleak.core.model.ScopeKind;
import dev.procleak.core.model.ScopeName;
import dev.procleak.core.session.JvmSession;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Arms the JVM when tests start to execute, and, when {@code procleak:prepare} armed it, makes
 * every test and test class of any JUnit Platform engine a scope without any annotation: the leaks
 * land in the JVM's report and {@code procleak:check} fails the build. Uses the Platform only,
 * never an engine's API.
 */
public final class ProcleakTestListener implements TestExecutionListener {
  /** What {@link JvmSession#scopedBy} records for this listener. */
  public static final String RUNNER = JvmSession.JUNIT_PLATFORM;

  /** The running scopes by unique id; the extension nests its own scope of a test inside. */
  private static final Map<String, CheckedScope> RUNNING = new ConcurrentHashMap<>();

  private volatile TestPlan plan;

  static CheckedScope scopeOf(String uniqueId) {
    return RUNNING.get(uniqueId);
  }

  /** Whether any test is checked by this listener now; cheaper than a unique id. */
  static boolean checksAnyTest() {
    return !RUNNING.isEmpty();
  }

  @Override
  public void testPlanExecutionStarted(TestPlan testPlan) {
    plan = testPlan;
    Sessions.startForExecution();
    session().ifPresent(s -> s.scopedBy(RUNNER));
  }

  @Override
  public void executionStarted(TestIdentifier test) {
    Optional<JvmSession> session = session();
    ScopeName name = session.isPresent() ? scope(test) : null;
    if (name != null) {
      CheckedScope parent = test.getParentId().map(RUNNING::get).orElse(null);
      RUNNING.put(test.getUniqueId(), session.get().open(kind(test), () -> name, parent));
    }
  }

  @Override
  public void executionFinished(TestIdentifier test, TestExecutionResult result) {
    if (RUNNING.isEmpty()) {
      return; // the common case without procleak:prepare; spares formatting the unique id
    }
    CheckedScope scope = RUNNING.remove(test.getUniqueId());
    if (scope != null
        && scope.isActive()) { // else @DetectProcessLeaks ended it, and failed the test
      session().ifPresent(s -> s.end(scope, s.config()));
    }
  }

  private static Optional<JvmSession> session() {
    return JvmSession.current().filter(JvmSession::checksEveryTest);
  }

  private static ScopeKind kind(TestIdentifier test) {
    return test.isTest() ? ScopeKind.TEST : ScopeKind.CLASS;
  }

  /**
   * A test's name as its engine gives it: {@code Class.method(int)} for a method (Jupiter, vintage,
   * jqwik), with the invocation for one of many runs; else the display names from its engine down
   * (a Cucumber scenario: {@code Feature: x › Scenario: y}). A class is a scope of its own; other
   * containers are not.
   */
  private ScopeName scope(TestIdentifier test) {
    TestSource source = test.getSource().orElse(null);
    if (test.isTest() && source instanceof MethodSource) {
      MethodSource method = (MethodSource) source;
      if (!method.getMethodName().startsWith("$")) {
        ScopeName name =
            Scopes.methodOfSource(
                method.getClassName(), method.getMethodName(), method.getMethodParameterTypes());
        return Scopes.invocation(name, test.getUniqueId(), test.getDisplayName());
      }
    }
    if (!test.isTest()) {
      return source instanceof ClassSource
          ? ScopeName.testClass(((ClassSource) source).getClassName())
          : null;
    }
    return ScopeName.of(displayPath(test));
  }

  /** Spock's feature methods, Cucumber's scenarios: named by what the engine displays. */
  private String displayPath(TestIdentifier test) {
    TestPlan known = plan;
    Deque<String> names = new ArrayDeque<>();
    names.push(test.getDisplayName());
    for (TestIdentifier parent = known == null ? null : known.getParent(test).orElse(null);
        parent != null && parent.getParentId().isPresent();
        parent = known.getParent(parent).orElse(null)) {
      names.push(
          parent.getSource().orElse(null) instanceof ClassSource
              ? ((ClassSource) parent.getSource().get()).getClassName()
              : parent.getDisplayName());
    }
    return String.join(" › ", names);
  }
}
