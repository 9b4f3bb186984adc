package dev.procleak.core.model;

/** What stretch of time a check covered; a leak is blamed on the narrowest one. */
public enum ScopeKind {
  /** One test method, with its {@code @BeforeEach} and {@code @AfterEach}. */
  TEST,
  /** A test class outside its test methods: {@code @BeforeAll}, {@code @AfterAll}. */
  CLASS,
  /**
   * The whole test JVM, outside any checked test: what is left below it when it ends (by a test's
   * {@code System.exit} too), and what escaped its tree, found by its cookie.
   */
  JVM,
  /**
   * Found by {@code procleak:check}, or the session-end check, still running after its test JVM
   * exited.
   */
  SURVIVOR,
  /** Found by {@code procleak:scan} on the whole machine, outside any build. */
  MACHINE,
  /**
   * Found when a build began, still running, left by an earlier build of the same project whose run
   * is over (killed, cancelled, or ended without a check).
   */
  LEFTOVER;

  /** Said of a survivor whose JVM journaled the test that started it. */
  public static final String AFTER_ITS_JVM = ", found still running after its test JVM exited";

  /** Said of a leftover whose JVM journaled the test that started it. */
  public static final String OF_AN_EARLIER_BUILD =
      " of an earlier build, found still running when this build began";

  /** How a scope of this kind named {@code name} reads in a sentence ("leaked by ..."). */
  public String describe(ScopeName name) {
    if ((this == SURVIVOR || this == LEFTOVER) && name.className() != null) {
      return (name.isMethod() ? "test " : "")
          + name.display()
          + (this == SURVIVOR ? AFTER_ITS_JVM : OF_AN_EARLIER_BUILD);
    }
    return this == TEST ? "test " + name.display() : name.display();
  }
}
