package dev.procleak.core.machine;

import dev.procleak.core.model.LeakKind;

/**
 * A zombie or an orphan in one snapshot of the machine.
 *
 * @param kind {@link LeakKind#ZOMBIE} or {@link LeakKind#ORPHAN}
 * @param process the process found
 * @param parent its current parent: for a zombie the culprit that never waited, for an orphan the
 *     process that adopted it (init or a subreaper); null where that parent is gone
 * @param why which part of the rule it met, for people
 */
public record Finding(LeakKind kind, MachineProcess process, MachineProcess parent, String why) {
  public boolean sameAs(Finding other) {
    return kind == other.kind && process.id().equals(other.process.id());
  }
}
