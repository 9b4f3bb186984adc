// Autodetection: an unannotated test that leaks an orphan fails; its clean neighbour passes.
import dev.procleak.it.verify.ItBuild

ItBuild.verify(basedir, binding.variables, ['sleep 63.5']) { build ->
  long jvm = build.fact('jvm'), orphan = build.fact('orphan')
  build.failed()
  build.hasLine('[ERROR] Tests run: 2, Failures: 1, Errors: 0, Skipped: 0')
  build.hasMessage(
      'procleak: 1 process leaked by test demo.UnannotatedTest.leaksAnOrphan():',
      "  ORPHAN    pid $orphan  sleep 63.5",
      "            parent: exited; adopted by the test JVM (pid $jvm)",
      '            {age}; cleanup: terminated by SIGTERM; reaped: killed by signal 15',
      ItBuild.JUNIT_SWITCHES)
  build.lacks('UnannotatedTest.clean')
  build.namesOnlyPids(jvm, orphan)
}
