// A test that leaves a zombie fails: the zombie is named with its culprit (the parent that
// never waited, itself a lingering child), both are cleaned up, and nothing is left running.
import dev.procleak.it.verify.ItBuild

ItBuild.verify(basedir, binding.variables, ['sleep 30.1']) { build ->
  long jvm = build.fact('jvm'), culprit = build.fact('culprit'), zombie = build.fact('zombie')
  String scope = 'demo.ZombieTest.zombie()'
  build.failed()
  build.hasLine('[ERROR] Tests run: 1, Failures: 1, Errors: 0, Skipped: 0')
  build.hasMessage(
      "procleak: 2 processes leaked (1 zombie of one culprit, 1 lingering) by test $scope:",
      "  LINGERING pid $culprit  sleep 30.1",
      "            parent: the test JVM (pid $jvm)",
      '            {age}; cleanup: terminated by SIGTERM',
      "  ZOMBIE    pid $zombie  sleep",
      "            parent: pid $culprit  sleep 30.1  <- the culprit: it never waited for its child",
      "            under:  the test JVM (pid $jvm)",
      '            {age}; cleanup: reaped after its parent was killed: exited with code 0',
      ItBuild.JUNIT_SWITCHES)
  build.namesOnlyPids(jvm, culprit, zombie)
}
