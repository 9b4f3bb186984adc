// Autodetection with reuseForks=false: Surefire's discovery session in Maven's JVM arms nothing
// (no report names Maven's JVM, no cookie reaches the test JVMs from it); each test JVM is armed
// when its tests run, writes its own report, and the leaking test fails.
import dev.procleak.it.verify.ItBuild

ItBuild.verify(basedir, binding.variables, ['sleep 66.6']) { build ->
  long jvm = build.fact('jvm'), orphan = build.fact('orphan'), maven = build.fact('maven')
  build.failed()
  build.hasMessage(
      'procleak: 1 process leaked by test demo.LeakingTest.leaksAnOrphan():',
      "  ORPHAN    pid $orphan  sleep 66.6",
      "            parent: exited; adopted by the test JVM (pid $jvm)",
      '            {age}; cleanup: terminated by SIGTERM; reaped: killed by signal 15',
      ItBuild.JUNIT_SWITCHES)
  build.lacks('CleanTest.clean')
  def reports = build.reports()
  assert reports*.pid.sort() == [jvm, build.fact('cleanJvm')].sort() : "one report per test JVM, none for Maven's JVM (pid $maven): $reports"
  assert !reports*.pid.contains(maven)
  build.namesOnlyPids(jvm, orphan, build.fact("cleanJvm"))
}
