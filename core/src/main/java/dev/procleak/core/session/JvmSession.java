package dev.procleak.core.session;

import dev.procleak.core.cleanup.Cleanup;
import dev.procleak.core.cleanup.ZombieReaper;
import dev.procleak.core.config.ProcleakConfig;
import dev.procleak.core.leak.CheckedScope;
import dev.procleak.core.leak.LeakCheck;
import dev.procleak.core.model.Leak;
import dev.procleak.core.model.ScopeKind;
import dev.procleak.core.model.ScopeName;
import dev.procleak.core.origin.JavaStarts;
import dev.procleak.core.os.EnvironmentCookie;
import dev.procleak.core.os.ThisProcess;
import dev.procleak.core.report.BuildRecord;
import dev.procleak.core.report.LeakMessage;
import dev.procleak.core.report.ReportFiles;
import dev.procleak.core.report.StartJournal;
import dev.procleak.core.scan.ProcfsScanner;
import dev.procleak.core.scan.SubtreeScanner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * procleak in one test JVM: arms it as subreaper once (unless {@code procleak.subreaper=false}),
 * marks every process it starts with this JVM's cookie, checks scopes, remembers every leak once
 * and keeps the JVM's report file up to date, so nothing is lost if the JVM dies early.
 */
public final class JvmSession {
  public static final String JVM_SCOPE = "the test JVM (outside any checked test)";

  /** Followed by the caller of {@code System.exit} and a closing parenthesis. */
  public static final String JVM_SCOPE_EXIT = "the test JVM (ended by System.exit in ";

  /**
   * Where no subreaper kept them below the JVM: the cookie tells they are the JVM's, not which
   * test's.
   */
  public static final String ESCAPED_SCOPE =
      "the test JVM (escaped from its process tree, found by its cookie)";

  /** Said of a scope ended by {@link #finish()}: its test never returned. */
  static final String UNFINISHED = "It never finished: the test JVM ended while it ran";

  /** Puts the cookie into this JVM's environment, for every child it starts from now on. */
  @FunctionalInterface
  public interface CookieMarker {
    void mark(String cookie) throws ReflectiveOperationException;
  }

  private static volatile JvmSession current;

  private final ProcleakConfig config;
  private final String cookie;
  private final boolean checkEveryTest;
  private final Arming arming;
  private final SubtreeScanner scanner;
  private final LeakCheck check;
  private final Cleanup cleanup;
  private final CheckedScope jvmScope;
  private final StartRecording starts;
  private final JvmLeaks leaks;
  private final TestRuns runs;
  private final StartJournal journal;
  private boolean finished;

  private JvmSession(
      ProcleakConfig config,
      Path reportsDirectory,
      Optional<String> buildCookie,
      boolean checkEveryTest,
      CookieMarker marker,
      boolean lazily) {
    this.config = config;
    this.checkEveryTest = checkEveryTest;
    long pid = ThisProcess.pid();
    this.scanner = SubtreeScanner.forThisPlatform();
    ZombieReaper reaper = new ZombieReaper();
    this.arming = new Arming(config.subreaper(), lazily, reaper, scanner, pid);
    if (!lazily) {
      arming.arm();
    }
    this.check = new LeakCheck(scanner, pid);
    this.cleanup = new Cleanup(scanner, reaper);
    long startTime = scanner.lookup(pid).id().startTime();
    this.cookie = mark(marker, EnvironmentCookie.forJvm(buildCookie, pid, startTime));
    arming.markNativeChildrenWith(cookie);
    this.starts = new StartRecording(check, cookie, config, lazily);
    this.journal = StartJournal.of(StartJournal.directory(), cookie);
    starts.starts().onEachStart(start -> journal.append(start, check.innermostRunning()));
    this.jvmScope = check.openRoot(JVM_SCOPE);
    this.runs = new TestRuns(this, this::writeReport);
    this.leaks =
        new JvmLeaks(
            ReportFiles.fileFor(reportsDirectory, pid, startTime), pid, cookie, journal.file());
  }

