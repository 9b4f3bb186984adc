/**
 * Rendering the leak model: the console message ({@link dev.procleak.core.report.LeakMessage}),
 * the per-JVM report files ({@link dev.procleak.core.report.ReportFiles}, written with {@link
 * dev.procleak.core.report.JsonWriter}), {@code procleak-report.json} ({@link
 * dev.procleak.core.report.JsonReport}, its schema beside it), {@code TEST-procleak.xml}, the job
 * summary, and the module-level model they share ({@link dev.procleak.core.report.LeakReport}).
 */
package dev.procleak.core.report;
