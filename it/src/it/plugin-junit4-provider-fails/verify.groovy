// JUnit 4 only, under Surefire's surefire-junit4 provider and (the second execution,
// parallel=methods) surefire-junit47: each test is a scope, as on the JUnit Platform, named
// demo.Class.method(); the clean tests are never named; an orphan that the test JVM outlived is
// caught with its test; a Parameterized run is named by its index; a lingering child of one of
// three tests running at once is named with that test alone; a JUnit 3 TestCase, which
// surefire-junit4 runs too, is named as well; what @BeforeClass leaks is the class's.
import static dev.procleak.it.verify.ItBuild.q

import dev.procleak.it.verify.ItBuild

ItBuild.verify(basedir, binding.variables, ['sleep 67.1', 'sleep 67.2', 'sleep 3.7']) { build ->
  long jvm = build.fact('jvm'), orphan = build.fact('orphan'), brief = build.fact('briefOrphan')
  long parameterized = build.fact('parameterizedOrphan'), junit3Style = build.fact('junit3StyleOrphan')
  long classOrphan = build.fact('classOrphan')
  long jvm47 = build.fact('jvm47'), lingering = build.fact('lingering')
  assert jvm != jvm47 : 'both executions ran in one JVM'
  build.failed()
  build.hasLineMatching(q('[INFO] Using auto detected provider org.apache.maven.surefire.junit4.JUnit4Provider'))
  build.hasLineMatching(q('[INFO] Using auto detected provider org.apache.maven.surefire.junitcore.JUnitCoreProvider'))
  build.hasLine('[INFO] Tests run: 9, Failures: 0, Errors: 0, Skipped: 0')
  build.hasLine('[INFO] Tests run: 3, Failures: 0, Errors: 0, Skipped: 0')
  build.hasCheckMessage('procleak: 1 process leaked by test demo.Junit4Test.a_leaks():',
      "  ORPHAN    pid $orphan  sleep 67.1",
      "            parent: exited; adopted by the test JVM (pid $jvm)",
      '            {age}; cleanup: terminated by SIGTERM; reaped: killed by signal 15')
  build.hasCheckMessage('procleak: 1 process leaked by test demo.Junit4Test.c_leaksBriefly():',
      "  ORPHAN    pid $brief  sleep 3.7",
      "            parent: exited; adopted by the test JVM (pid $jvm)",
      '            {age}; cleanup: terminated by SIGTERM; reaped: killed by signal 15')
  build.hasCheckMessage('procleak: 1 process leaked by test demo.ParameterizedJunit4Test.sleeps()[1]:',
      "  ORPHAN    pid $parameterized  sleep 67.11",
      "            parent: exited; adopted by the test JVM (pid $jvm)",
      '            {age}; cleanup: terminated by SIGTERM; reaped: killed by signal 15')
  build.hasCheckMessage('procleak: 1 process leaked by test demo.Junit3StyleTest.testLeaks():',
      "  ORPHAN    pid $junit3Style  sleep 67.12",
      "            parent: exited; adopted by the test JVM (pid $jvm)",
      '            {age}; cleanup: terminated by SIGTERM; reaped: killed by signal 15')
  build.hasCheckMessage('procleak: 1 process leaked by class demo.ClassLeakJunit4Test (outside its test methods):',
      "  ORPHAN    pid $classOrphan  sleep 67.13",
      "            parent: exited; adopted by the test JVM (pid $jvm)",
      '            {age}; cleanup: terminated by SIGTERM; reaped: killed by signal 15')
  build.hasCheckMessage('procleak: 1 process leaked by test demo.ParallelJunit47Test.lingers():',
      "  LINGERING pid $lingering  sleep 67.2",
      "            parent: the test JVM (pid $jvm47)",
      '            {age}; cleanup: terminated by SIGTERM')
  build.hasLine(ItBuild.CHECK_SWITCHES)
  build.lacks('b_clean')
  build.lacks('d_findsTheBriefOrphanGone')
  build.lacks('sleeps()[0]')
  build.lacks('cleanOne')
  build.lacks('cleanTwo')
  build.lacks('testClean')
  build.lacks('ClassLeakJunit4Test.clean')
  build.lacks('outside any checked test')
  // Each JVM says what made its tests scopes, and that every test was one.
  def reports = build.reports().collectEntries { [(it.pid as long): it] }
  assert reports.keySet() == [jvm, jvm47] as Set
  assert reports[jvm].runners == ['JUnit 4'] && reports[jvm].testScopes == 9 : reports[jvm]
  assert reports[jvm47].runners == ['JUnit 4'] && reports[jvm47].testScopes == 3 : reports[jvm47]
  assert reports.values().every { it.unscopedRunners == [] }
  Map json = build.validatedJsonReport()
  assert json.scopes.collect { [it.kind, it.name] } as Set == [
      ['TEST', 'demo.Junit4Test.a_leaks()'], ['TEST', 'demo.Junit4Test.c_leaksBriefly()'],
      ['TEST', 'demo.ParameterizedJunit4Test.sleeps()[1]'], ['TEST', 'demo.Junit3StyleTest.testLeaks()'],
      ['CLASS', 'class demo.ClassLeakJunit4Test (outside its test methods)'],
      ['TEST', 'demo.ParallelJunit47Test.lingers()']] as Set
  // Each scope's parts, as the JUnit XML files it under its class.
  def scopes = json.leaks*.scope
  assert scopes.find { it.name == 'demo.ParameterizedJunit4Test.sleeps()[1]' }.subMap('className', 'method', 'invocation') ==
      [className: 'demo.ParameterizedJunit4Test', method: 'sleeps()', invocation: '[1]']
  assert scopes.find { it.kind == 'CLASS' }.subMap('className', 'method') == [className: 'demo.ClassLeakJunit4Test']
  build.hasLineMatching(q('[ERROR] Failed to execute goal dev.procleak:procleak-maven-plugin:') + '[^:]+'
      + q(':check (default) on project plugin-junit4-provider-fails: procleak: tests leaked 6 process(es); see above.') + '.*')
  build.namesOnlyPids(jvm, jvm47, orphan, brief, parameterized, junit3Style, classOrphan, lingering)
}
