/**
 * The glue that decides when to check and what to do: one test JVM's session ({@link
 * dev.procleak.core.session.JvmSession}: arming, scopes, its report file, the JVM's own scope at
 * its end), and one module build's ({@link dev.procleak.core.session.BuildLeaks}, {@link
 * dev.procleak.core.session.Survivors} found by cookie, {@link dev.procleak.core.session.Coverage}
 * of what was checked).
 */
package dev.procleak.core.session;
