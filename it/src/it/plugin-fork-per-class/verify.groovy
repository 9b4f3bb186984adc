// reuseForks=false: a test JVM per test class, one after the other, each leaking an orphan:
// two reports, each with its own JVM's cookie below the module's, both orphans named with
// their tests.
import static dev.procleak.it.verify.ItBuild.q

import dev.procleak.it.verify.ItBuild

ItBuild.verify(basedir, binding.variables, ['sleep 63.3', 'sleep 63.4']) { build ->
  long jvm1 = build.fact('jvm1'), orphan1 = build.fact('orphan1')
  long jvm2 = build.fact('jvm2'), orphan2 = build.fact('orphan2')
  build.failed()
  def reports = build.reports()
  assert reports.size() == 2 : "one report per test JVM: ${reports*.pid}"
  assert reports*.pid.collect { it as long }.toSet() == [jvm1, jvm2].toSet()
  def cookies = reports*.cookie
  assert cookies.every { it ==~ /plugin-fork-per-class-[0-9a-f-]{36}\/jvm-\d+-\d+/ } : cookies
  assert cookies*.replaceAll('/.*', '').unique().size() == 1 : "one module cookie: $cookies"
  assert cookies.unique().size() == 2 : "one cookie per fork: $cookies"
  [[1, 'FirstTest', orphan1, jvm1], [2, 'SecondTest', orphan2, jvm2]].each { n, test, orphan, jvm ->
    build.hasCheckMessage("procleak: 1 process leaked by test demo.${test}.orphan():",
        "  ORPHAN    pid $orphan  sleep 63.${n + 2}",
        "            parent: exited; adopted by the test JVM (pid $jvm)",
        '            {age}; cleanup: terminated by SIGTERM; reaped: killed by signal 15')
  }
  build.hasLine(ItBuild.CHECK_SWITCHES)
  Map json = build.validatedJsonReport()
  assert json.testJvms*.pid.collect { it as long } as Set == [jvm1, jvm2] as Set
  assert json.leaks.collect { [it.pid as long, it.ancestors[0].pid as long] } as Set == [[orphan1, jvm1], [orphan2, jvm2]] as Set
  build.hasLineMatching(q('[ERROR] Failed to execute goal dev.procleak:procleak-maven-plugin:') + '[^:]+'
      + q(':check (default) on project plugin-fork-per-class: procleak: tests leaked 2 process(es); see above.') + '.*')
  build.namesOnlyPids(jvm1, jvm2, orphan1, orphan2)
}
