/**
 * Where a leak was started: the Java starts a test JVM recorded ({@link
 * dev.procleak.core.origin.JavaStarts}, from procleak-agent's hook in {@code ProcessBuilder} or
 * {@link dev.procleak.core.origin.JfrStarts}), which frames count as callers ({@link
 * dev.procleak.core.origin.Callers}), and the rule that links a leak to its start ({@link
 * dev.procleak.core.origin.Origins}: by the cookie of the start, else by pid).
 */
package dev.procleak.core.origin;
