// A test that leaves a daemon (double fork through setsid -f, in a session of its own; the
// test checks both) fails: leaving the session does not hide it from procleak.
import dev.procleak.it.verify.ItBuild

ItBuild.verify(basedir, binding.variables, ['sleep 60.3']) { build ->
  long jvm = build.fact('jvm'), daemon = build.fact('daemon')
  build.failed()
  build.hasLine('[ERROR] Tests run: 1, Failures: 1, Errors: 0, Skipped: 0')
  build.hasMessage(
      'procleak: 1 process leaked by test demo.DaemonTest.daemon():',
      "  ORPHAN    pid $daemon  sleep 60.3",
      "            parent: exited; adopted by the test JVM (pid $jvm)",
      '            {age}; cleanup: terminated by SIGTERM; reaped: killed by signal 15',
      ItBuild.JUNIT_SWITCHES)
  build.namesOnlyPids(jvm, daemon)
}
