/**
 * The glue of one module build, after its tests: what its test JVMs reported and what outlived them
 * ({@link dev.procleak.core.build.BuildLeaks}, survivors found by the module's cookie and stopped),
 * and the rule that keeps "no leaked processes" honest ({@link dev.procleak.core.build.Coverage}),
 * which judges by what the build says of its tests ({@link dev.procleak.core.build.ModuleTests}:
 * the runners bound to the test phases, {@link dev.procleak.core.build.BoundRunner}, the tests
 * their reports say ran, the compiled tests). Maven's glue gathers those facts and runs {@code
 * check}'s one routine for {@code check} and the session-end check alike.
 */
package dev.procleak.core.build;
