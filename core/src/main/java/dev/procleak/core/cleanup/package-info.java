/**
 * Stopping what leaked: {@link dev.procleak.core.cleanup.Cleanup} (SIGTERM, grace, SIGKILL,
 * deepest first, identity re-checked before each signal; reaping adopted zombies with their
 * decoded status), {@link dev.procleak.core.cleanup.Terminator}, the background {@link
 * dev.procleak.core.cleanup.ZombieReaper}, and {@link dev.procleak.core.scan.Polling}.
 */
package dev.procleak.core.cleanup;
