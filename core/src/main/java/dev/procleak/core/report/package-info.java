/**
 * Rendering the leak model: the console message ({@link dev.procleak.core.report.LeakMessage}), the
 * per-JVM report files ({@link dev.procleak.core.report.ReportFiles}, written with {@link
 * dev.procleak.core.report.JsonWriter}), and a module's reports, each a {@link
 * dev.procleak.core.report.ReportWriter} of the module-level model they share ({@link
 * dev.procleak.core.report.LeakReport}): {@code procleak-report.json} ({@link
 * dev.procleak.core.report.JsonReport}, its schema beside it), {@code TEST-procleak.xml}, the HTML
 * page and the job summary, which both draw {@link dev.procleak.core.report.LeakTrees}. {@link
 * dev.procleak.core.report.ModuleReports} writes them all and says what it wrote.
 */
package dev.procleak.core.report;
