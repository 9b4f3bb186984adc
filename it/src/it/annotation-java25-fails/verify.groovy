// Java 25: the zombie and its culprit are named and cleaned up as on Java 17, and, with the
// annotation alone, where they were started: from the JDK's own log of process starts.
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
      '            started at: demo.Java25Test.leaksAZombie(Java25Test.java:18)',
      "            cwd ${basedir.canonicalPath}",
      '            {age}; cleanup: terminated by SIGTERM',
      "  ZOMBIE    pid $zombie  sleep",
      "            parent: pid $culprit  sleep 63.2  <- the culprit: it never waited for its child",
      "            under:  the test JVM (pid $jvm)",
      "            started by: pid $culprit  sh -c sleep 0.2 & echo \$!; exec sleep 63.2",
      '            started at: demo.Java25Test.leaksAZombie(Java25Test.java:18)',
      '            {age}; cleanup: reaped after its parent was killed: exited with code 0',
      ItBuild.JUNIT_SWITCHES)
  // Where it was started, from the JDK's own log of starts (JDK 21+), with nothing configured;
  // the JDK's log records themselves are printed nowhere.
  build.lacks(ItBuild.NOT_RECORDED)
  build.lacks('ProcessBuilder.start()')
  build.namesOnlyPids(jvm, culprit, zombie)
}
