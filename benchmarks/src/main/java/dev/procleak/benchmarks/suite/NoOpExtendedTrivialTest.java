package dev.procleak.benchmarks.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The same 1,000 trivial tests with an extension that does nothing in the callbacks procleak's
 * uses: what JUnit itself charges for any such extension, which procleak cannot go below.
 */
@ExtendWith(NoOpExtendedTrivialTest.NoOp.class)
public class NoOpExtendedTrivialTest {
  @RepeatedTest(SuiteOverhead.TESTS)
  void trivial() {
    assertEquals(4, 2 + 2);
  }

  static final class NoOp
      implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
    @Override
    public void beforeAll(ExtensionContext context) {}

    @Override
    public void afterAll(ExtensionContext context) {}

    @Override
    public void beforeEach(ExtensionContext context) {}

    @Override
    public void afterEach(ExtensionContext context) {}
  }
}
