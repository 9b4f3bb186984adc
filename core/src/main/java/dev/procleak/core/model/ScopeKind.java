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
  MACHINE;

  /** Said of a survivor whose JVM journaled the test that started it. */
  public static final String AFTER_ITS_JVM = ", found still running after its test JVM exited";

  /** How a scope of this kind named {@code name} reads in a sentence ("leaked by ..."). */
  public String describe(ScopeName name) {
    if (this == SURVIVOR && name.className() != null) {
      return (name.isMethod() ? "test " : "") + name.display() + AFTER_ITS_JVM;
    }
    return this == TEST ? "test " + name.display() : name.display();
  }
}
