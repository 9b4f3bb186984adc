// forkCount=2, reuseForks=true: two test JVMs at once, each leaking an orphan. Each wrote its
// own report (none overwrote the other's), each marked its children with its own cookie below
// the module's, and check names each orphan with its own test and test JVM.
import static dev.procleak.it.verify.ItBuild.q

import dev.procleak.it.verify.ItBuild

ItBuild.verify(basedir, binding.variables, ['sleep 63.1', 'sleep 63.2']) { build ->
  long jvm1 = build.fact('jvm1'), orphan1 = build.fact('orphan1')
  long jvm2 = build.fact('jvm2'), orphan2 = build.fact('orphan2')
  assert jvm1 != jvm2 : 'both test classes ran in one JVM'
  build.failed()
  build.hasLine('[INFO] Tests run: 2, Failures: 0, Errors: 0, Skipped: 0')
  def reports = build.reports()
  assert reports*.pid.collect { it as long }.sort() == [jvm1, jvm2].sort()
  def cookies = reports*.cookie
  assert cookies.every { it ==~ /plugin-two-forks-[0-9a-f-]{36}\/jvm-\d+-\d+/ } : cookies
  assert cookies*.replaceAll('/.*', '').unique().size() == 1 : "one module cookie: $cookies"
  assert cookies.unique().size() == 2 : "one cookie per fork: $cookies"
  [[1, 'FirstTest', orphan1, jvm1], [2, 'SecondTest', orphan2, jvm2]].each { n, test, orphan, jvm ->
    build.hasCheckMessage("procleak: 1 process leaked by test demo.${test}.orphan():",
        "  ORPHAN    pid $orphan  sleep 63.$n",
        "            parent: exited; adopted by the test JVM (pid $jvm)",
        '            {age}; cleanup: terminated by SIGTERM; reaped: killed by signal 15')
  }
  build.hasLine(ItBuild.CHECK_SWITCHES)
  // Both forks' leaks in check's JSON report, each with its own test JVM.
  Map json = build.validatedJsonReport()
  assert json.testJvms*.pid.collect { it as long }.sort() == [jvm1, jvm2].sort()
  assert json.scopes.collect { [it.kind, it.name] } as Set ==
      [['TEST', 'demo.FirstTest.orphan()'], ['TEST', 'demo.SecondTest.orphan()']] as Set
  assert json.leaks.collect { [it.pid as long, it.ancestors[0].pid as long] } as Set == [[orphan1, jvm1], [orphan2, jvm2]] as Set
  build.hasLineMatching(ItBuild.q('[ERROR] Failed to execute goal dev.procleak:procleak-maven-plugin:') + '[^:]+'
      + ItBuild.q(':check (default) on project plugin-two-forks: procleak: tests leaked 2 process(es); see above.') + '.*')
  build.namesOnlyPids(jvm1, jvm2, orphan1, orphan2)
}
