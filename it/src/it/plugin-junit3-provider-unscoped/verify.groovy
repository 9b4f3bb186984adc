// JUnit 3 under Surefire's surefire-junit3 provider: procleak cannot tell its tests apart. The
// orphan is named after the whole test JVM, and the JVM's report says which runner was not
// scoped and what to change.
import static dev.procleak.it.verify.ItBuild.q

import dev.procleak.it.verify.ItBuild

ItBuild.verify(basedir, binding.variables, ['sleep 67.5']) { build ->
  long jvm = build.fact('jvm'), orphan = build.fact('orphan')
  build.failed()
  build.hasLine('[INFO] Using auto detected provider org.apache.maven.surefire.junit.JUnit3Provider')
  build.hasLine('[INFO] Tests run: 1, Failures: 0, Errors: 0, Skipped: 0')
  build.hasMessage(
      '[ERROR] procleak: 1 process leaked by the test JVM (outside any checked test):',
      "  ORPHAN    pid $orphan  sleep 67.5",
      "            parent: exited; adopted by the test JVM (pid $jvm)",
      '            {age}; cleanup: terminated by SIGTERM; reaped: killed by signal 15')
  build.hasLine(ItBuild.CHECK_SWITCHES)
  String unscoped = "JUnit 3 (Surefire's surefire-junit3 provider): its tests are not told apart;" \
      + ' add junit:junit 4.12 or newer to the test dependencies (Surefire then runs the same tests with' \
      + ' surefire-junit4, each one checked)'
  build.hasLine('procleak checked each test JVM only as a whole, no test on its own (1 test ran): a leak that'
      + ' ends before its test JVM is missed, and a leak found names no test. ' + unscoped)
  def report = build.report()
  assert report.runners == [] && report.testScopes == 0 : report
  assert report.unscopedRunners == [unscoped] : report
  build.namesOnlyPids(jvm, orphan)
}
