package dev.procleak.core.build;

import java.util.List;

/**
 * What one module's build says of its tests: the facts by which {@link Coverage} tells "no leaked
 * processes" from "nothing was checked". Maven's glue gathers them from the model, the build's
 * properties and the files the runners wrote.
 *
 * @param prepared whether {@code procleak:prepare} ran in this build of the module
 * @param propertyName the property {@code prepare} puts the agent into ({@code argLine})
 * @param testsRun how many tests ran according to the test reports written during this build, any
 *     runner's; 0 when none were written
 * @param testClasses whether the module has compiled test classes
 * @param selectedByName whether the build was told which tests to run ({@code -Dtest}): then tests
 *     that ran wrote reports, and none written means none was selected
 * @param runners the plugin executions bound to the test phases
 */
public record ModuleTests(
    boolean prepared,
    String propertyName,
    int testsRun,
    boolean testClasses,
    boolean selectedByName,
    List<BoundRunner> runners) {
  public ModuleTests {
    runners = List.copyOf(runners);
  }

  /**
   * The runners that ran tests in this build: their phase was reached and they were not skipped.
   */
  public List<BoundRunner> activeRunners() {
    return runners.stream().filter(BoundRunner::ranTests).toList();
  }
}
