// procleak.subreaper=false, JUnit extension only (no procleak:prepare): a setsid daemon and an
// orphan whose builder touched environment() leave the test JVM's tree, so the test passes; at
// the end of the test JVM the session's own cookie finds both, names and kills them.
import dev.procleak.it.verify.ItBuild

ItBuild.verify(basedir, binding.variables, ['sleep 64.1', 'sleep 64.2']) { build ->
  long jvm = build.fact('jvm'), daemon = build.fact('daemon'), orphan = build.fact('orphan')
  build.passed()
  build.hasLine('[INFO] Tests run: 1, Failures: 0, Errors: 0, Skipped: 0')
  def report = build.report()
  assert report.subreaper == false
  assert report.cookie ==~ /procleak-[0-9a-f-]{36}\/jvm-${jvm}-\d+/
  assert build.leaks()*.scope.unique() == [[kind: 'JVM', name: 'the test JVM (escaped from its process tree, found by its cookie)']]
  build.hasLine('procleak: 2 processes leaked (2 orphans) by the test JVM (escaped from its process tree, found by its cookie):')
  [[daemon, 'sleep 64.1'], [orphan, 'sleep 64.2']].each { pid, command ->
    build.hasBlockMatching(
        ItBuild.q("  ORPHAN    pid $pid  $command"),
        ItBuild.q('            parent: exited; adopted by pid ') + '\\d+  .+',
        ItBuild.q('            ') + ItBuild.AGE + ItBuild.q('; cleanup: terminated by SIGTERM'))
  }
  build.lacks('EscapingTest.escapes()') // no test could be named: they had left its tree
}
