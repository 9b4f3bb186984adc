// -T 2: "leaks" leaves a setsid daemon and its test JVM is SIGKILLed; "clean" runs its check
// while that daemon still runs and is not blamed (the daemon carries the other module's cookie).
// At the end of the session procleak names the daemon under "leaks" and kills it.
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
      q('procleak: 1 process leaked by the test JVM, found still running after it exited:'),
      q("  ORPHAN    pid $daemon  sleep 63.5"),
      '            parent: pid \\d+  .+',
      q('            scope: the test JVM, found still running after it exited'),
      q('            cleanup: terminated by SIGTERM'))
  build.lacks("(pid $killedJvm)")
  build.lacks('plugin-parallel-reactor-clean leaked')
}
