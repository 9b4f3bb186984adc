package dev.procleak.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The transformer leaves every class alone but RunNotifier, and never throws into class loading.
 */
class RunnerTransformerTest {
  private final RunnerTransformer transformer = new RunnerTransformer();
  private final ClassLoader here = getClass().getClassLoader();

  @Test
  void anyOtherClassIsLeftAsItIs() {
    assertThat(
            transformer.transform(
                here, "org/junit/runner/notification/RunListener", null, null, new byte[] {1}))
        .isNull();
    assertThat(transformer.transform(here, null, null, null, new byte[] {1})).isNull();
  }

  @Test
  void aRunNotifierThatCannotBeReadIsLeftAloneAndSaidOnce() {
    Runners.forgetWhatWasSaid();
    String said =
        stderrOf(
            () -> {
              assertThat(
                      transformer.transform(
                          here, RunnerTransformer.RUN_NOTIFIER, null, null, new byte[] {1, 2, 3}))
                  .isNull();
              assertThat(
                      transformer.transform(
                          here, RunnerTransformer.RUN_NOTIFIER, null, null, new byte[] {1, 2, 3}))
                  .isNull();
            });

    assertThat(said.lines())
        .singleElement()
        .asString()
        .startsWith("procleak: cannot check JUnit 4 tests one by one (")
        .endsWith("); only the whole test JVM is checked");
  }

  @Test
  void aLoaderThatDoesNotSeeTheHookGetsJunitUnchanged() {
    Runners.forgetWhatWasSaid();
    ClassLoader isolated = new ClassLoader(ClassLoader.getPlatformClassLoader()) {};

    String said =
        stderrOf(
            () -> {
              assertThat(
                      transformer.transform(
                          isolated, RunnerTransformer.RUN_NOTIFIER, null, null, new byte[] {1}))
                  .isNull();
              assertThat(
                      transformer.transform(
                          null, RunnerTransformer.RUN_NOTIFIER, null, null, new byte[] {1}))
                  .isNull();
            });

    assertThat(said).startsWith("procleak: cannot check JUnit 4 tests one by one (");
  }

  private static String stderrOf(Runnable action) {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      action.run();
    } finally {
      System.setErr(original);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }
}
