package dev.procleak.benchmarks.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.procleak.junit.DetectProcessLeaks;
import org.junit.jupiter.api.RepeatedTest;

/** The same 1,000 trivial tests, each one (and the class) checked by procleak. */
@DetectProcessLeaks
public class DetectedTrivialTest {
  @RepeatedTest(SuiteOverhead.TESTS)
  void trivial() {
    assertEquals(4, 2 + 2);
  }
}
