/**
 * What the JDK does not offer, one system call each, through JNA: the subreaper ({@link
 * dev.procleak.core.os.Subreaper}), {@code waitpid} and its status ({@link
 * dev.procleak.core.os.Reaper}, {@link dev.procleak.core.os.WaitStatus}), the child probe ({@link
 * dev.procleak.core.os.Children}), SIGSTOP and SIGCONT ({@link dev.procleak.core.os.Freezing}), the
 * environment cookie ({@link dev.procleak.core.os.EnvironmentCookie}), thread ids and clock ticks.
 */
package dev.procleak.core.os;