  /**
   * Starts the session of this JVM, or returns the one already started. Without an agent: the
   * cookie goes below the one this JVM inherited (a build's), or below a fresh one, into the native
   * environment (see {@link EnvironmentCookie#setNatively}).
   *
   * @param checkEveryTest whether every test is a scope, as when the build armed the JVM without
   *     any annotation
   */
  public static JvmSession start(
      ProcleakConfig config, Path reportsDirectory, boolean checkEveryTest) {
    synchronized (JvmSession.class) {
      if (current != null) {
        return current; // the cookie lookup below costs a native call: once per JVM is enough
      }
    }
    return start(
        config,
        reportsDirectory,
        EnvironmentCookie.inherited(),
        checkEveryTest,
        EnvironmentCookie::setNatively,
        false);
  }

  /**
   * Starts the session of this JVM, or returns the one already started.
   *
   * @param buildCookie the cookie of the module build, below which this JVM's own goes
   * @param marker puts this JVM's cookie into its environment
   * @param lazily whether every start through Java is hooked (procleak's agent): then the
   *     subreaper, the reaper thread and the native cookie wait for {@link #armForChildren}, before
   *     the JVM's first child, or until native code that could start one loads ({@link
   *     #nativeCodeLoaded}); most test JVMs start no process and never pay for them
   */
  public static synchronized JvmSession start(
      ProcleakConfig config,
      Path reportsDirectory,
      Optional<String> buildCookie,
      boolean checkEveryTest,
      CookieMarker marker,
      boolean lazily) {
    if (current == null) {
      current =
          new JvmSession(config, reportsDirectory, buildCookie, checkEveryTest, marker, lazily);
      current.writeReport();
      // Whoever ends the JVM (the last test, a test's System.exit, a runner): the JVM's own
      // scope ends with it, once.
      Runtime.getRuntime().addShutdownHook(new Thread(current::finish, "procleak-finish"));
    }
    return current;
  }

  private static String mark(CookieMarker marker, String cookie) {
    try {
      marker.mark(cookie);
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      System.err.println(
          "procleak: could not mark child processes with " + EnvironmentCookie.VARIABLE + ": " + e);
    }
    return cookie;
  }

  /**
   * Makes this JVM ready for children, once: the subreaper of everything below it (unless {@code
   * procleak.subreaper=false}), with a thread that reaps what it adopts; when armed lazily, the
   * cookie goes into the native environment too, for children native code starts.
   */
  public void armForChildren() {
    arming.arm();
  }

  /**
   * Native code that can start processes without Java (JNA, which NuProcess uses) was loaded: from
   * the next scope on, this JVM is armed and the kernel asked for children.
   */
  public void nativeCodeLoaded() {
    arming.nativeCodeLoaded();
  }

  /**
   * The cookie of the build this JVM belongs to: the module build's, or, outside any build that
   * marked it, one it made for itself ({@link #isItsOwnBuild()}).
   */
  public String buildCookie() {
    return EnvironmentCookie.buildOf(cookie);
  }

  /**
   * Whether no build marked this JVM ({@code @DetectProcessLeaks} alone): it is then its own build,
   * which looks for what earlier runs of the project left, and which later runs look at.
   */
  public boolean isItsOwnBuild() {
    String build = buildCookie();
    return build.startsWith(EnvironmentCookie.OWN_ROOT)
        && build.indexOf(EnvironmentCookie.SEPARATOR) < 0;
  }

  /** What earlier runs of the project left, found as this JVM began: a section of its report. */
  public void leftoversFound(List<Leak> found) {
    if (!found.isEmpty()) {
      leaks.leftovers(found);
      writeReport();
    }
  }

  /** The Java starts of this JVM, which its hook records (the agent's, or JFR's). */
  public JavaStarts starts() {
    return starts.starts();
  }

  /** Every leak found from now on is traced to the start {@link #starts()} recorded for it. */
  public void recordingStarts() {
    starts.recording();
  }

  /** Starts cannot be recorded here: every leak says {@code why}. */
  public void cannotRecordStarts(String why) {
    starts.cannotRecord(why);
  }

  /** The cookie every process this JVM starts carries. */
  public String cookie() {
    return cookie;
  }

  /** Whether orphans are re-parented to this JVM. */
  public boolean subreaper() {
    return arming.subreaper();
  }

  public static Optional<JvmSession> current() {
    return Optional.ofNullable(current);
  }

  public ProcleakConfig config() {
    return config;
  }

  public boolean checksEveryTest() {
    return checkEveryTest;
  }

