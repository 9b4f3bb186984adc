// JUnit 4 under Failsafe (integration-test, then verify; check runs before Failsafe's verify):
// the leaking test is named, as under Surefire, and its clean neighbour is not.
import static dev.procleak.it.verify.ItBuild.q

import dev.procleak.it.verify.ItBuild

ItBuild.verify(basedir, binding.variables, ['sleep 67.4']) { build ->
  long jvm = build.fact('jvm'), orphan = build.fact('orphan')
  build.failed()
  build.hasLine('[INFO] --- failsafe:3.5.5:integration-test (default) @ plugin-failsafe-junit4-fails ---')
  build.hasLine('[INFO] Using auto detected provider org.apache.maven.surefire.junit4.JUnit4Provider')
  build.hasLine('[INFO] Tests run: 2, Failures: 0, Errors: 0, Skipped: 0')
  build.hasMessage(
      '[ERROR] procleak: 1 process leaked by test demo.LeakIT.leaks():',
      "  ORPHAN    pid $orphan  sleep 67.4",
      "            parent: exited; adopted by the test JVM (pid $jvm)",
      '            {age}; cleanup: terminated by SIGTERM; reaped: killed by signal 15',
      ItBuild.CHECK_SWITCHES)
  build.lacks('LeakIT.clean')
  def report = build.report()
  assert report.runners == ['JUnit 4'] && report.testScopes == 2 && report.unscopedRunners == [] : report
  build.hasLineMatching(q('[ERROR] Failed to execute goal dev.procleak:procleak-maven-plugin:') + '[^:]+'
      + q(':check (default) on project plugin-failsafe-junit4-fails: procleak: tests leaked 1 process(es); see above. '
      + ItBuild.CHECK_SWITCHES) + '.*')
  build.namesOnlyPids(jvm, orphan)
}
