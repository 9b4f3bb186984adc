package dev.procleak.junit;

import dev.procleak.core.config.ProcleakConfig;
import dev.procleak.core.session.JvmSession;
import java.nio.file.Path;

/** Starts this JVM's session when no agent did. */
final class Sessions {
  private Sessions() {}

  static JvmSession start(ProcleakConfig config) {
    Path reports = Path.of(System.getProperty(JvmSession.REPORTS_DIRECTORY, "target/procleak"));
    return JvmSession.start(config, reports, false);
  }
}
