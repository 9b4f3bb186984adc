// The user's own JNA 5.8.0 and jna-platform 5.8.0, procleak.subreaper=false: the orphan left the
// test JVM's tree, so its test passed; when the JVM ended, its cookie search (from /proc: OSHI
// 6.10 cannot load on jna-platform 5.8, and before it read /proc the test JVM crashed here,
// leaving the orphan running) found it, named it and killed it.
import static dev.procleak.it.verify.ItBuild.q

import dev.procleak.it.verify.ItBuild

ItBuild.verify(basedir, binding.variables, ['sleep 69.3']) { build ->
  long jvm = build.fact('jvm'), orphan = build.fact('orphan')
  build.passed()
  build.hasLine('[INFO] Tests run: 1, Failures: 0, Errors: 0, Skipped: 0')
  build.lacks('Could not initialize class')
  build.lacks('There was an error in the forked process')
  def report = build.report()
  assert report.pid == jvm
  assert report.subreaper == false
  assert build.leaks()*.scope.unique() == [[kind: 'JVM', name: 'the test JVM (escaped from its process tree, found by its cookie)']]
  assert build.leak('ORPHAN', 'sleep 69.3').pid == orphan
  build.hasLine('procleak: 1 process leaked by the test JVM (escaped from its process tree, found by its cookie):')
  build.hasBlockMatching(
      q("  ORPHAN    pid $orphan  sleep 69.3"),
      q('            parent: exited; adopted by pid ') + '\\d+  .+',
      q('            ') + ItBuild.AGE + q('; cleanup: terminated by SIGTERM'))
  build.lacks('EscapingTest.escapesOnItsOwnJna()') // no test could be named: it had left its tree
}
