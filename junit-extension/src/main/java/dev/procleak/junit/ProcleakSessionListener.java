package dev.procleak.junit;

import dev.procleak.core.config.InvalidConfigurationException;
import dev.procleak.core.session.JvmSession;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Arms the test JVM before its first test, so that orphans of every test stay visible, and ends
 * the JVM's own scope when the last test is done.
 */
public final class ProcleakSessionListener implements LauncherSessionListener {

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    try {
      Sessions.start(Configuration.ofJvm());
    } catch (InvalidConfigurationException e) {
      // Every checked test reports the bad setting itself, with its own configuration.
    }
  }

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    JvmSession.current().ifPresent(JvmSession::finish);
  }
}
