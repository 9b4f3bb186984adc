package dev.procleak.junit;

import dev.procleak.core.leak.CheckedScope;
import dev.procleak.core.leak.ScopeKind;
import dev.procleak.core.session.JvmSession;
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
 * When {@code procleak:prepare} armed the JVM, makes every test and test class a scope without
 * any annotation; the leaks land in the JVM's report and {@code procleak:check} fails the build.
 */
public final class ProcleakTestListener implements TestExecutionListener {
  /** The running scopes by unique id; the extension nests its own scope of a test inside. */
  private static final Map<String, CheckedScope> RUNNING = new ConcurrentHashMap<>();

  static CheckedScope scopeOf(String uniqueId) {
    return RUNNING.get(uniqueId);
  }

  /** Whether any test is checked by this listener now; cheaper than a unique id. */
  static boolean checksAnyTest() {
    return !RUNNING.isEmpty();
  }

  /** Said before any engine runs: procleak's JUnit 4 hook then leaves Vintage's tests to this listener. */
  @Override
  public void testPlanExecutionStarted(TestPlan testPlan) {
    session().ifPresent(s -> s.scopedBy("JUnit Platform"));
  }

  @Override
  public void executionStarted(TestIdentifier test) {
    Optional<JvmSession> session = session();
    String name = session.isPresent() ? scope(test) : null;
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
    if (scope != null) {
      session().ifPresent(s -> s.end(scope, s.config()));
    }
  }

  private static Optional<JvmSession> session() {
    return JvmSession.current().filter(JvmSession::checksEveryTest);
  }

  private static ScopeKind kind(TestIdentifier test) {
    return test.getSource().orElse(null) instanceof ClassSource ? ScopeKind.CLASS : ScopeKind.TEST;
  }

  private static String scope(TestIdentifier test) {
    TestSource source = test.getSource().orElse(null);
    if (test.isTest() && source instanceof MethodSource) {
      MethodSource method = (MethodSource) source;
      String name = Scopes.methodOfSource(method.getClassName(), method.getMethodName(), method.getMethodParameterTypes());
      return Scopes.invocation(name, test.getUniqueId(), test.getDisplayName());
    }
    if (source instanceof ClassSource) {
      return Scopes.testClass(((ClassSource) source).getClassName());
    }
    return null;
  }
}
