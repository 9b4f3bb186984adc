package dev.procleak.junit;

import dev.procleak.core.leak.ScopeKind;
import dev.procleak.core.scan.ProcessTable;
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

/**
 * When {@code procleak:prepare} armed the JVM, makes every test and test class a scope without
 * any annotation; the leaks land in the JVM's report and {@code procleak:check} fails the build.
 */
public final class ProcleakTestListener implements TestExecutionListener {
  private final Map<String, ProcessTable> baselines = new ConcurrentHashMap<>();

  @Override
  public void executionStarted(TestIdentifier test) {
    session().filter(s -> scope(test) != null).ifPresent(s -> baselines.put(test.getUniqueId(), s.begin()));
  }

  @Override
  public void executionFinished(TestIdentifier test, TestExecutionResult result) {
    ProcessTable baseline = baselines.remove(test.getUniqueId());
    if (baseline != null) {
      session().ifPresent(s -> s.end(baseline, kind(test), scope(test), s.config()));
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
      return Scopes.method(method.getClassName(), method.getMethodName(), method.getMethodParameterTypes());
    }
    if (source instanceof ClassSource) {
      return Scopes.testClass(((ClassSource) source).getClassName());
    }
    return null;
  }
}
