// JUnit 6.1: the test and the second invocation of the parameterized test fail, each named
// as it ran (JUnit 6 quotes the string argument in the display name itself); the first
// invocation passes; nothing is left running.
import dev.procleak.it.verify.ItBuild

ItBuild.verify(basedir, binding.variables, ['sleep 63.1']) { build ->
  long jvm = build.fact('jvm'), child = build.fact('child'), invocation = build.fact('invocation')
  build.failed()
  assert build.fact('jupiterMajor') == 6 && build.fact('jupiterMinor') == 1 : 'the tests ran on Jupiter ' + build.fact('jupiterMajor') + '.' + build.fact('jupiterMinor')
  build.hasLine('[ERROR] Tests run: 3, Failures: 2, Errors: 0, Skipped: 0')
  build.hasMessage(
      'procleak: 1 process leaked by test demo.Junit6Test.leaks():',
      "  LINGERING pid $child  sleep 63.1",
      "            parent: the test JVM (pid $jvm)",
      '            {age}; cleanup: terminated by SIGTERM',
      ItBuild.JUNIT_SWITCHES)
  build.hasMessage(
      'procleak: 1 process leaked by test demo.Junit6Test.sleeps(String)[2] "63.11":',
      "  LINGERING pid $invocation  sleep 63.11",
      "            parent: the test JVM (pid $jvm)",
      '            {age}; cleanup: terminated by SIGTERM',
      ItBuild.JUNIT_SWITCHES)
  build.namesOnlyPids(jvm, child, invocation)
}
