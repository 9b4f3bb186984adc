// Two builds of one project. The first one's test left a setsid daemon and SIGKILLed Maven and its
// own JVM: no check ran. The second build's prepare found the daemon by the first build's cookie
// (its Maven gone), named the test and the line from the first build's journal, stopped it before
// its own tests and passed; the first build's record and journal are gone with it.
import static dev.procleak.it.verify.ItBuild.q

import dev.procleak.it.verify.ItBuild

ItBuild.verify(basedir, binding.variables, ['sleep 61.2']) { build ->
  long daemon = build.fact('daemon'), maven = build.fact('maven')
  build.hasLineMatching('Killed')
  build.hasBlockMatching(
      q('[WARNING] procleak: an earlier build of this project (begun ') + '[0-9TZ:-]+'
          + q(", its build process pid $maven gone) left 1 process running; stopped before this build's tests:"),
      q('procleak: 1 process leaked by test demo.DaemonTest.leavesADaemonThenKillsTheBuild() of an earlier build, found still running when this build began:'),
      q("  ORPHAN    pid $daemon  sleep 61.2"),
      q('            parent: exited; adopted by pid ') + '\\d+  .+',
      q('            started by: pid ') + '\\d+' + q('  setsid -f sh -c sleep 61.2') + '.*' + q('  (exited)'),
      q('            started at: demo.DaemonTest.leavesADaemonThenKillsTheBuild(DaemonTest.java:26)'),
      q("            cwd $basedir"),
      q('            ') + ItBuild.AGE + q('; cleanup: terminated by SIGTERM'))
  build.hasLineMatching(q('[INFO] procleak: no leaked processes (1 test JVM report(s) in ') + '.*')
  build.hasLineMatching(q('[INFO] BUILD SUCCESS'))
  // The first build's record and journal went once nothing of it was left running; the second
  // build's went at its check, which found nothing.
  File builds = new File(System.getProperty('java.io.tmpdir'),
      'procleak-' + System.getProperty('user.name').replaceAll('[^A-Za-z0-9._-]', '_') + '/builds')
  assert !(builds.listFiles() ?: []).any { it.name.startsWith('plugin-leftovers-of-killed-build-') }
}
