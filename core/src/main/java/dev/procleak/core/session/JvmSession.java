package dev.procleak.core.session;

import dev.procleak.core.cleanup.ZombieReaper;
import dev.procleak.core.config.ProcleakConfig;
import dev.procleak.core.leak.CheckedScope;
import dev.procleak.core.leak.Leak;
import dev.procleak.core.leak.LeakCheck;
import dev.procleak.core.leak.ScopeKind;
import dev.procleak.core.os.Subreaper;
import dev.procleak.core.report.JvmReport;
import dev.procleak.core.report.LeakMessage;
import dev.procleak.core.report.ReportFiles;
import dev.procleak.core.scan.ProcessId;
import dev.procleak.core.scan.ProcessTable;
import dev.procleak.core.scan.SubtreeScanner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * procleak in one test JVM: arms it as subreaper once, checks scopes, remembers every leak once
 * and keeps the JVM's report file up to date, so nothing is lost if the JVM dies early.
 */
public final class JvmSession {
  public static final String REPORTS_DIRECTORY = "procleak.reportsDirectory";
  public static final String JVM_SCOPE = "the test JVM (outside any checked test)";
  /** Said of a scope ended by {@link #finish()}: its test never returned. */
  static final String UNFINISHED = "It never finished: the test JVM ended while it ran.";

  private static JvmSession current;

  private final ProcleakConfig config;
  private final Path reportFile;
  private final String cookie;
  private final boolean checkEveryTest;
  private final boolean subreaper;
  private final LeakCheck check;
  private final CheckedScope jvmScope;
  private final Map<ProcessId, Leak> leaks = new LinkedHashMap<>();
  private final AtomicInteger scopes = new AtomicInteger();
  private boolean finished;

  private JvmSession(ProcleakConfig config, Path reportsDirectory, String cookie, boolean checkEveryTest) {
    this.config = config;
    this.cookie = cookie;
    this.checkEveryTest = checkEveryTest;
    this.subreaper = Subreaper.arm();
    long pid = ProcessHandle.current().pid();
    SubtreeScanner scanner = SubtreeScanner.forThisPlatform();
    ZombieReaper reaper = new ZombieReaper();
    if (subreaper) {
      reaper.startInBackground(scanner, pid);
    }
    this.check = new LeakCheck(scanner, reaper, pid);
    this.reportFile = ReportFiles.fileFor(reportsDirectory, pid, scanner.lookup(pid).id().startTime());
    this.jvmScope = check.openRoot(JVM_SCOPE);
  }

  /**
   * Starts the session of this JVM, or returns the one already started.
   *
   * @param checkEveryTest whether every test is a scope, as when the build armed the JVM
   *     without any annotation
   */
  public static synchronized JvmSession start(
      ProcleakConfig config, Path reportsDirectory, String cookie, boolean checkEveryTest) {
    if (current == null) {
      current = new JvmSession(config, reportsDirectory, cookie, checkEveryTest);
      current.writeReport();
    }
    return current;
  }

  public static synchronized Optional<JvmSession> current() {
    return Optional.ofNullable(current);
  }

  public ProcleakConfig config() {
    return config;
  }

  public boolean checksEveryTest() {
    return checkEveryTest;
  }

  public ProcessTable begin() {
    return check.begin();
  }

  /**
   * Begins a scope on the calling thread.
   *
   * @param kind a test or a class
   * @param name how reports name it
   * @param parent the scope it runs inside (its class), or null for the innermost one running
   *     on this thread, else the JVM's
   */
  public CheckedScope open(ScopeKind kind, String name, CheckedScope parent) {
    return check.open(kind, name, parent);
  }

  /** Ends a scope, records what leaked in it and returns the leaks not already recorded. */
  public List<Leak> end(CheckedScope scope, ProcleakConfig scopeConfig) {
    return record(check.end(scope, scopeConfig));
  }

  /** Ends a scope that began with {@code scopeBaseline} on this thread, inside no other. */
  public List<Leak> end(ProcessTable scopeBaseline, ScopeKind kind, String scope, ProcleakConfig scopeConfig) {
    return record(check.end(scopeBaseline, kind, scope, scopeConfig));
  }

  private List<Leak> record(List<Leak> found) {
    scopes.incrementAndGet();
    List<Leak> fresh = new ArrayList<>();
    synchronized (this) {
      for (Leak leak : found) {
        if (leaks.putIfAbsent(leak.process(), leak) == null) {
          fresh.add(leak);
        }
      }
    }
    if (!fresh.isEmpty()) {
      writeReport();
    }
    return fresh;
  }

  /**
   * Ends the JVM's own scope: what is still below the JVM now leaked from outside any checked
   * test. Returns those leaks, which no test failure reported.
   */
  public synchronized List<Leak> finish() {
    if (finished) {
      return List.of();
    }
    finished = true;
    // A test still running now never ends (System.exit in a test, a shutdown while it runs):
    // its scope ends here, so that its leaks are still its own, and no candidate is left running.
    for (CheckedScope running : check.running()) {
      List<Leak> unfinished = end(running, config);
      if (!unfinished.isEmpty()) {
        System.err.println(LeakMessage.format(unfinished, UNFINISHED + " See " + reportFile + "."));
      }
    }
    List<Leak> outside = end(jvmScope, config);
    writeReport();
    if (!outside.isEmpty()) {
      System.err.println(LeakMessage.format(outside, "See " + reportFile + "."));
    }
    return outside;
  }

  private synchronized void writeReport() {
    try {
      ReportFiles.write(
          reportFile,
          new JvmReport(
              ProcessHandle.current().pid(), cookie, subreaper, scopes.get(), List.copyOf(leaks.values()), jvmScope.baseline().limitations()));
    } catch (IOException e) {
      throw new UncheckedIOException("procleak could not write its report " + reportFile, e);
    }
  }
}
