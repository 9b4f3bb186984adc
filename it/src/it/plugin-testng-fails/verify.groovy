// TestNG 7 under Surefire's surefire-testng provider: each invocation of a test method is a
// scope, named as on the JUnit Platform: the leaking test, the second invocation of a
// data-provider test by its number; the clean test and the clean invocations are never named.
import static dev.procleak.it.verify.ItBuild.q

import dev.procleak.it.verify.ItBuild

ItBuild.verify(basedir, binding.variables, ['sleep 67.3']) { build ->
  long jvm = build.fact('jvm'), orphan = build.fact('orphan'), dataOrphan = build.fact('dataOrphan')
  build.failed()
  build.hasLine('[INFO] Using auto detected provider org.apache.maven.surefire.testng.TestNGProvider')
  build.hasLine('[INFO] Tests run: 5, Failures: 0, Errors: 0, Skipped: 0')
  build.hasCheckMessage('procleak: 1 process leaked by test demo.TestngTest.leaks():',
      "  ORPHAN    pid $orphan  sleep 67.3",
      "            parent: exited; adopted by the test JVM (pid $jvm)",
      '            {age}; cleanup: terminated by SIGTERM; reaped: killed by signal 15')
  build.hasCheckMessage('procleak: 1 process leaked by test demo.TestngTest.sleeps(String)[2]:',
      "  ORPHAN    pid $dataOrphan  sleep 67.31",
      "            parent: exited; adopted by the test JVM (pid $jvm)",
      '            {age}; cleanup: terminated by SIGTERM; reaped: killed by signal 15')
  build.hasLine(ItBuild.CHECK_SWITCHES)
  build.lacks('TestngTest.clean')
  build.lacks('sleeps(String)[1]')
  build.lacks('sleeps(String)[3]')
  build.lacks('outside any checked test')
  def report = build.report()
  assert report.runners == ['TestNG'] && report.testScopes == 5 && report.unscopedRunners == [] : report
  assert report.leaks*.scope.find { it.name == 'demo.TestngTest.sleeps(String)[2]' }.subMap('className', 'method', 'invocation') ==
      [className: 'demo.TestngTest', method: 'sleeps(String)', invocation: '[2]']
  build.hasLineMatching(q('[ERROR] Failed to execute goal dev.procleak:procleak-maven-plugin:') + '[^:]+'
      + q(':check (default) on project plugin-testng-fails: procleak: tests leaked 2 process(es); see above.') + '.*')
  build.namesOnlyPids(jvm, orphan, dataOrphan)
}
