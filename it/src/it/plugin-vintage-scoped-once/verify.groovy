// JUnit 4 tests on the JUnit Platform (Vintage): the Platform's listener scopes them, and
// procleak's JUnit 4 hook, which sees the same tests through RunNotifier, stands back: the
// leaking test is named once, and the JVM counts two test scopes for two tests.
import static dev.procleak.it.verify.ItBuild.q

import dev.procleak.it.verify.ItBuild

ItBuild.verify(basedir, binding.variables, ['sleep 67.6']) { build ->
  long jvm = build.fact('jvm'), orphan = build.fact('orphan')
  build.failed()
  build.hasLine('[INFO] Using auto detected provider org.apache.maven.surefire.junitplatform.JUnitPlatformProvider')
  build.hasLine('[INFO] Tests run: 2, Failures: 0, Errors: 0, Skipped: 0')
  build.hasMessage(
      '[ERROR] procleak: 1 process leaked by test demo.VintageTest.leaks():',
      "  ORPHAN    pid $orphan  sleep 67.6",
      "            parent: exited; adopted by the test JVM (pid $jvm)",
      '            {age}; cleanup: terminated by SIGTERM; reaped: killed by signal 15')
  build.hasLine(ItBuild.CHECK_SWITCHES)
  assert build.count('[ERROR] procleak: 1 process leaked by test demo.VintageTest.leaks():') == 1
  build.lacks('VintageTest.clean')
  def report = build.report()
  assert report.runners == ['JUnit Platform'] && report.testScopes == 2 && report.unscopedRunners == [] : report
  build.namesOnlyPids(jvm, orphan)
}
