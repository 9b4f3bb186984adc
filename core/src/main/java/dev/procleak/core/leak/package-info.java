/**
 * The rules that judge a test JVM's scopes, and the leak model. {@link
 * dev.procleak.core.leak.LeakRules} decides the kind (a zombie below a live parent, an orphan the
 * JVM adopted, a lingering child) and which scope reports a process ({@link
 * dev.procleak.core.leak.Attribution}); {@link dev.procleak.core.leak.LeakCheck} opens and ends
 * scopes ({@link dev.procleak.core.leak.ScopeRegistry}) and describes what they leaked; {@link
 * dev.procleak.core.leak.ProcessFilter} is the one filter ({@code procleak.ignore} and {@link
 * dev.procleak.core.leak.BuiltInFilters}). {@link dev.procleak.core.leak.Leak} is what every
 * report renders.
 */
package dev.procleak.core.leak;
