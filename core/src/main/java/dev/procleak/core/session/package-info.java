/**
 * The glue of one test JVM, which decides when to check and what to do about a leak. {@link
 * dev.procleak.core.session.JvmSession} holds its lifecycle: armed once ({@code Arming}), from
 * {@code prepare}'s settings file ({@link dev.procleak.core.session.AgentArming}) or by the JUnit
 * extension; its cookie; how it learns where processes were started ({@code StartRecording}); its
 * leaks, each once, and its report file ({@code JvmLeaks}); and its own scope at its end, with
 * {@code ExitCaller} and {@code Escapes}. Test runners reach it through one seam, {@link
 * dev.procleak.core.session.TestRuns}: a test or class began, it ended. Every leak, of a scope,
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
