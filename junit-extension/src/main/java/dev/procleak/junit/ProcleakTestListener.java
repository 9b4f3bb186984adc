package dev.procleak.junit;

import dev.procleak.core.model.ScopeKind;
import dev.procleak.core.model.ScopeName;
import dev.procleak.core.session.JvmSession;
import dev.procleak.core.session.TestRuns;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
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
 * never an engine's API: it translates the Platform's events onto procleak's {@link TestRuns}, each
 * test named by its unique id.
 */
public final class ProcleakTestListener implements TestExecutionListener {
  /** What {@link TestRuns#scopedBy} records for this listener. */
  public static final String RUNNER = TestRuns.JUNIT_PLATFORM;

  private volatile TestPlan plan;

  /** This JVM's runs, where this listener makes every test a scope; else null. */
  private volatile TestRuns runs;

  @Override
  public void testPlanExecutionStarted(TestPlan testPlan) {
    plan = testPlan;
    JunitArming.startForExecution();
    runs =
        JvmSession.current()
            .map(JvmSession::runs)
            .filter(known -> known.checksEveryTestOf(RUNNER))
            .orElse(null);
  }

  @Override
  public void executionStarted(TestIdentifier test) {
    TestRuns known = runs;
    ScopeName name = known == null ? null : scope(test);
    if (name != null) {
      known.began(
          test.getUniqueId(),
          test.isTest() ? ScopeKind.TEST : ScopeKind.CLASS,
          () -> name,
          test.getParentId().orElse(null));
    }
  }

  @Override
  public void executionFinished(TestIdentifier test, TestExecutionResult result) {
    TestRuns known = runs;
    if (known == null || known.isEmpty()) {
      return; // the common case without procleak:prepare; spares formatting the unique id
    }
    known.ended(test.getUniqueId()); // unless @DetectProcessLeaks ended it, and failed the test
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
            ScopeName.method(
                method.getClassName(),
                method.getMethodName(),
                List.of(method.getMethodParameterTypes().split(",")),
                "");
        return TestNames.invocation(name, test.getUniqueId(), test.getDisplayName());
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
