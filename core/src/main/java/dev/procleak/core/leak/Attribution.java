package dev.procleak.core.leak;

import java.util.List;

/**
 * Which scope a new process belongs to, as seen by a scope that is ending.
 *
 * @param verdict what the ending scope does with the process
 * @param candidates the scopes that could have started it, innermost only
 */
public record Attribution(Verdict verdict, List<CheckedScope> candidates) {

  public Attribution {
    candidates = List.copyOf(candidates);
  }

  public enum Verdict {
    /** Started by the ending scope and no other: its leak. */
    MINE,
    /**
     * Started by one of several scopes that ran at the same time, and the ending scope is the last
     * of them: it reports the leak, naming every candidate.
     */
    AMBIGUOUS,
    /** Possibly the ending scope's, but another candidate still runs: the last to end decides. */
    DEFERRED,
    /** Another scope's: it decides when it ends. */
    NOT_MINE
  }

  /** The ending scope's alone. */
  static Attribution mine(CheckedScope scope) {
    return new Attribution(Verdict.MINE, List.of(scope));
  }

  public boolean isReported() {
    return verdict == Verdict.MINE || verdict == Verdict.AMBIGUOUS;
  }
}
