// Annotation mode: a checked test leaves an orphan and calls System.exit; Surefire fails the
// build. The session's shutdown hook killed the orphan and reported it, naming the caller of
// System.exit, in the JVM's report.
import dev.procleak.it.verify.ItBuild

ItBuild.verify(basedir, binding.variables, ['sleep 64.4']) { build ->
  long jvm = build.fact('jvm'), orphan = build.fact('orphan')
  build.failed()
  build.hasLineMatching('.*The forked VM terminated without properly saying goodbye. VM crash or System.exit called\\?.*')
  def leak = build.leak('ORPHAN', 'sleep 64.4')
  assert leak.pid as long == orphan
  assert leak.scope == [kind: 'JVM', name: 'the test JVM (ended by System.exit in demo.ExitTest.orphanThenExit(ExitTest.java:19))']
  assert leak.cleanup.text == 'terminated by SIGTERM; reaped: killed by signal 15'
  assert build.testJvm() == jvm
  // Its standard error shows the same message only if Surefire still reads it: not asserted.
  build.namesOnlyPids(jvm, orphan)
}
