/**
 * Snapshots of processes: {@link dev.procleak.core.scan.ProcfsScanner} walks a JVM's subtree
 * through {@code /proc/<pid>/task/<tid>/children} and marks the children it adopted ({@link
 * dev.procleak.core.scan.JdkWaits}): the platform's half of the orphan rule; OSHI and the macOS and
 * Windows listings elsewhere ({@link dev.procleak.core.scan.AncestryScanner}). Details read only
 * for what leaked: command lines and cookies ({@link dev.procleak.core.scan.ProcessDetails}),
 * working directory and listening sockets ({@link dev.procleak.core.scan.Holdings}). A process is
 * its pid and start time ({@link dev.procleak.core.scan.ProcessId}), re-checked through {@link
 * dev.procleak.core.scan.SubtreeScanner#current}; {@link dev.procleak.core.scan.Polling} paces
 * every wait on the process table.
 */
package dev.procleak.core.scan;
