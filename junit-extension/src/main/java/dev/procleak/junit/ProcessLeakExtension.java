package dev.procleak.junit;

import dev.procleak.core.config.Action;
import dev.procleak.core.config.ProcleakConfig;
import dev.procleak.core.leak.Leak;
import dev.procleak.core.leak.ScopeKind;
import dev.procleak.core.report.LeakMessage;
import dev.procleak.core.scan.ProcessTable;
import dev.procleak.core.session.JvmSession;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;

/** Checks each test method, and each class, annotated with {@link DetectProcessLeaks}. */
class ProcessLeakExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
  private static final Namespace NAMESPACE = Namespace.create(ProcessLeakExtension.class);
  private static final String SCOPE = "scope";
  static final String SWITCHES =
      "To report without failing set "
          + ProcleakConfig.ACTION
          + "=warn; to keep leaked processes for debugging set "
          + ProcleakConfig.CLEANUP
          + "=false.";

  @Override
  public void beforeAll(ExtensionContext context) {
    begin(context);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    end(context, ScopeKind.CLASS, Scopes.testClass(context.getRequiredTestClass().getName()));
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    begin(context);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    end(context, ScopeKind.TEST, Scopes.method(context.getRequiredTestClass(), context.getRequiredTestMethod()));
  }

  /** What a scope needs at its end, read once at its beginning. */
  private record Scope(JvmSession session, ProcleakConfig config, ProcessTable baseline) {}

  private static void begin(ExtensionContext context) {
    ProcleakConfig config = Configuration.of(context);
    JvmSession session = Sessions.start(config);
    context.getStore(NAMESPACE).put(SCOPE, new Scope(session, config, session.begin()));
  }

  private static void end(ExtensionContext context, ScopeKind kind, String scope) {
    Scope started = context.getStore(NAMESPACE).remove(SCOPE, Scope.class);
    if (started == null) {
      return;
    }
    ProcleakConfig config = started.config();
    List<Leak> leaks = started.session().end(started.baseline(), kind, scope, config);
    if (leaks.isEmpty()) {
      return;
    }
    String message = LeakMessage.format(leaks, SWITCHES);
    if (config.action() == Action.FAIL) {
      throw new ProcessLeakError(message);
    }
    System.err.println(message);
    context.publishReportEntry("procleak", message);
  }
}
