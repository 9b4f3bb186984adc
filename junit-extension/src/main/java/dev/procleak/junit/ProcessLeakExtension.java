package dev.procleak.junit;

import dev.procleak.core.config.Action;
import dev.procleak.core.config.ProcleakConfig;
import dev.procleak.core.leak.Leak;
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
  private static final String BASELINE = "baseline";
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
    end(context, "class " + context.getRequiredTestClass().getName() + " (outside its test methods)");
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    begin(context);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    end(context, Scopes.method(context.getRequiredTestClass(), context.getRequiredTestMethod()));
  }

  private static void begin(ExtensionContext context) {
    ProcleakConfig config = Configuration.of(context);
    context.getStore(NAMESPACE).put(BASELINE, Sessions.start(config).begin());
  }

  private static void end(ExtensionContext context, String scope) {
    ProcessTable baseline = context.getStore(NAMESPACE).remove(BASELINE, ProcessTable.class);
    if (baseline == null) {
      return;
    }
    ProcleakConfig config = Configuration.of(context);
    List<Leak> leaks = Sessions.start(config).end(baseline, scope, config);
    if (leaks.isEmpty()) {
      return;
    }
    String message = LeakMessage.format(scope, leaks, SWITCHES);
    if (config.action() == Action.FAIL) {
      throw new ProcessLeakError(message);
    }
    System.err.println(message);
    context.publishReportEntry("procleak", message);
  }
}
