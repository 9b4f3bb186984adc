package dev.procleak.benchmarks.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.RepeatedTest;

/** 1,000 trivial tests, unchecked: the baseline of the suite-overhead measurement. */
public class PlainTrivialTest {
  @RepeatedTest(SuiteOverhead.TESTS)
  void trivial() {
    assertEquals(4, 2 + 2);
  }
}
