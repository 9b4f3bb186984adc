/**
 * The glue that decides when to check and what to do about a leak. One test JVM's session ({@link
 * dev.procleak.core.session.JvmSession}: arming, scopes, its report file, the JVM's own scope at
 * its end, with {@code ExitCaller} and {@code Escapes}); one module build's ({@link
 * dev.procleak.core.session.BuildLeaks}, {@link dev.procleak.core.session.Survivors} found by
 * cookie, {@link dev.procleak.core.session.Coverage} of what was checked). Every leak, of a scope,
 * escaped or surviving, goes the same way: judged first, then stopped by {@link
 * dev.procleak.core.cleanup.Cleanup} with what joins it, or left running when {@code
 * procleak.cleanup=false}.
 *
 * <p>Where the orphan rule is: inside a JVM's tree the scanner marks a child the JVM adopted
 * ({@code scan}) and {@link dev.procleak.core.leak.LeakRules} calls it an orphan; outside any tree,
 * the top of a tree that carries a build's cookie is ({@link dev.procleak.core.session.Survivors});
 * on the machine, with no JVM to anchor it, sessions and process groups tell ({@link
 * dev.procleak.core.machine.MachineRules}).
 */
package dev.procleak.core.session;
