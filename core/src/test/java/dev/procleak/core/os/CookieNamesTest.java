package dev.procleak.core.os;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class CookieNamesTest {

  @Test
  void aModuleCookieIsTheArtifactIdAndAFreshUuidBelowWhatWasInherited() {
    String alone = EnvironmentCookie.forModule("app", Optional.empty());
    assertThat(alone).matches("app-[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}");
    assertThat(EnvironmentCookie.forModule("app", Optional.empty())).isNotEqualTo(alone);
    assertThat(EnvironmentCookie.forModule("app", Optional.of("outer-1/jvm-5-6")))
        .matches("outer-1/jvm-5-6/app-[0-9a-f-]{36}");
  }

  @Test
  void aJvmCookieGoesBelowItsBuildsOrBelowAFreshOne() {
    assertThat(EnvironmentCookie.forJvm(Optional.of("app-1"), 42, 7)).isEqualTo("app-1/jvm-42-7");
    assertThat(EnvironmentCookie.forJvm(Optional.empty(), 42, 7))
        .matches("procleak-[0-9a-f-]{36}/jvm-42-7");
  }

  @Test
  void aProcessBelongsToItsOwnCookieAndTheOnesAboveItOnly() {
    assertThat(EnvironmentCookie.belongsTo("app-1", "app-1")).isTrue();
    assertThat(EnvironmentCookie.belongsTo("app-1/jvm-42-7", "app-1")).isTrue();
    assertThat(EnvironmentCookie.belongsTo("app-1/jvm-42-7/tool-2", "app-1/jvm-42-7")).isTrue();
    // a sibling fork, a cookie that merely starts alike, a parent, none
    assertThat(EnvironmentCookie.belongsTo("app-1/jvm-43-7", "app-1/jvm-42-7")).isFalse();
    assertThat(EnvironmentCookie.belongsTo("app-10", "app-1")).isFalse();
    assertThat(EnvironmentCookie.belongsTo("app-1", "app-1/jvm-42-7")).isFalse();
    assertThat(EnvironmentCookie.belongsTo(null, "app-1")).isFalse();
    assertThat(EnvironmentCookie.belongsTo("anything", "")).isFalse();
  }
}
