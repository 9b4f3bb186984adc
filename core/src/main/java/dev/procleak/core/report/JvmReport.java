package dev.procleak.core.report;

import dev.procleak.core.model.Leak;
import java.util.List;

/**
 * What one test JVM found: written under {@code target/procleak/} by the JVM, read and merged by
 * {@code procleak:check}.
 *
 * @param pid the test JVM
 * @param cookie this JVM's cookie (below its build's), inherited by every process it started
 * @param subreaper whether orphans were re-parented to the JVM (Linux) or went to init
 * @param scopes how many scopes were checked
 * @param leaks every leak, once per process
 * @param limitations what this platform kept procleak from checking, one sentence each (empty where
 *     nothing was out of sight)
 * @param testScopes how many of the scopes were single tests
 * @param runners what made tests scopes here ("JUnit Platform", "JUnit 4", "TestNG"), once each
 * @param unscopedRunners test runners seen in this JVM whose tests procleak cannot check one by
 *     one, each named with what to change (its leaks count against the whole JVM)
 * @param journal the file of {@link StartJournal} where the JVM journaled its starts, for a check
 *     that finds what it left after it exited; null where it kept none
 * @param leftovers what earlier runs of the project left running, found when this JVM began (with
 *     {@code @DetectProcessLeaks} alone, where no {@code prepare} looked for them)
 */
public record JvmReport(
    long pid,
    String cookie,
    boolean subreaper,
    int scopes,
    List<Leak> leaks,
    List<String> limitations,
    int testScopes,
    List<String> runners,
    List<String> unscopedRunners,
    String journal,
    List<Leak> leftovers) {
  public JvmReport {
    leaks = List.copyOf(leaks);
    limitations = List.copyOf(limitations);
    runners = List.copyOf(runners);
    unscopedRunners = List.copyOf(unscopedRunners);
    leftovers = List.copyOf(leftovers);
  }

  public JvmReport(
      long pid,
      String cookie,
      boolean subreaper,
      int scopes,
      List<Leak> leaks,
      List<String> limitations) {
    this(
        pid,
        cookie,
        subreaper,
        scopes,
        leaks,
        limitations,
        0,
        List.of(),
        List.of(),
        null,
        List.of());
  }

  public JvmReport(long pid, String cookie, boolean subreaper, int scopes, List<Leak> leaks) {
    this(pid, cookie, subreaper, scopes, leaks, List.of());
  }
}
