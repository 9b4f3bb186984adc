// Two projects. "killed"'s first build left a setsid daemon and SIGKILLed Maven and its own JVM.
// "other"'s build found that build over but of another project, and left the daemon running (its
// test saw it alive); "killed"'s next build named the daemon with its test and stopped it.
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
      q('[WARNING] procleak: an earlier build of this project (begun ') + '[0-9TZ:-]+'
          + q(", its build process pid $maven gone) left 1 process running; stopped before this build's tests:"),
      q('procleak: 1 process leaked by test demo.DaemonTest.leavesADaemonThenKillsTheBuild() of an earlier build, found still running when this build began:'),
      q("  ORPHAN    pid $daemon  sleep 61.3"))
}
