package dev.procleak.core.model;

import dev.procleak.core.config.ProcleakConfig;
import dev.procleak.core.os.WaitStatus;

/**
 * What procleak did about one leak, and the exit status it collected when it reaped one.
 *
 * @param action what was done, or why nothing was
 * @param reaped the decoded exit status when procleak reaped the process, else null
 */
public record CleanupOutcome(Action action, WaitStatus reaped) {

  /** What was done to a leak. */
  public enum Action {
    /** Nothing yet: the leak was found but cleanup has not run. */
    NOT_CLEANED_UP("not cleaned up"),
    TERMINATED_BY_SIGTERM("terminated by SIGTERM"),
    /**
     * Windows has no signals: the JDK's destroy() there is TerminateProcess, which cannot be
     * ignored.
     */
    TERMINATED_BY_TERMINATEPROCESS("terminated (TerminateProcess)"),
    KILLED_BY_SIGKILL("killed by SIGKILL (survived SIGTERM)"),
    /** Found while what ignored SIGTERM was stopped again: it never had a SIGTERM to survive. */
    KILLED_BY_SIGKILL_STARTED_DURING_GRACE("killed by SIGKILL (started during the SIGTERM grace)"),
    /** It ended (or its pid changed hands) between being found and being signalled. */
    ALREADY_GONE("gone before procleak signalled it"),
    /** A zombie: its culprit was killed and procleak, now its parent, waited for it. */
    REAPED_AFTER_PARENT_KILLED("reaped after its parent was killed"),
    /** A zombie whose parent waited for it at last. */
    REAPED_BY_PARENT("reaped by its parent"),
    /**
     * A zombie whose leaked culprit was killed where procleak is not the subreaper: init reaped it.
     */
    REAPED_BY_INIT_AFTER_PARENT_KILLED("reaped by init after its parent was killed"),
    /**
     * A zombie whose culprit was killed, still there when cleanup ended: its new parent is not
     * procleak, or did not wait for it in time.
     */
    NOT_YET_REAPED_AFTER_PARENT_KILLED("its parent was killed, but no one had reaped it yet"),
    /** A zombie whose culprit existed before the scope began: not procleak's to kill. */
    LEFT_PARENT_NOT_STARTED_IN_SCOPE(
        "left: its parent was not started during this scope, so procleak did not kill it"),
    LEFT_RUNNING_CLEANUP_DISABLED("left running: " + ProcleakConfig.CLEANUP + "=false");

    private final String text;

    Action(String text) {
      this.text = text;
    }

    public String text() {
      return text;
    }
  }

  public static final CleanupOutcome NOT_CLEANED_UP =
      new CleanupOutcome(Action.NOT_CLEANED_UP, null);

  public static CleanupOutcome of(Action action) {
    return new CleanupOutcome(action, null);
  }

  /** Whether the process was left running: cleanup was off, or never ran. */
  public boolean leftRunning() {
    return action == Action.LEFT_RUNNING_CLEANUP_DISABLED || action == Action.NOT_CLEANED_UP;
  }

  @Override
  public String toString() {
    if (reaped == null) {
      return action.text;
    }
    return action.text
        + (action == Action.REAPED_AFTER_PARENT_KILLED ? ": " : "; reaped: ")
        + reaped;
  }
}
