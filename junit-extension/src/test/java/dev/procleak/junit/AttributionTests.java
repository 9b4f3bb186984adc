package dev.procleak.junit;

import static dev.procleak.junit.DetectProcessLeaksTests.AGE;
import static dev.procleak.junit.DetectProcessLeaksTests.CWD;
import static dev.procleak.junit.DetectProcessLeaksTests.NOT_RECORDED;
import static dev.procleak.junit.DetectProcessLeaksTests.PARENT_JVM;
import static dev.procleak.junit.DetectProcessLeaksTests.STARTED;
import static dev.procleak.junit.DetectProcessLeaksTests.SWITCHES;
import static dev.procleak.junit.DetectProcessLeaksTests.containerFailureOf;
import static dev.procleak.junit.DetectProcessLeaksTests.failureOf;
import static dev.procleak.junit.DetectProcessLeaksTests.lines;
import static dev.procleak.junit.DetectProcessLeaksTests.run;
import static dev.procleak.junit.DetectProcessLeaksTests.start;
import static dev.procleak.junit.DetectProcessLeaksTests.throwableOf;
import static dev.procleak.junit.DetectProcessLeaksTests.track;
import static dev.procleak.junit.Procs.awaitGone;
import static dev.procleak.junit.Procs.isRunning;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.procleak.core.config.InvalidConfigurationException;
import dev.procleak.junit.DetectProcessLeaksTests.Fixture;
import dev.procleak.junit.Procs.Tracked;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * Every leak names the scope that made it: nested classes, each repetition, each parameterized
 * invocation, each dynamic test, the class for static initializers and {@code @BeforeAll} /
 * {@code @AfterAll}; and the filters of the annotation. Real processes, exact messages.
 */
@DetectProcessLeaks
class AttributionTests {
  static final String ME = AttributionTests.class.getName();

  @AfterEach
  void nothingLeftBehind() {
    List<Tracked> started = new ArrayList<>();
    for (Tracked process; (process = STARTED.poll()) != null; ) {
      started.add(process);
    }
    Procs.killAll(started);
  }

  /**
   * The exact lines of a failure naming one LINGERING child of the test JVM, its age as {@link
   * DetectProcessLeaksTests#lines} masks it.
   *
   * @param leakedBy the scope as the header names it: {@code test a.B.c()}, {@code class a.B (...)}
   */
  static List<String> lingering(String leakedBy, Tracked process, String command) {
    return List.of(
        "procleak: 1 process leaked by " + leakedBy + ":",
        String.format("  %-9s pid %d  %s", "LINGERING", process.pid(), command),
        PARENT_JVM,
        CWD,
        "            " + AGE + "; cleanup: terminated by SIGTERM",
        NOT_RECORDED,
        SWITCHES);
  }

