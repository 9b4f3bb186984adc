package dev.procleak.junit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Scope names from the unique ids and display names JUnit 5.14 and 6.1 give. */
class ScopesTest {
  private static final String CLASS = "[engine:junit-jupiter]/[class:a.FooTest]";

  @Test
  void aMethodThatRunsOnceIsItsPlainName() {
    assertThat(Scopes.invocation("a.FooTest.bar()", CLASS + "/[method:bar()]", "bar()")).isEqualTo("a.FooTest.bar()");
  }

  @Test
  void aParameterizedInvocationIsItsIndexAndArgumentsOnce() {
    assertThat(
            Scopes.invocation(
                "a.FooTest.bar(int)", CLASS + "/[test-template:bar(int)]/[test-template-invocation:#3]", "[3] value=3"))
        .isEqualTo("a.FooTest.bar(int)[3] \"value=3\"");
  }

  @Test
  void aStringArgumentJunit6QuotedIsNotQuotedAgain() {
    assertThat(
            Scopes.invocation(
                "a.FooTest.bar(String)",
                CLASS + "/[test-template:bar(java.lang.String)]/[test-template-invocation:#2]",
                "[2] \"63.11\""))
        .isEqualTo("a.FooTest.bar(String)[2] \"63.11\"");
  }

  @Test
  void aRepetitionKeepsItsDisplayName() {
    assertThat(
            Scopes.invocation(
                "a.FooTest.bar(RepetitionInfo)",
                CLASS + "/[test-template:bar(org.junit.jupiter.api.RepetitionInfo)]/[test-template-invocation:#2]",
                "repetition 2 of 3"))
        .isEqualTo("a.FooTest.bar(RepetitionInfo)[2] \"repetition 2 of 3\"");
  }

  @Test
  void aDynamicTestInAContainerIsItsPath() {
    assertThat(
            Scopes.invocation(
                "a.FooTest.tests()", CLASS + "/[test-factory:tests()]/[dynamic-container:#3]/[dynamic-test:#2]", "leaks too"))
        .isEqualTo("a.FooTest.tests()[3][2] \"leaks too\"");
  }

  @Test
  void theListenersNameIsTheExtensionsName() {
    assertThat(Scopes.methodOfSource("a.FooTest", "bar", "int, java.lang.String[], a.FooTest$Inner"))
        .isEqualTo("a.FooTest.bar(int, String[], Inner)");
    assertThat(Scopes.methodOfSource("a.FooTest", "bar", "")).isEqualTo("a.FooTest.bar()");
  }
}
