package dev.procleak.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procleak.core.model.ScopeName;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Scope names from the unique ids and display names JUnit 5.14 and 6.1 give. */
class TestNamesTest {
  private static final String CLASS = "[engine:junit-jupiter]/[class:a.FooTest]";

  @Test
  void aMethodThatRunsOnceIsItsPlainName() {
    ScopeName bar = ScopeName.method("a.FooTest", "bar()", "");

    assertThat(TestNames.invocation(bar, CLASS + "/[method:bar()]", "bar()"))
        .isSameAs(bar)
        .hasToString("a.FooTest.bar()");
  }

  @Test
  void aParameterizedInvocationIsItsIndexAndArgumentsOnce() {
    ScopeName run =
        TestNames.invocation(
            method("bar(int)"),
            CLASS + "/[test-template:bar(int)]/[test-template-invocation:#3]",
            "[3] value=3");

    assertThat(run).hasToString("a.FooTest.bar(int)[3] \"value=3\"");
    assertThat(run.className()).isEqualTo("a.FooTest");
    assertThat(run.method()).isEqualTo("bar(int)");
    assertThat(run.invocation()).isEqualTo("[3] \"value=3\"");
  }

  @Test
  void aStringArgumentJunit6QuotedIsNotQuotedAgain() {
    assertThat(
            TestNames.invocation(
                method("bar(String)"),
                CLASS + "/[test-template:bar(java.lang.String)]/[test-template-invocation:#2]",
                "[2] \"63.11\""))
        .hasToString("a.FooTest.bar(String)[2] \"63.11\"");
  }

  @Test
  void aRepetitionKeepsItsDisplayName() {
    assertThat(
            TestNames.invocation(
                method("bar(RepetitionInfo)"),
                CLASS
                    + "/[test-template:bar(org.junit.jupiter.api.RepetitionInfo)]/[test-template-invocation:#2]",
                "repetition 2 of 3"))
        .hasToString("a.FooTest.bar(RepetitionInfo)[2] \"repetition 2 of 3\"");
  }

  @Test
  void aDynamicTestInAContainerIsItsPath() {
    ScopeName dynamic =
        TestNames.invocation(
            method("tests()"),
            CLASS + "/[test-factory:tests()]/[dynamic-container:#3]/[dynamic-test:#2]",
            "leaks too");

    assertThat(dynamic).hasToString("a.FooTest.tests()[3][2] \"leaks too\"");
    assertThat(dynamic.invocation()).isEqualTo("[3][2] \"leaks too\"");
  }

  @Test
  void theListenersNameIsTheExtensionsName() throws NoSuchMethodException {
    // The listener has JUnit's qualified names; the extension has the method itself.
    ScopeName fromSource =
        ScopeName.method(
            "a.FooTest",
            "bar",
            List.of("int, java.lang.String[], dev.procleak.junit.TestNamesTest$Inner".split(",")),
            "");
    assertThat(fromSource)
        .isEqualTo(ScopeName.method("a.FooTest", "bar(int, String[], Inner)", ""))
        .hasToString("a.FooTest.bar(int, String[], Inner)");
    ScopeName fromMethod =
        TestNames.method(
            TestNamesTest.class,
            TestNamesTest.class.getDeclaredMethod("bar", int.class, String[].class, Inner.class));
    assertThat(fromMethod.method()).isEqualTo(fromSource.method());
    assertThat(ScopeName.method("a.FooTest", "bar", List.of("".split(",")), ""))
        .hasToString("a.FooTest.bar()");
  }

  static final class Inner {}

  @SuppressWarnings("unused")
  private static void bar(int a, String[] b, Inner c) {}

  private static ScopeName method(String method) {
    return ScopeName.method("a.FooTest", method, "");
  }
}
