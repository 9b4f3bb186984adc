/**
 * What a leak is, as every rule, cleanup and report shares it: {@link dev.procleak.core.model.Leak}
 * (one leaked process with its chain of {@link dev.procleak.core.model.Ancestor}s, its {@link
 * dev.procleak.core.model.LeakKind}, the {@link dev.procleak.core.model.ScopeKind} and {@link
 * dev.procleak.core.model.ScopeName} of the scope that reports it, and its {@link
 * dev.procleak.core.model.CleanupOutcome}). Values only: the rules that make them live in {@code
 * leak}, {@code machine} and {@code session}, the code that acts on them in {@code cleanup}.
 */
package dev.procleak.core.model;