  /** What the test runners of this JVM tell it: which tests and classes begin and end. */
  public TestRuns runs() {
    return runs;
  }

  /**
   * Begins a scope on the calling thread (see {@link TestRuns#began}).
   *
   * @param parent the scope it runs inside (its class), or null for the innermost one running on
   *     this thread, else the JVM's
   */
  CheckedScope open(ScopeKind kind, Supplier<ScopeName> name, CheckedScope parent) {
    arming.armIfNativeCodeLoaded();
    return check.open(kind, name, parent);
  }

  /**
   * Ends a scope, stops what leaked in it unless {@code procleak.cleanup=false} (with whatever it
   * started meanwhile, which is the scope's too), records it and returns the leaks not already
   * recorded.
   */
  List<Leak> end(CheckedScope scope, ProcleakConfig scopeConfig) {
    List<Leak> leaked = check.end(scope, scopeConfig);
    if (!leaked.isEmpty() && scopeConfig.cleanup()) {
      leaked = cleanup.stop(leaked, found -> check.joined(scope, found, scopeConfig));
    } else if (!leaked.isEmpty()) {
      leaked = Cleanup.leftRunning(leaked);
    }
    List<Leak> fresh = leaks.checked(leaked);
    if (!fresh.isEmpty()) {
      writeReport();
    }
    return fresh;
  }

  /**
   * Ends the scopes of tests that never finished, then the JVM's own scope: what is still below the
   * JVM now leaked from outside any checked test (named after the caller of {@code System.exit}
   * when that ended the JVM). Returns the JVM scope's and escaped leaks, which no test failure
   * reported.
   */
  public synchronized List<Leak> finish() {
    if (finished) {
      return List.of();
    }
    finished = true;
    Optional<String> exitCaller = ExitCaller.find();
    // A test still running now never ends (System.exit in a test, a shutdown while it runs):
    // its scope ends here, so that its leaks are still its own, and no candidate is left running.
    String unfinished =
        UNFINISHED + exitCaller.map(caller -> " (System.exit in " + caller + ")").orElse("") + ".";
    for (CheckedScope running : check.running()) {
      List<Leak> leaked = end(running, config);
      if (!leaked.isEmpty()) {
        System.err.println(LeakMessage.format(leaked, unfinished + " See " + leaks.file() + "."));
      }
    }
    List<Leak> outside = new ArrayList<>();
    for (Leak leak : end(jvmScope, config)) {
      outside.add(
          exitCaller
              .map(caller -> leak.withScope(ScopeName.of(JVM_SCOPE_EXIT + caller + ")")))
              .orElse(leak));
    }
    if (!outside.isEmpty()) {
      leaks.replace(outside);
      System.err.println(LeakMessage.format(outside, "See " + leaks.file() + "."));
    }
    // Only where no subreaper held them: with one, nothing this JVM starts can leave its tree
    // while it lives, and the search, which reads every process's environment, would cost for
    // nothing; nor where it never had a child.
    List<Leak> escaped =
        arming.subreaper() || !arming.isArmed()
            ? List.of()
            : Escapes.stop(cookie, config, check.tracing(), scanner);
    if (!escaped.isEmpty()) {
      leaks.add(escaped);
      System.err.println(LeakMessage.format(escaped, "See " + leaks.file() + "."));
      outside.addAll(escaped);
    }
    starts.close();
    writeReport();
    if (!leaks.anyLeftRunning()) {
      // Nothing of this JVM's outlives it for a later check, or run, to name.
      journal.delete();
      if (isItsOwnBuild()) {
        BuildRecord.delete(StartJournal.directory(), buildCookie());
      }
    }
    return outside;
  }

  /**
   * What the JVM's checks could not see; not being a subreaper is none while it had no child to
   * hold.
   */
  private List<String> limitations() {
    List<String> limitations = new ArrayList<>(jvmScope.baseline().limitations());
    journal
        .unavailable()
        .ifPresent(
            why ->
                limitations.add(
                    why + ": a process that outlives this JVM will name no test and no start"));
    if (arming.isLazy() && (!arming.isArmed() || arming.subreaper())) {
      limitations.remove(ProcfsScanner.NOT_A_SUBREAPER);
    }
    return limitations;
  }

  private void writeReport() {
    leaks.write(arming.subreaper(), limitations(), runs);
  }
}
