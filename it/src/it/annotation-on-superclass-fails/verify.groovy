// The annotation on a superclass: the subclass's test fails, named by the subclass.
import dev.procleak.it.verify.ItBuild

ItBuild.verify(basedir, binding.variables, ['sleep 63.4']) { build ->
  long jvm = build.fact('jvm'), child = build.fact('child')
  build.failed()
  build.hasLine('[ERROR] Tests run: 1, Failures: 1, Errors: 0, Skipped: 0')
  build.hasMessage(
      'procleak: 1 process leaked by test demo.SubclassTest.leaks():',
      "  LINGERING pid $child  sleep 63.4",
      "            parent: the test JVM (pid $jvm)",
      '            {age}; cleanup: terminated by SIGTERM',
      ItBuild.JUNIT_SWITCHES)
  build.namesOnlyPids(jvm, child)
}
