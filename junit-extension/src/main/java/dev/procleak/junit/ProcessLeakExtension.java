package dev.procleak.junit;

import dev.procleak.core.config.Action;
import dev.procleak.core.config.InvalidConfigurationException;
import dev.procleak.core.config.ProcleakConfig;
import dev.procleak.core.model.Leak;
import dev.procleak.core.model.ScopeKind;
import dev.procleak.core.model.ScopeName;
import dev.procleak.core.report.LeakMessage;
import dev.procleak.core.session.JvmSession;
import dev.procleak.core.session.TestRuns;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.DynamicTestInvocationContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.TestInstanceFactoryContext;
import org.junit.jupiter.api.extension.TestInstancePreConstructCallback;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * procleak's JUnit Jupiter extension: each test class, each run of a test method (every repetition,
 * every parameterized invocation) and each dynamic test is a scope that fails when it leaves
 * processes behind.
 *
 * <p>Use {@link DetectProcessLeaks} rather than this class. It is public only so that JUnit's
 * extension autodetection ({@code junit.jupiter.extensions.autodetection.enabled=true}) can load it
 * from {@code META-INF/services} and check every test class without any annotation.
 */
public final class ProcessLeakExtension
    implements BeforeAllCallback,
        AfterAllCallback,
        BeforeEachCallback,
        AfterEachCallback,
        TestInstancePreConstructCallback,
        InvocationInterceptor {
  /** What {@link TestRuns#scopedBy} records for this extension. */
  static final String RUNNER = "JUnit Jupiter (procleak's extension)";

  private static final Map<AnnotatedElement, List<Pattern>> ANNOTATED_IGNORES =
      new ConcurrentHashMap<>();
  static final String SWITCHES =
      "To report without failing set "
          + ProcleakConfig.ACTION
          + "=warn; to keep leaked processes for debugging set "
          + ProcleakConfig.CLEANUP
          + "=false.";

  /** Loaded by JUnit: through {@link DetectProcessLeaks}, or by extension autodetection. */
  public ProcessLeakExtension() {}

  @Override
  public void preConstructTestInstance(
      TestInstanceFactoryContext factoryContext, ExtensionContext context) {
    // With one instance per class, the instance (and the static initializer) comes before
    // beforeAll: the class's scope begins here so that both count as the class's.
    if (context.getTestInstanceLifecycle().orElse(null) == Lifecycle.PER_CLASS
        && context.getTestMethod().isEmpty()) {
      beginClass(context);
    }
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    beginClass(context);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    end(context);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    begin(context, ScopeKind.TEST, () -> invocationName(context));
  }

  @Override
  public void afterEach(ExtensionContext context) {
    end(context);
  }

  /** Dynamic tests have no beforeEach or afterEach of their own: each is a scope here. */
  @Override
  public void interceptDynamicTest(
      Invocation<Void> invocation,
      DynamicTestInvocationContext invocationContext,
      ExtensionContext context)
      throws Throwable {
    begin(context, ScopeKind.TEST, () -> invocationName(context));
    try {
      invocation.proceed();
    } catch (Throwable failure) {
      try {
        end(context);
      } catch (Throwable leak) {
        failure.addSuppressed(leak);
      }
      throw failure;
    }
    end(context);
  }

  private static void beginClass(ExtensionContext context) {
    begin(
        context,
        ScopeKind.CLASS,
        () -> ScopeName.testClass(context.getRequiredTestClass().getName()));
  }

  /**
   * Tells procleak's {@link TestRuns} that the context's test or class began, named by its unique
   * id: where procleak:prepare's Platform listener began the same test or class already, that scope
   * is this one (two scopes of one test, side by side with the other's class, would leave an orphan
   * of the test to the class, as one of several that might have started it); registered twice (the
   * annotation and autodetection), one scope is enough.
   */
  private static void begin(ExtensionContext context, ScopeKind kind, Supplier<ScopeName> name) {
    ProcleakConfig config = withAnnotatedIgnores(Configuration.of(context), context);
    TestRuns runs = JunitArming.start(config).runs();
    runs.scopedBy(RUNNER);
    runs.began(context.getUniqueId(), kind, name, parentOf(context, runs), config);
  }

  private static void end(ExtensionContext context) {
    TestRuns runs = JvmSession.current().map(JvmSession::runs).orElse(null);
    List<Leak> leaks = runs == null ? List.of() : runs.ended(context.getUniqueId());
    if (leaks.isEmpty()) {
      return;
    }
    String message = LeakMessage.format(leaks, SWITCHES);
    if (Configuration.of(context).action() == Action.FAIL) {
      throw new ProcessLeakError(message);
    }
    System.err.println(message);
    context.publishReportEntry("procleak", message);
  }

  /** The nearest enclosing context (method, class, outer class) whose scope runs, or null. */
  private static String parentOf(ExtensionContext context, TestRuns runs) {
    for (ExtensionContext outer = context.getParent().orElse(null);
        outer != null;
        outer = outer.getParent().orElse(null)) {
      if (runs.isRunning(outer.getUniqueId())) {
        return outer.getUniqueId();
      }
    }
    return null;
  }

  /** {@code Class.method(int)}, with the invocation for templates and dynamic tests. */
  private static ScopeName invocationName(ExtensionContext context) {
    ExtensionContext methodContext = methodContext(context).orElse(context);
    ScopeName method =
        TestNames.method(
            methodContext.getRequiredTestClass(), methodContext.getRequiredTestMethod());
    // Only a run of a template or a dynamic test sits below a method-level context.
    boolean oneOfMany =
        methodContext != context
            || context.getParent().flatMap(ProcessLeakExtension::methodContext).isPresent();
    return oneOfMany
        ? TestNames.invocation(method, context.getUniqueId(), context.getDisplayName())
        : method;
  }

  /** The context that knows the test method: a dynamic test's own context may not. */
  private static Optional<ExtensionContext> methodContext(ExtensionContext context) {
    for (ExtensionContext current = context;
        current != null;
        current = current.getParent().orElse(null)) {
      if (current.getTestMethod().isPresent()) {
        return Optional.of(current);
      }
    }
    return Optional.empty();
  }

  /** Adds the {@code ignore} of every annotation on the method, its class and enclosing classes. */
  private static ProcleakConfig withAnnotatedIgnores(
      ProcleakConfig config, ExtensionContext context) {
    List<AnnotatedElement> elements = new ArrayList<>();
    methodContext(context).flatMap(ExtensionContext::getTestMethod).ifPresent(elements::add);
    for (Class<?> type = context.getTestClass().orElse(null);
        type != null;
        type = type.getEnclosingClass()) {
      elements.add(type);
    }
    List<Pattern> ignore = new ArrayList<>(config.ignore());
    for (AnnotatedElement element : elements) {
      ignore.addAll(
          ANNOTATED_IGNORES.computeIfAbsent(element, ProcessLeakExtension::annotatedIgnores));
    }
    if (ignore.size() == config.ignore().size()) {
      return config;
    }
    return config.withIgnore(ignore);
  }

  /**
   * The compiled {@code ignore} of the annotation on one method or class; read once per element.
   */
  private static List<Pattern> annotatedIgnores(AnnotatedElement element) {
    Optional<DetectProcessLeaks> annotation =
        AnnotationSupport.findAnnotation(element, DetectProcessLeaks.class);
    if (annotation.isEmpty() || annotation.get().ignore().length == 0) {
      return List.of();
    }
    List<Pattern> patterns = new ArrayList<>();
    for (String regex : annotation.get().ignore()) {
      patterns.add(compile(regex, element));
    }
    return List.copyOf(patterns);
  }

  private static Pattern compile(String regex, AnnotatedElement element) {
    try {
      return Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      String where =
          element instanceof Method
              ? ((Method) element).getDeclaringClass().getName()
                  + "."
                  + ((Method) element).getName()
                  + "()"
              : ((Class<?>) element).getName();
      throw new InvalidConfigurationException(
          "@DetectProcessLeaks(ignore) on " + where,
          regex,
          "a regular expression (" + e.getDescription() + ")");
    }
  }
}
