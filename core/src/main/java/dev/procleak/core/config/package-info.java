/**
 * The settings: {@link dev.procleak.core.config.ProcleakConfig} (every {@code procleak.*} key,
 * parsed and validated in one place, a bad value naming key and value), {@link
 * dev.procleak.core.config.AgentSettings} (the file {@code prepare} writes for the test JVM), and
 * the values {@link dev.procleak.core.config.Action} and {@link
 * dev.procleak.core.config.RecordStarts}.
 */
package dev.procleak.core.config;
