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
      q('            started by: pid ') + '\\d+' + q('  setsid sh -c sleep 61.2 </dev/null >/dev/null 2>&1 & echo $!; read x  (exited)'),
      q('            started at: demo.DaemonTest.leavesADaemonThenKillsTheBuild(DaemonTest.java:19)'),
      q("            cwd $basedir"),
      q('            ') + ItBuild.AGE + q('; cleanup: terminated by SIGTERM'))
  build.hasLine("[WARNING] procleak: earlier builds of this project had left 1 process running, stopped before this build's tests; not this build's leaks (prepare's output names each)")
  build.hasLineMatching(q('[INFO] procleak: no leaked processes (1 test JVM report(s) in ') + '.*')
  // In every report of this build, a section of its own, not among its leaks.
  Map json = build.validatedJson('target/procleak/procleak-report.json')
  assert json.leaks == []
  assert json.leftovers*.pid.collect { it as long } == [daemon]
  assert json.leftovers[0].scope == [kind: 'LEFTOVER', name: 'demo.DaemonTest.leavesADaemonThenKillsTheBuild()',
      className: 'demo.DaemonTest', method: 'leavesADaemonThenKillsTheBuild()', invocation: '']
  assert json.leftovers[0].cleanup.action == 'TERMINATED_BY_SIGTERM'
  def xml = new groovy.xml.XmlSlurper().parse(new File(basedir, 'target/procleak/TEST-procleak.xml'))
  def leftovers = xml.testcase.find { it.@name == 'left running by earlier builds' }
  assert leftovers.failure.size() == 0
  assert leftovers.'system-out'.text().contains("ORPHAN    pid $daemon  sleep 61.2")
  String html = new File(basedir, 'target/procleak/index.html').text
  assert html.contains('<h2 class="leftovers">procleak: earlier builds of this project had left 1 process running')
  assert html.contains("leftovers") && html.contains("$daemon")
  build.hasLineMatching(q('[INFO] BUILD SUCCESS'))
  // The first build's record and journal went once nothing of it was left running; the second
  // build's went at its check, which found nothing.
  File builds = new File(System.getProperty('java.io.tmpdir'),
      'procleak-' + System.getProperty('user.name').replaceAll('[^A-Za-z0-9._-]', '_') + '/builds')
  assert !(builds.listFiles() ?: []).any { it.name.startsWith('plugin-leftovers-of-killed-build-') }
}
