// -T 2: "leaks" leaves a setsid daemon and its test JVM is SIGKILLed; "clean" runs its check
// while that daemon still runs and is not blamed (the daemon carries the other module's cookie).
// At the end of the session procleak names the daemon under "leaks", with the test and the line
// that started it (the killed JVM had journaled the start), and kills it.
import static dev.procleak.it.verify.ItBuild.q

import dev.procleak.it.verify.ItBuild

ItBuild.verify(basedir, binding.variables, ['sleep 63.5']) { build ->
  long daemon = build.fact('daemon'), killedJvm = build.fact('jvm')
  build.failed()
  build.hasLineMatching('.*Using the MultiThreadedBuilder implementation with a thread count of 2.*')
  // "clean" passed its check with the daemon alive (its test waited for that).
  assert new File(basedir, 'clean/target/facts-CleanTest.properties').text.contains("otherDaemon=$daemon")
  build.hasLineMatching(q('[INFO] procleak: no leaked processes (1 test JVM report(s) in ') + '.*/clean/target/procleak\\)')
  build.hasLineMatching(q('[INFO] plugin-parallel-reactor-clean ') + '(1\\.0 )?\\.+ SUCCESS .*')
  build.hasLineMatching(q('[INFO] plugin-parallel-reactor-leaks ') + '(1\\.0 )?\\.+ FAILURE .*')
  build.hasBlockMatching(
      q('[ERROR] procleak: plugin-parallel-reactor-leaks leaked 1 process(es); its build failed before procleak:check'
          + ' (a crashed test JVM or System.exit fails Surefire at once):'),
      q('procleak: 1 process leaked by test demo.KilledForkTest.daemonThenSigkill(), found still running after its test JVM exited:'),
      q("  ORPHAN    pid $daemon  sleep 63.5"),
      q('            parent: exited; adopted by pid ') + '\\d+  .+',
      q('            started by: pid ') + '\\d+' + q('  setsid sh -c sleep 63.5 </dev/null >/dev/null 2>&1 & echo $!; read x  (exited)'),
      q('            started at: demo.KilledForkTest.daemonThenSigkill(KilledForkTest.java:15)'),
      q("            cwd $basedir/leaks"),
      q('            ') + ItBuild.AGE + q('; cleanup: terminated by SIGTERM'),
      q(ItBuild.CHECK_SWITCHES))
  // The session-end check wrote check's reports for the module whose check never ran.
  Map json = build.validatedJson('leaks/target/procleak/procleak-report.json')
  assert json.project == 'plugin-parallel-reactor-leaks'
  assert json.scopes == [[kind: 'SURVIVOR', name: 'demo.KilledForkTest.daemonThenSigkill()', leaks: 1]]
  assert json.leaks[0].scope.className == 'demo.KilledForkTest'
  assert json.leaks[0].origin.callers == ['demo.KilledForkTest.daemonThenSigkill(KilledForkTest.java:15)']
  assert json.leaks*.pid.collect { it as long } == [daemon]
  assert json.leaks[0].cleanup.action == 'TERMINATED_BY_SIGTERM'
  assert new File(basedir, 'leaks/target/procleak/TEST-procleak.xml').text.contains("pid $daemon ")
  assert new File(basedir, 'leaks/target/procleak/index.html').isFile()
  build.lacks("(pid $killedJvm)")
  build.lacks('plugin-parallel-reactor-clean leaked')
}
