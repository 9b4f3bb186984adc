package dev.procleak.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A scope's name as every runner makes it, shown as it always was. */
class ScopeNameTest {

  @Test
  void aMethodIsShownAsItsClassMethodAndInvocation() {
    assertThat(ScopeName.method("a.B$C", "bar(int, String)", "[3] \"x=3\""))
        .hasToString("a.B$C.bar(int, String)[3] \"x=3\"")
        .extracting(
            ScopeName::className, ScopeName::method, ScopeName::invocation, ScopeName::isMethod)
        .containsExactly("a.B$C", "bar(int, String)", "[3] \"x=3\"", true);
    assertThat(ScopeName.method("a.B", "c()", "").display()).isEqualTo("a.B.c()");
  }

  @Test
  void aClassIsShownOutsideItsTestMethods() {
    ScopeName testClass = ScopeName.testClass("demo.FooTest");

    assertThat(testClass.display()).isEqualTo("class demo.FooTest (outside its test methods)");
    assertThat(testClass.className()).isEqualTo("demo.FooTest");
    assertThat(testClass.isMethod()).isFalse();
  }

  @Test
  void aNameOnlyShownHasNoParts() {
    ScopeName scenario = ScopeName.of("Feature: x › Scenario: y");

    assertThat(scenario.display()).isEqualTo("Feature: x › Scenario: y");
    assertThat(scenario.className()).isNull();
    assertThat(scenario.isMethod()).isFalse();
  }

  @Test
  void aNameThatIsNotMadeOfItsPartsIsRefused() {
    assertThatThrownBy(() -> new ScopeName("a.B.d()", "a.B", "c()", ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'a.B.d()' is not the name of its parts");
    assertThatThrownBy(() -> new ScopeName("x", null, "c()", ""))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new ScopeName("class a.B (outside its test methods)", "a.B", null, "[1]"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
