package dev.procleak.core.leak;

import dev.procleak.core.model.LeakKind;
import dev.procleak.core.scan.ProcessInfo;

/** A process the rules would call leaked if it is still there when the grace period ends. */
public record Suspect(LeakKind kind, ProcessInfo process) {}
