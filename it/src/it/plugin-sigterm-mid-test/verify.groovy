// The test JVM was sent SIGTERM while its test ran, after the test left a setsid daemon: on its
// way out the JVM ended the test's scope, stopped the daemon and wrote its report; check names
// the test and the line, and nothing of the build is left running.
import static dev.procleak.it.verify.ItBuild.q

import dev.procleak.it.verify.ItBuild

ItBuild.verify(basedir, binding.variables, ['sleep 61.1']) { build ->
  long daemon = build.fact('daemon'), jvm = build.fact('jvm')
  build.failed()
  build.hasCheckMessage(
      'procleak: 1 process leaked by test demo.TermIT.daemonThenSigterm():',
      "  ORPHAN    pid $daemon  sleep 61.1",
      "            parent: exited; adopted by the test JVM (pid $jvm)",
      '            {age}; cleanup: terminated by SIGTERM; reaped: killed by signal 15')
  build.hasLineMatching(q('            started at: demo.TermIT.daemonThenSigterm(TermIT.java:15)'))
  Map json = build.validatedJson('target/procleak/procleak-report.json')
  assert json.leaks*.pid.collect { it as long } == [daemon]
  assert json.leaks[0].cleanup.action == 'TERMINATED_BY_SIGTERM'
  // Nothing was left running: the JVM deleted its journal of starts as it ended.
  Map jvmReport = new groovy.json.JsonSlurper().parse(
      new File(basedir, 'target/procleak').listFiles().find { it.name ==~ /jvm-\d+-\d+\.json/ })
  assert jvmReport.journal && !new File(jvmReport.journal as String).exists()
}
