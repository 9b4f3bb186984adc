package dev.procleak.junit;

import dev.procleak.core.config.ProcleakConfig;
import dev.procleak.core.session.JvmSession;
import java.nio.file.Path;
import java.util.Optional;

/** Starts this JVM's session when no agent did. */
final class Sessions {
  private Sessions() {}

  static JvmSession start(ProcleakConfig config) {
    Optional<JvmSession> started = JvmSession.current();
    if (started.isPresent()) {
      return started.get();
    }
    Path reports = Path.of(System.getProperty(JvmSession.REPORTS_DIRECTORY, "target/procleak"));
    return JvmSession.start(config, reports, false);
  }
}
