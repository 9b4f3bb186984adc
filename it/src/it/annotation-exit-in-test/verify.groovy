// Annotation mode: a checked test leaves an orphan and calls System.exit; Surefire fails the
// build. The session's shutdown hook ended the scope of the test that never returned, killed
// the orphan and reported it against that test in the JVM's report.
import dev.procleak.it.verify.ItBuild

ItBuild.verify(basedir, binding.variables, ['sleep 64.4']) { build ->
  long jvm = build.fact('jvm'), orphan = build.fact('orphan')
  build.failed()
  build.hasLineMatching('.*The forked VM terminated without properly saying goodbye. VM crash or System.exit called\\?.*')
  def leak = build.leak('ORPHAN', 'sleep 64.4')
  assert leak.pid as long == orphan
  assert leak.scope == [kind: 'TEST', name: 'demo.ExitTest.orphanThenExit()', className: 'demo.ExitTest',
                       method: 'orphanThenExit()', invocation: '']
  assert leak.cleanup.text == 'terminated by SIGTERM; reaped: killed by signal 15'
  assert build.testJvm() == jvm
  // Its standard error shows the same message only if Surefire still reads it: not asserted.
  build.namesOnlyPids(jvm, orphan)
}
