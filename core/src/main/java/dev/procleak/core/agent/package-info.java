/**
 * Arming a test JVM that {@code procleak:prepare} started, from the settings file it wrote: {@link
 * dev.procleak.core.agent.AgentArming}, which procleak-agent's premain calls first.
 */
package dev.procleak.core.agent;
