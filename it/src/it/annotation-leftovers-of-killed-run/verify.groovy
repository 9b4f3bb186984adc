// @DetectProcessLeaks alone, run twice. The first run's test left a setsid daemon and SIGKILLed its
// own test JVM. The second run's test JVM, as procleak armed it, found the daemon of that run (its
// JVM gone), said so on the console and in its report, and stopped it before any test; the run
// passed. Without the agent a process whose parent exited names no start, so no test either.
import static dev.procleak.it.verify.ItBuild.q

import dev.procleak.it.verify.ItBuild

ItBuild.verify(basedir, binding.variables, ['sleep 61.5']) { build ->
  long daemon = build.fact('daemon'), jvm = build.fact('jvm')
  build.hasLineMatching('.*' + q('The forked VM terminated without properly saying goodbye') + '.*')
  build.hasBlockMatching(
      q('procleak: an earlier build of this project (begun ') + '[0-9TZ:-]+'
          + q(", its build process pid $jvm gone) left 1 process running; stopped before this build's tests:"),
      q("procleak: 1 process leaked by an earlier build's test JVM, found still running when this build began:"),
      q("  ORPHAN    pid $daemon  sleep 61.5"),
      q('            parent: exited; adopted by pid ') + '\\d+  .+',
      q("            cwd $basedir"),
      q('            ') + ItBuild.AGE + q('; cleanup: terminated by SIGTERM'))
  build.hasLineMatching(q('[INFO] BUILD SUCCESS'))
  // The second run's JVM report holds them, as a section of their own.
  def reports = new File(basedir, 'target/procleak').listFiles().findAll { it.name ==~ /jvm-\d+-\d+\.json/ }
  def second = reports.collect { new groovy.json.JsonSlurper().parse(it) }.find { it.leftovers }
  assert second.leftovers*.pid.collect { it as long } == [daemon]
  assert second.leftovers[0].scope.kind == 'LEFTOVER'
  assert second.leaks == []
}
