// The test JVM crashed (Runtime.halt) right after leaving an orphan: no report names it, but
// procleak:check finds it by the build's cookie, now under another parent, names the test and the
// line that started it from the JVM's journal of its starts, fails the build and kills it; the
// journal goes with it.
import static dev.procleak.it.verify.ItBuild.q

import dev.procleak.it.verify.ItBuild

ItBuild.verify(basedir, binding.variables, ['sleep 60.8']) { build ->
  long jvm = build.fact('jvm'), orphan = build.fact('orphan')
  build.failed()
  // the fork really crashed (Failsafe keeps that for failsafe:verify, which comes after check)
  assert new File(basedir, 'target/failsafe-reports/failsafe-summary.xml').text
      .contains('The forked VM terminated without properly saying goodbye')
  build.hasBlockMatching(
      q('[ERROR] procleak: 1 process leaked by test demo.CrashIT.orphanThenCrash(), found still running after its test JVM exited:'),
      q("  ORPHAN    pid $orphan  sleep 60.8"),
      q('            parent: exited; adopted by pid ') + '\\d+  .+',
      q('            started by: pid ') + '\\d+' + q('  sh -c sleep 60.8 >/dev/null 2>&1 & echo $!  (exited)'),
      q('            started at: demo.CrashIT.orphanThenCrash(CrashIT.java:13)'),
      q("            cwd $basedir"),
      q('            ') + ItBuild.AGE + q('; cleanup: terminated by SIGTERM'),
      q(ItBuild.CHECK_SWITCHES))
  build.lacks("(pid $jvm)") // the crashed JVM is no one's parent any more
  Map jvmReport = new groovy.json.JsonSlurper().parse(
      new File(basedir, 'target/procleak').listFiles().find { it.name ==~ /jvm-\d+-\d+\.json/ })
  assert jvmReport.journal && !new File(jvmReport.journal as String).exists()
  build.hasLineMatching(q('[ERROR] Failed to execute goal dev.procleak:procleak-maven-plugin:') + '[^:]+'
      + q(':check (default) on project plugin-crashed-fork: procleak: tests leaked 1 process(es); see above.') + '.*')
}
