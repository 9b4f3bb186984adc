// Vintage only, no Jupiter: the test JVM runs (no NoClassDefFoundError), each JUnit 4 test is a
// scope, and check names the leaking one by class and method, not its clean neighbour. Vintage
// tells JUnit 4's RunNotifier too, which procleak's agent rewrites: its hook stands back for the
// Platform's listener, so two tests are two scopes, not four.
import static dev.procleak.it.verify.ItBuild.q

import dev.procleak.it.verify.ItBuild

ItBuild.verify(basedir, binding.variables, ['sleep 66.1']) { build ->
  long jvm = build.fact('jvm'), orphan = build.fact('orphan')
  assert build.fact('jupiter') == 0 : 'Jupiter must not be on this build\'s test class path'
  build.failed()
  build.lacks('NoClassDefFoundError')
  build.hasLine('[INFO] Tests run: 2, Failures: 0, Errors: 0, Skipped: 0')
  build.hasMessage(
      '[ERROR] procleak: 1 process leaked by test demo.VintageTest.leaks():',
      "  ORPHAN    pid $orphan  sleep 66.1",
      "            parent: exited; adopted by the test JVM (pid $jvm)",
      '            {age}; cleanup: terminated by SIGTERM; reaped: killed by signal 15',
      ItBuild.CHECK_SWITCHES)
  build.lacks('VintageTest.clean')
  assert build.report().runners == ['JUnit Platform']
  assert build.report().testScopes == 2
  build.namesOnlyPids(jvm, orphan)
}
