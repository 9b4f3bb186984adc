// Java 25: the zombie and its culprit are named and cleaned up as on Java 17.
import dev.procleak.it.verify.ItBuild

ItBuild.verify(basedir, binding.variables, ['sleep 63.2']) { build ->
  long jvm = build.fact('jvm'), culprit = build.fact('culprit'), zombie = build.fact('zombie')
  assert build.fact('feature') == 25 : 'the test JVM ran Java ' + build.fact('feature')
  build.failed()
  build.hasLineMatching('Java version: 25[.].*')
  build.hasLine('[ERROR] Tests run: 1, Failures: 1, Errors: 0, Skipped: 0')
  build.hasMessage(
      'procleak: 2 processes leaked (1 zombie of one culprit, 1 lingering) by test demo.Java25Test.leaksAZombie():',
      "  LINGERING pid $culprit  sleep 63.2",
      "            parent: the test JVM (pid $jvm)",
      '            {age}; cleanup: terminated by SIGTERM',
      "  ZOMBIE    pid $zombie  sleep",
      "            parent: pid $culprit  sleep 63.2  <- the culprit: it never waited for its child",
      "            under:  the test JVM (pid $jvm)",
      '            {age}; cleanup: reaped after its parent was killed: exited with code 0',
      ItBuild.JUNIT_SWITCHES)
  build.namesOnlyPids(jvm, culprit, zombie)
}
