/**
 * The HTML report: the leaks of each scope drawn as process trees ({@link
 * dev.procleak.core.report.LeakTrees}, which the job summary draws as text) on one self-contained
 * page ({@link dev.procleak.core.report.html.HtmlReport}).
 */
package dev.procleak.core.report.html;
