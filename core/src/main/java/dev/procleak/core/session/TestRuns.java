package dev.procleak.core.session;

import dev.procleak.core.config.ProcleakConfig;
import dev.procleak.core.leak.CheckedScope;
import dev.procleak.core.model.Leak;
import dev.procleak.core.model.ScopeKind;
import dev.procleak.core.model.ScopeName;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The one seam between test runners and procleak in a test JVM: a runner says that a test or a test
 * class began, with its structured name and the test or class it runs in, and that it ended; this
 * keeps the running scopes, checks each one at its end, and records which runners scope tests here.
 * Each runner (the JUnit Platform's listener, the Jupiter extension, JUnit 4's hook, TestNG's
 * listener, the next one) is only a translation of its framework's events into these calls.
 *
 * <p>A runner names each run of a test by a key of its own, equal only to itself: the JUnit
 * Platform's unique id (which Jupiter's extension shares, so that both speak of one scope), a JUnit
 * 4 description on its thread, a TestNG result.
 */
public final class TestRuns {
  /**
   * The JUnit Platform's listener: where it scopes tests, the JUnit 4 and TestNG hooks stand back
   * (Vintage runs JUnit 4 tests through the same notifier, and TestNG's engine runs TestNG's).
   */
  public static final String JUNIT_PLATFORM = "JUnit Platform";

  private final JvmSession session;
  private final Runnable changed;
  private final Map<Object, Run> running = new ConcurrentHashMap<>();
  private final Set<String> runners = new CopyOnWriteArraySet<>();
  private final Set<String> unscoped = new CopyOnWriteArraySet<>();
  private final AtomicInteger tests = new AtomicInteger();

  /** A running scope, and the settings it ends with. */
  private record Run(CheckedScope scope, ProcleakConfig config) {}

  /**
   * @param changed called when what the JVM's report says of its runners changed
   */
  TestRuns(JvmSession session, Runnable changed) {
    this.session = session;
    this.changed = changed;
  }

  /**
   * Whether {@code runner} is to make every test a scope in this JVM: the build armed it to check
   * every test ({@code procleak:prepare}), and no runner that runs these tests through its own
   * scopes them already. Records the runner when it is.
   */
  public boolean checksEveryTestOf(String runner) {
    if (!session.checksEveryTest()
        || (!runner.equals(JUNIT_PLATFORM) && runners.contains(JUNIT_PLATFORM))) {
      return false;
    }
    scopedBy(runner);
    return true;
  }

  /**
   * Records a runner that makes tests scopes here ("JUnit Platform", "JUnit 4", "TestNG"): the
   * report names it, so that {@code check} can tell tests checked one by one from a JVM checked as
   * a whole.
   */
  public void scopedBy(String runner) {
    if (runners.add(runner)) { // a set that copies only when the runner is new
      changed.run();
    }
  }

  /**
   * Records a test runner whose tests procleak cannot check one by one, with what to change: {@code
   * check} says so rather than let "no leaked processes" imply every test was checked.
   */
  public void unscoped(String runnerAndFix) {
    if (unscoped.add(runnerAndFix)) {
      changed.run();
    }
  }

  /**
   * A test or test class began, on the calling thread. Its scope takes its baseline now, unless the
   * same run of the same test is running already (another runner tells of it too): then that scope
   * is this one's, and whoever ends it first checks it.
   *
   * @param key the runner's own name for this run of the test
   * @param name how reports name it, asked for only when a leak needs it
   * @param parent the key of the test or class it runs in; when it is not running, the scope runs
   *     in the innermost one running on this thread, else in the JVM's
   * @param config the settings it is checked with (when it was running already, from now on)
   */
  public CheckedScope began(
      Object key, ScopeKind kind, Supplier<ScopeName> name, Object parent, ProcleakConfig config) {
    Run known = running.get(key);
    if (known != null) {
      // The runner that tells of it last is the closer one (the extension inside the Platform's
      // listener): its settings, with an annotation's own ignores, check the scope.
      running.replace(key, known, new Run(known.scope(), config));
      return known.scope();
    }
    Run enclosing = parent == null ? null : running.get(parent);
    if (kind == ScopeKind.TEST) {
      tests.incrementAndGet();
    }
    Run run =
        new Run(session.open(kind, name, enclosing == null ? null : enclosing.scope()), config);
    Run raced = running.putIfAbsent(key, run);
    return raced == null ? run.scope() : raced.scope();
  }

  /**
   * As {@link #began(Object, ScopeKind, Supplier, Object, ProcleakConfig)}, with the JVM's
   * settings.
   */
  public CheckedScope began(Object key, ScopeKind kind, Supplier<ScopeName> name, Object parent) {
    return began(key, kind, name, parent, session.config());
  }

  /**
   * A test or test class ended: its scope is checked with the settings it began with, and what
   * leaked is stopped unless {@code procleak.cleanup=false}.
   *
   * @return the leaks no scope reported before; none when {@code key} is not running (another
   *     runner ended it)
   */
  public List<Leak> ended(Object key) {
    Run run = running.remove(key);
    return run == null ? List.of() : end(run.scope(), run.config());
  }

  private List<Leak> end(CheckedScope scope, ProcleakConfig config) {
    return scope.isActive() ? session.end(scope, config) : List.of();
  }

  /**
   * A key for a runner's object whose {@code equals} is its own (TestNG's results): equal only to
   * the key of the same object.
   */
  public static Object byIdentity(Object runnersObject) {
    return new Identity(runnersObject);
  }

  private record Identity(Object object) {
    @Override
    public boolean equals(Object other) {
      return other instanceof Identity && ((Identity) other).object == object;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(object);
    }
  }

  /** Whether the run named {@code key} has begun and not ended. */
  public boolean isRunning(Object key) {
    return running.containsKey(key);
  }

  /** Whether no test or class is running: cheaper than a key that costs to make. */
  public boolean isEmpty() {
    return running.isEmpty();
  }

  int testScopes() {
    return tests.get();
  }

  List<String> runners() {
    return List.copyOf(runners);
  }

  List<String> unscopedRunners() {
    return List.copyOf(unscoped);
  }
}
