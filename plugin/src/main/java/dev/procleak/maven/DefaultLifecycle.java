package dev.procleak.maven;

import java.util.List;
import java.util.function.Predicate;

/** Maven's default lifecycle, in order: which phases a build that reached one has run. */
final class DefaultLifecycle {
  private static final List<String> PHASES =
      List.of(
          "validate",
          "initialize",
          "generate-sources",
          "process-sources",
          "generate-resources",
          "process-resources",
          "compile",
          "process-classes",
          "generate-test-sources",
          "process-test-sources",
          "generate-test-resources",
          "process-test-resources",
          "test-compile",
          "process-test-classes",
          "test",
          "prepare-package",
          "package",
          "pre-integration-test",
          "integration-test",
          "post-integration-test",
          "verify",
          "install",
          "deploy");

  private DefaultLifecycle() {}

  /**
   * The phases run before {@code phase} (it excluded: a goal bound to it may come before or after
   * the one asking); none when {@code phase} is null or not the default lifecycle's.
   */
  static Predicate<String> before(String phase) {
    int last = phase == null ? -1 : PHASES.indexOf(phase);
    return reached -> {
      int index = PHASES.indexOf(reached);
      return index >= 0 && index < last;
    };
  }

  /** The phases a build that ran up to {@code phases} (the latest of them) has run, it included. */
  static Predicate<String> upTo(List<String> phases) {
    int last = phases.stream().mapToInt(PHASES::indexOf).max().orElse(-1);
    return reached -> {
      int index = PHASES.indexOf(reached);
      return index >= 0 && index <= last;
    };
  }
}
