package dev.procleak.core.model;

/** How a process outlived the scope that made it. */
public enum LeakKind {
  /** Exited, but its parent (the culprit) never waited for it. */
  ZOMBIE,
  /** Still running after its parent died; adopted by the test JVM or init. */
  ORPHAN,
  /** Still running and still attached to the process that started it. */
  LINGERING
}
