package dev.procleak.agent.testng;

import dev.procleak.agent.Runners;
import dev.procleak.core.model.ScopeKind;
import dev.procleak.core.model.ScopeName;
import dev.procleak.core.session.TestRuns;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.testng.IInvokedMethod;
import org.testng.IInvokedMethodListener;
import org.testng.ITestNGMethod;
import org.testng.ITestResult;

/**
 * Makes each invocation of a TestNG test method a scope, on the thread TestNG invokes it on (also
 * with {@code parallel="methods"}): TestNG loads it through {@code ServiceLoader} from this jar,
 * which only {@code procleak:prepare} puts on the test class path. Configuration methods
 * ({@code @BeforeClass} and the like) are no test: what they leak falls to the whole JVM. Compiled
 * against TestNG 7.5.1; newer API is looked up reflectively. Never throws into TestNG.
 */
public final class ProcleakTestNgListener implements IInvokedMethodListener {
  static final String RUNNER = "TestNG";

  /** {@code ITestResult.getParameterIndex()}, where this TestNG has it (not in 7.5.1). */
  private static final Method PARAMETER_INDEX = parameterIndex();

  /** Counts a data-driven method's invocations where TestNG does not number them. */
  private static final Map<ITestNGMethod, Integer> INVOCATIONS =
      Collections.synchronizedMap(new IdentityHashMap<>());

  @Override
  public void beforeInvocation(IInvokedMethod method, ITestResult result) {
    try {
      if (!method.isTestMethod()) {
        return;
      }
      TestRuns runs = Runners.scoping(RUNNER);
      if (runs != null) {
        ScopeName name = name(result);
        // One result per invocation, the same object before and after it (its equals is its own).
        runs.began(TestRuns.byIdentity(result), ScopeKind.TEST, () -> name, null);
      }
    } catch (Throwable e) {
      Runners.cannotHook(RUNNER, e);
    }
  }

  @Override
  public void afterInvocation(IInvokedMethod method, ITestResult result) {
    try {
      TestRuns runs = Runners.running();
      if (runs != null) {
        runs.ended(TestRuns.byIdentity(result));
      }
    } catch (Throwable e) {
      Runners.cannotHook(RUNNER, e);
    }
  }

  /**
   * As the JUnit Platform names a method: {@code demo.FooTest.bar(String)}, and for one invocation
   * of a data provider its number from 1, {@code demo.FooTest.bar(String)[2]}. Taken before the
   * invocation: the number must be this invocation's, whichever ends first.
   */
  static ScopeName name(ITestResult result) {
    ITestNGMethod test = result.getMethod();
    List<String> parameters = new ArrayList<>();
    for (Class<?> type : test.getConstructorOrMethod().getMethod().getParameterTypes()) {
      parameters.add(type.getTypeName());
    }
    return ScopeName.method(
        test.getRealClass().getName(),
        test.getMethodName(),
        parameters,
        test.isDataDriven() ? "[" + invocation(result) + "]" : "");
  }

  private static int invocation(ITestResult result) {
    if (PARAMETER_INDEX != null) {
      try {
        return (Integer) PARAMETER_INDEX.invoke(result) + 1;
      } catch (ReflectiveOperationException | RuntimeException e) {
        // Counted below instead.
      }
    }
    return INVOCATIONS.merge(result.getMethod(), 1, Integer::sum);
  }

  private static Method parameterIndex() {
    try {
      return ITestResult.class.getMethod("getParameterIndex");
    } catch (NoSuchMethodException e) {
      return null;
    }
  }
}
