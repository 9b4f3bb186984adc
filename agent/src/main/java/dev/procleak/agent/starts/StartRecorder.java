package dev.procleak.agent.starts;

import dev.procleak.core.origin.Callers;
import dev.procleak.core.origin.JavaStarts;
import dev.procleak.core.os.EnvironmentCookie;
import dev.procleak.core.session.JvmSession;
import java.lang.reflect.Field;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Listens to each start through {@code ProcessBuilder}: before it, gives the process a cookie of
 * its own below the JVM's, which every descendant inherits; after it, records its pid, command and
 * callers. A builder whose environment already lacks the JVM's cookie (its user cleared it) is left
 * as it is: its process is then traced by pid alone.
 */
final class StartRecorder {
  private final JvmSession session;
  private final JavaStarts starts;
  private volatile Field environment;
  private final ThreadLocal<Long> starting = new ThreadLocal<>();
  private final AtomicBoolean failed = new AtomicBoolean();

  private final boolean recording;

  /**
   * @param recording whether to record each start's callers, or only to arm and mark
   */
  StartRecorder(JvmSession session, boolean recording) {
    this.session = session;
    this.starts = session.starts();
    this.recording = recording;
  }

  void starting(Object started) {
    ProcessBuilder builder = (ProcessBuilder) started;
    try {
      session.armForChildren(); // before the child exists: its orphans must come to this JVM
      long number = starts.next();
      starting.set(number);
      boolean untouched = environmentField().get(builder) == null;
      Map<String, String> variables = builder.environment();
      if (untouched || variables.containsKey(EnvironmentCookie.VARIABLE)) {
        variables.put(EnvironmentCookie.VARIABLE, starts.cookieOf(number));
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      fail(e);
    }
  }

  void started(Object starter, Object started) {
    ProcessBuilder builder = (ProcessBuilder) starter;
    Process process = (Process) started;
    Long number = starting.get();
    starting.remove();
    if (number == null || !recording) {
      return;
    }
    try {
      starts.started(
          number, process.pid(), String.join(" ", builder.command()), Callers.ofThisThread());
    } catch (RuntimeException e) {
      fail(e);
    }
  }

  /** {@code ProcessBuilder.environment}, which stays null until {@code environment()} is called. */
  private Field environmentField() throws NoSuchFieldException {
    Field field = environment;
    if (field == null) {
      field = ProcessBuilder.class.getDeclaredField("environment");
      field.setAccessible(true);
      environment = field;
    }
    return field;
  }

  private void fail(Exception e) {
    if (failed.compareAndSet(false, true)) {
      session.cannotRecordStarts("procleak's hook in ProcessBuilder failed: " + e);
    }
  }
}
