// A test that leaves an orphan (a shell's background job, the shell waited for) fails: the
// orphan is named, adopted by the test JVM, killed and reaped; nothing is left running.
import dev.procleak.it.verify.ItBuild

ItBuild.verify(basedir, binding.variables, ['sleep 60.2']) { build ->
  long jvm = build.fact('jvm'), orphan = build.fact('orphan')
  build.failed()
  build.hasLine('[ERROR] Tests run: 1, Failures: 1, Errors: 0, Skipped: 0')
  build.hasMessage(
      'procleak: 1 process leaked by test demo.OrphanTest.orphan():',
      "  ORPHAN    pid $orphan  sleep 60.2",
      "            parent: exited; adopted by the test JVM (pid $jvm)",
      '            {age}; cleanup: terminated by SIGTERM; reaped: killed by signal 15',
      ItBuild.JUNIT_SWITCHES)
  build.namesOnlyPids(jvm, orphan)
}
