// Java 25 with the build's own LoggerFinder (SLF4J's): the JDK's log of starts goes there, not to
// procleak, and the leak says so, naming the finder and the switch that records starts.
import dev.procleak.it.verify.ItBuild

ItBuild.verify(basedir, binding.variables, ['sleep 65.3']) { build ->
  long jvm = build.fact('jvm'), culprit = build.fact('culprit'), zombie = build.fact('zombie')
  assert build.fact('feature') == 25 : 'the test JVM ran Java ' + build.fact('feature')
  build.failed()
  build.hasMessage(
      'procleak: 2 processes leaked (1 zombie of one culprit, 1 lingering) by test demo.Java25Test.leaksAZombie():',
      "  LINGERING pid $culprit  sleep 65.3",
      "            parent: the test JVM (pid $jvm)",
      "            cwd ${basedir.canonicalPath}",
      '            {age}; cleanup: terminated by SIGTERM',
      "  ZOMBIE    pid $zombie  sleep",
      "            parent: pid $culprit  sleep 65.3  <- the culprit: it never waited for its child",
      "            under:  the test JVM (pid $jvm)",
      '            {age}; cleanup: reaped after its parent was killed: exited with code 0',
      ItBuild.NOT_RECORDED + 'this test JVM runs without procleak\'s agent, and the JDK\'s log of process'
          + ' starts goes to org.slf4j.jdk.platform.logging.SLF4JSystemLoggerFinder, this test class path\'s'
          + ' LoggerFinder, where procleak does not read it; bind procleak:prepare, or set'
          + ' procleak.recordStarts=jfr (through JFR, which costs each test JVM about a second and 50 MB).',
      ItBuild.JUNIT_SWITCHES)
  build.lacks('started at:')
  build.namesOnlyPids(jvm, culprit, zombie)
}
