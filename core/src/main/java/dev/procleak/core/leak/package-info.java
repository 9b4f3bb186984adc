/**
 * The rules that judge a test JVM's scopes. {@link dev.procleak.core.leak.LeakRules} decides the
 * kind (a zombie below a live parent, an orphan the JVM adopted, a lingering child) and which scope
 * reports a process ({@link dev.procleak.core.leak.Attribution}); {@link
 * dev.procleak.core.leak.LeakCheck} opens and ends scopes ({@link
 * dev.procleak.core.leak.ScopeRegistry}) and describes what they leaked, but never acts on it: the
 * glue in {@code session} decides what {@code cleanup} does. {@link
 * dev.procleak.core.leak.ProcessFilter} is the one filter ({@code procleak.ignore} and {@link
 * dev.procleak.core.leak.BuiltInFilters}).
 */
package dev.procleak.core.leak;
