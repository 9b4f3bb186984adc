/**
 * Stopping what leaked, so that it converges: {@link dev.procleak.core.cleanup.Cleanup} stops a
 * leaked tree whole (SIGSTOP parents first, re-scanned until nothing new appears, what is found
 * joining the leak's scope), then SIGTERM and continue, a grace, and SIGKILL for what ignored it;
 * identity re-checked before each signal ({@code Signaller}). The background {@link
 * dev.procleak.core.cleanup.ZombieReaper} waits for the zombies this JVM adopted. Acts only: the
 * glue in {@code session} decides, the rules in {@code leak} judge.
 */
package dev.procleak.core.cleanup;
