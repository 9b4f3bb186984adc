// A test that leaves a daemon (double fork through setsid -f, in a session of its own; the
// test checks both) fails: leaving the session does not hide it from procleak.
import dev.procleak.it.verify.ItBuild

ItBuild.verify(basedir, binding.variables, ['sleep 60.3']) { build ->
  long jvm = build.fact('jvm'), daemon = build.fact('daemon')
  build.failed()
  build.hasLine('[ERROR] Tests run: 1, Failures: 1, Errors: 0, Skipped: 0')
  build.hasBlock(
      'procleak: 1 process leaked by demo.DaemonTest.daemon():',
      "  ORPHAN    pid $daemon  sleep 60.3",
      "            parent: the test JVM (pid $jvm)",
      '            scope: demo.DaemonTest.daemon()',
      '            cleanup: terminated by SIGTERM; reaped: killed by signal 15',
      ItBuild.JUNIT_SWITCHES)
  build.namesOnlyPids(jvm, daemon)
}