  @Test
  @DisplayName("a test of a @Nested class is named with its nested class")
  void nestedClass() {
    EngineExecutionResults results = run(selectClass(NestedTestCases.class));

    results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(1).failed(1));
    String scope = "test " + ME + "$NestedTestCases$Inner.leaks()";
    assertThat(lines(throwableOf(results.testEvents().failed()).getMessage()))
        .containsExactlyElementsOf(lingering(scope, NestedTestCases.leakedByTheTest, "sleep 60"));
    String theClass = "class " + ME + "$NestedTestCases$Inner (outside its test methods)";
    assertThat(lines(containerFailureOf(results).getMessage()))
        .containsExactlyElementsOf(
            lingering(theClass, NestedTestCases.leakedByTheClass, "sleep 59"));
    awaitGone(NestedTestCases.leakedByTheTest);
    awaitGone(NestedTestCases.leakedByTheClass);
  }

  @Test
  @DisplayName("@RepeatedTest: only the repetition that leaked fails, named with its number")
  void repeatedTest() {
    EngineExecutionResults results = run(selectClass(RepeatedTestCases.class));

    results.testEvents().assertStatistics(stats -> stats.started(3).succeeded(2).failed(1));
    String scope =
        "test "
            + ME
            + "$RepeatedTestCases.leaksOnTheSecond(RepetitionInfo)[2] \"repetition 2 of 3\"";
    assertThat(lines(failureOf(results).getMessage()))
        .containsExactlyElementsOf(lingering(scope, RepeatedTestCases.leaked, "sleep 60"));
    awaitGone(RepeatedTestCases.leaked);
  }

  @Test
  @DisplayName(
      "@ParameterizedTest: only the invocation that leaked fails, named with its index and arguments")
  void parameterizedTest() {
    EngineExecutionResults results = run(selectClass(ParameterizedTestCases.class));

    results.testEvents().assertStatistics(stats -> stats.started(3).succeeded(2).failed(1));
    String scope = "test " + ME + "$ParameterizedTestCases.sleeps(String)[2] \"60\"";
    assertThat(lines(failureOf(results).getMessage()))
        .containsExactlyElementsOf(lingering(scope, ParameterizedTestCases.leaked, "sleep 60"));
    awaitGone(ParameterizedTestCases.leaked);
  }

  @Test
  @DisplayName("@TestFactory: each dynamic test is a scope, named by its place and display name")
  void dynamicTests() {
    EngineExecutionResults results = run(selectClass(DynamicTestCases.class));

    results.testEvents().assertStatistics(stats -> stats.started(4).succeeded(2).failed(2));
    List<List<String>> messages = failureMessages(results);
    String factory = "test " + ME + "$DynamicTestCases.tests()";
    assertThat(messages)
        .containsExactlyInAnyOrder(
            lingering(factory + "[2] \"leaks\"", DynamicTestCases.leaked, "sleep 60"),
            lingering(
                factory + "[3][2] \"leaks too\"", DynamicTestCases.leakedInAContainer, "sleep 59"));
    results.containerEvents().assertStatistics(stats -> stats.failed(0));
    awaitGone(DynamicTestCases.leaked);
    awaitGone(DynamicTestCases.leakedInAContainer);
  }

  @Test
  @DisplayName("a static initializer's process is the class's, not its first test's")
  void staticInitializer() {
    EngineExecutionResults results = run(selectClass(StaticInitializerTestCases.class));

    results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2).failed(0));
    String scope = "class " + ME + "$StaticInitializerTestCases (outside its test methods)";
    assertThat(lines(containerFailureOf(results).getMessage()))
        .containsExactlyElementsOf(lingering(scope, StaticInitializerTestCases.SERVER, "sleep 60"));
    awaitGone(StaticInitializerTestCases.SERVER);
  }

  @Test
  @DisplayName("with one instance per class, the static initializer's process is still the class's")
  void staticInitializerPerClass() {
    EngineExecutionResults results = run(selectClass(PerClassStaticInitializerTestCases.class));

    results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1).failed(0));
    String scope = "class " + ME + "$PerClassStaticInitializerTestCases (outside its test methods)";
    assertThat(lines(containerFailureOf(results).getMessage()))
        .containsExactlyElementsOf(
            lingering(scope, PerClassStaticInitializerTestCases.SERVER, "sleep 60"));
    awaitGone(PerClassStaticInitializerTestCases.SERVER);
  }

  @Test
  @DisplayName("started in @AfterAll: the class fails, not its test")
  void afterAll() {
    EngineExecutionResults results = run(selectClass(AfterAllTestCases.class));

    results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1).failed(0));
    String scope = "class " + ME + "$AfterAllTestCases (outside its test methods)";
    assertThat(lines(containerFailureOf(results).getMessage()))
        .containsExactlyElementsOf(lingering(scope, AfterAllTestCases.leaked, "sleep 60"));
    awaitGone(AfterAllTestCases.leaked);
  }

  @Test
  @DisplayName("on a superclass, the annotation checks the subclass's tests")
  void superclass() {
    Throwable failure = failureOf(run(selectClass(SubclassTestCases.class)));

    assertThat(lines(failure.getMessage()))
        .containsExactlyElementsOf(
            lingering(
                "test " + ME + "$SubclassTestCases.leaks()", SubclassTestCases.leaked, "sleep 60"));
    awaitGone(SubclassTestCases.leaked);
  }

  @Test
  @DisplayName("without any annotation, JUnit's extension autodetection checks every test")
  void autodetection() {
    Throwable failure =
        failureOf(
            run(
                selectClass(UnannotatedTestCases.class),
                "junit.jupiter.extensions.autodetection.enabled",
                "true"));

    assertThat(lines(failure.getMessage()))
        .containsExactlyElementsOf(
            lingering(
                "test " + ME + "$UnannotatedTestCases.leaks()",
                UnannotatedTestCases.leaked,
                "sleep 60"));
    awaitGone(UnannotatedTestCases.leaked);
  }

  @Test
  @DisplayName("without autodetection, an unannotated test is not checked")
  void noAutodetection() {
    EngineExecutionResults results = run(selectClass(UnannotatedTestCases.class));

    results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
    assertThat(isRunning(UnannotatedTestCases.leaked)).isTrue();
    Procs.kill(UnannotatedTestCases.leaked);
  }

  @Test
  @DisplayName("the annotation and autodetection together check a test once")
  void annotationAndAutodetection() {
    Throwable failure =
        failureOf(
            run(
                selectClass(SubclassTestCases.class),
                "junit.jupiter.extensions.autodetection.enabled",
                "true"));

    assertThat(lines(failure.getMessage()))
        .containsExactlyElementsOf(
            lingering(
                "test " + ME + "$SubclassTestCases.leaks()", SubclassTestCases.leaked, "sleep 60"));
    awaitGone(SubclassTestCases.leaked);
  }

  @Test
  @DisplayName(
      "@DetectProcessLeaks(ignore): the method's, the class's and procleak.ignore all apply; ignored processes are neither reported nor killed")
  void ignoreAttribute() {
    Throwable failure =
        failureOf(run(selectClass(IgnoreAttributeTestCases.class), "procleak.ignore", "sleep 58"));

    assertThat(lines(failure.getMessage()))
        .containsExactlyElementsOf(
            lingering(
                "test " + ME + "$IgnoreAttributeTestCases.leaksFour()",
                IgnoreAttributeTestCases.reported,
                "sleep 59"));
    awaitGone(IgnoreAttributeTestCases.reported);
    for (Tracked ignored : IgnoreAttributeTestCases.ignored) {
      assertThat(isRunning(ignored)).as("%s still running", ignored).isTrue();
    }
    Procs.killAll(IgnoreAttributeTestCases.ignored);
  }

  @Test
  @DisplayName(
      "@DetectProcessLeaks(ignore) with a bad regular expression fails the test, naming it")
  void badIgnoreAttribute() {
    Throwable failure = failureOf(run(selectClass(BadIgnoreAttributeTestCases.class)));

    assertThat(failure)
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessage(
            "procleak: invalid value 'sleep (' for @DetectProcessLeaks(ignore) on "
                + ME
                + "$BadIgnoreAttributeTestCases.checked(): expected a regular expression (Unclosed group)");
    assertThat(BadIgnoreAttributeTestCases.ran).as("the test body ran").isFalse();
  }

  /** The lines of every failed test's message. */
  static List<List<String>> failureMessages(EngineExecutionResults results) {
    List<List<String>> messages = new ArrayList<>();
    results.testEvents().failed().stream()
        .map(
            event ->
                event
                    .getPayload(TestExecutionResult.class)
                    .flatMap(TestExecutionResult::getThrowable)
                    .orElseThrow())
        .forEach(failure -> messages.add(lines(failure.getMessage())));
    return messages;
  }

  // ---------------------------------------------------------------------------------------------
  // Fixtures: run only through run(...), never on their own.

  static Tracked leak(String seconds) {
    try {
      return track(start("sleep", seconds));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Fixture
  @DetectProcessLeaks
  static class NestedTestCases {
    static Tracked leakedByTheTest;
    static Tracked leakedByTheClass;

    @Test
    void clean() {}

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Inner {
      @BeforeAll
      void startsAServer() {
        leakedByTheClass = leak("59");
      }

      @Test
      void leaks() {
        leakedByTheTest = leak("60");
      }
    }
  }

  @Fixture
  @DetectProcessLeaks
  static class RepeatedTestCases {
    static Tracked leaked;

    @RepeatedTest(3)
    void leaksOnTheSecond(RepetitionInfo repetition) {
      if (repetition.getCurrentRepetition() == 2) {
        leaked = leak("60");
      }
    }
  }

  @Fixture
  @DetectProcessLeaks
  static class ParameterizedTestCases {
    static Tracked leaked;

    @ParameterizedTest
    @ValueSource(strings = {"0", "60", "0.01"})
    void sleeps(String seconds) throws Exception {
      Process process = start("sleep", seconds);
      if (seconds.equals("60")) {
        leaked = track(process);
      } else {
        DetectProcessLeaksTests.waitFor(process);
      }
    }
  }

  @Fixture
  @DetectProcessLeaks
  static class DynamicTestCases {
    static Tracked leaked;
    static Tracked leakedInAContainer;

    @TestFactory
    Stream<DynamicNode> tests() {
      return Stream.of(
          dynamicTest("clean", () -> DetectProcessLeaksTests.waitFor(start("true"))),
          dynamicTest("leaks", () -> leaked = leak("60")),
          dynamicContainer(
              "group",
              Stream.of(
                  dynamicTest("clean too", () -> DetectProcessLeaksTests.waitFor(start("true"))),
                  dynamicTest("leaks too", () -> leakedInAContainer = leak("59")))));
    }
  }

  @Fixture
  @DetectProcessLeaks
  static class StaticInitializerTestCases {
    static final Tracked SERVER = leak("60");

    @Test
    void first() {
      assertThat(isRunning(SERVER)).isTrue();
    }

    @Test
    void second() {
      assertThat(isRunning(SERVER)).isTrue();
    }
  }

  @Fixture
  @DetectProcessLeaks
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  static class PerClassStaticInitializerTestCases {
    static final Tracked SERVER = leak("60");

    @Test
    void first() {
      assertThat(isRunning(SERVER)).isTrue();
    }
  }

  @Fixture
  @DetectProcessLeaks
  static class AfterAllTestCases {
    static Tracked leaked;

    @Test
    void clean() {}

    @AfterAll
    static void startsSomethingOnTheWayOut() {
      leaked = leak("60");
    }
  }

  @DetectProcessLeaks
  abstract static class AnnotatedBase {}

  @Fixture
  static class SubclassTestCases extends AnnotatedBase {
    static Tracked leaked;

    @Test
    void leaks() {
      leaked = leak("60");
    }
  }

  @Fixture
  static class UnannotatedTestCases {
    static Tracked leaked;

    @Test
    void leaks() {
      leaked = leak("60");
    }
  }

  @Fixture
  @DetectProcessLeaks(ignore = "sleep 6[0-9]")
  static class IgnoreAttributeTestCases {
    static final List<Tracked> ignored = new ArrayList<>();
    static Tracked reported;

    @Test
    @DetectProcessLeaks(ignore = "sleep 57")
    void leaksFour() {
      ignored.clear();
      ignored.add(leak("60"));
      ignored.add(leak("57"));
      ignored.add(leak("58"));
      reported = leak("59");
    }
  }

  @Fixture
  static class BadIgnoreAttributeTestCases {
    static volatile boolean ran;

    @Test
    @DetectProcessLeaks(ignore = "sleep (")
    void checked() {
      ran = true;
    }
  }
}
