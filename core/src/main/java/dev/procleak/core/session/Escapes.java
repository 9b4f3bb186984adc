package dev.procleak.core.session;

import dev.procleak.core.cleanup.Cleanup;
import dev.procleak.core.config.ProcleakConfig;
import dev.procleak.core.leak.ProcessFilter;
import dev.procleak.core.model.Leak;
import dev.procleak.core.model.ScopeKind;
import dev.procleak.core.origin.Origins;
import dev.procleak.core.os.ThisProcess;
import dev.procleak.core.scan.Holdings;
import dev.procleak.core.scan.ProcessInfo;
import dev.procleak.core.scan.ProcessTable;
import dev.procleak.core.scan.SubtreeScanner;
import java.util.ArrayList;
import java.util.List;

/**
 * Processes that carry a test JVM's cookie but left its tree while it ran: where no subreaper held
 * them, an orphan goes to init. The cookie tells they are the JVM's, not which test's.
 */
final class Escapes {
  private Escapes() {}

  /**
   * The escaped processes, stopped unless {@code procleak.cleanup=false}, with whatever they
   * started meanwhile.
   *
   * @param tracing how leaks are traced in this JVM; null when they are not
   */
  static List<Leak> stop(
      String cookie, ProcleakConfig config, Origins tracing, SubtreeScanner scanner) {
    Survivors survivors = new Survivors();
    ProcessFilter filter = ProcessFilter.of(config);
    List<Leak> found = find(survivors, cookie, filter, tracing, scanner);
    if (found.isEmpty() || !config.cleanup()) {
      return Cleanup.leftRunning(found);
    }
    return new Cleanup(scanner, null)
        .stop(found, survivors.joiner(ScopeKind.JVM, JvmSession.ESCAPED_SCOPE, filter));
  }

  /**
   * The escaped processes, with where they were started and what they hold while they still run.
   *
   * @param tracing how leaks are traced in this JVM; null when they are not
   */
  static List<Leak> find(
      Survivors survivors,
      String cookie,
      ProcessFilter filter,
      Origins tracing,
      SubtreeScanner scanner) {
    ProcessTable below = scanner.scan(ThisProcess.pid());
    List<Leak> escaped = new ArrayList<>();
    for (Leak leak : survivors.find(cookie, ScopeKind.JVM, JvmSession.ESCAPED_SCOPE, filter)) {
      if (below.get(leak.pid()).isEmpty()) {
        ProcessInfo process = scanner.current(leak.process()).orElse(null);
        escaped.add(
            process == null || tracing == null
                ? leak
                : leak.withDetails(
                    tracing.ofEscaped(process, scanner), Holdings.of(process, scanner)));
      }
    }
    return escaped;
  }
}
