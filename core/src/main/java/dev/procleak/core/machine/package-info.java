/**
 * {@code procleak:scan}: the whole machine as it is now, outside any build. {@link
 * dev.procleak.core.machine.MachineRules} holds the rules for zombies and orphans without a test
 * JVM to anchor them (sessions, process groups, init); sources from {@code /proc} and OSHI.
 */
package dev.procleak.core.machine;
