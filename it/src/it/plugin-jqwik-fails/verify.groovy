// jqwik only, no Jupiter: each example and property is a scope, named as jqwik names it
// (class, method, parameter types); the property and the clean example are not named.
import dev.procleak.it.verify.ItBuild

ItBuild.verify(basedir, binding.variables, ['sleep 66.2']) { build ->
  long jvm = build.fact('jvm'), orphan = build.fact('orphan')
  build.failed()
  build.lacks('NoClassDefFoundError')
  build.hasLine('[INFO] Tests run: 3, Failures: 0, Errors: 0, Skipped: 0')
  build.hasMessage(
      '[ERROR] procleak: 1 process leaked by test demo.ProcessPropertiesTest.leaks():',
      "  ORPHAN    pid $orphan  sleep 66.2",
      "            parent: exited; adopted by the test JVM (pid $jvm)",
      '            {age}; cleanup: terminated by SIGTERM; reaped: killed by signal 15',
      ItBuild.CHECK_SWITCHES)
  build.lacks('leaked by test demo.ProcessPropertiesTest.waitsForEachChild')
  build.lacks('ProcessPropertiesTest.clean')
  assert build.report().runners == ['JUnit Platform']
  assert build.report().testScopes == 3
  build.namesOnlyPids(jvm, orphan)
}
