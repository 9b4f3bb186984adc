package dev.procleak.junit;

import dev.procleak.core.session.JvmSession;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Ends the JVM's own scope when the launcher session that ran the tests closes. It arms nothing: a
 * session that only discovers tests (Surefire's in Maven's JVM, an IDE's) must not make its JVM a
 * subreaper; {@link ProcleakTestListener} arms the JVM when tests start to execute.
 */
public final class ProcleakSessionListener implements LauncherSessionListener {

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    JvmSession.current().ifPresent(JvmSession::finish);
  }
}
