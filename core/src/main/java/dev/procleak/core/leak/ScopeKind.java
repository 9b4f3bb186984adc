package dev.procleak.core.leak;

/** What stretch of time a check covered; a leak is blamed on the narrowest one. */
public enum ScopeKind {
  /** One test method, with its {@code @BeforeEach} and {@code @AfterEach}. */
  TEST,
  /** A test class outside its test methods: {@code @BeforeAll}, {@code @AfterAll}. */
  CLASS,
  /** The whole test JVM, outside any checked test. */
  JVM,
  /** Found by {@code procleak:check} still running after its test JVM exited. */
  SURVIVOR,
  /** Found by {@code procleak:scan} on the whole machine, outside any build. */
  MACHINE;

  /** How a scope of this kind named {@code name} reads in a sentence ("leaked by ..."). */
  public String describe(String name) {
    return this == TEST ? "test " + name : name;
  }
}
