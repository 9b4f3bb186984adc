// Two projects. "killed"'s first build left a setsid daemon and SIGKILLed Maven and its own JVM.
// "other"'s build found that build over but of another project, and left the daemon running (its
// test saw it alive); procleak:scan told it apart from other orphans, naming the project and the
// test that left it (the rules alone take a double-forked daemon for a daemon); "killed"'s next
// build named the daemon with its test and stopped it.
import static dev.procleak.it.verify.ItBuild.q

import dev.procleak.it.verify.ItBuild

ItBuild.verify(basedir, binding.variables, ['sleep 61.3']) { build ->
  long daemon = build.fact('daemon'), maven = build.fact('maven')
  build.hasLineMatching('Killed')
  assert build.fact('daemonAliveDuringOther') == daemon
  String log = new File(basedir, 'build.log').text
  assert log.count('procleak: an earlier build of this project') == 1
  // ... and only in the third build, of "killed".
  assert log.indexOf('procleak: an earlier build of this project') > log.lastIndexOf('Building plugin-leftovers-other-project-killed')
  assert log.indexOf('procleak: an earlier build of this project') > log.indexOf('Building plugin-leftovers-other-project-other')
  build.hasBlockMatching(
      q("  ORPHAN    pid $daemon  sleep 61.3"),
      q('            parent: exited; adopted by pid ') + '\\d+  .+',
      q('            ') + ItBuild.AGE + q('; cleanup: not cleaned up'),
      q("            left by an earlier build of $basedir/killed (begun ") + '[0-9TZ:-]+'
          + q(", its build process pid $maven gone), started by test demo.DaemonTest.leavesADaemonThenKillsTheBuild()"))
  Map scan = new groovy.json.JsonSlurper().parse(new File(basedir, 'scan.json'))
  Map found = scan.leaks.find { (it.pid as long) == daemon }
  assert found.machine.leftBy.startsWith("left by an earlier build of $basedir/killed (begun ")
  assert found.machine.why == 'carries the cookie of an earlier build whose run is over'
  build.hasBlockMatching(
      q('[WARNING] procleak: an earlier build of this project (begun ') + '[0-9TZ:-]+'
          + q(", its build process pid $maven gone) left 1 process running; stopped before this build's tests:"),
      q('procleak: 1 process leaked by test demo.DaemonTest.leavesADaemonThenKillsTheBuild() of an earlier build, found still running when this build began:'),
      q("  ORPHAN    pid $daemon  sleep 61.3"))
}
