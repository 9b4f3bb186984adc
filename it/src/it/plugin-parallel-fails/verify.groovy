// Plugin only, JUnit parallel execution: the tests pass; check fails the build naming only the
// test that leaked, never the clean tests whose children still ran when it ended.
import static dev.procleak.it.verify.ItBuild.q

import dev.procleak.it.verify.ItBuild

ItBuild.verify(basedir, binding.variables, ['sleep 63.6']) { build ->
  long jvm = build.fact('jvm'), leaked = build.fact('leaked')
  build.failed()
  build.hasLine('[INFO] Tests run: 4, Failures: 0, Errors: 0, Skipped: 0')
  build.hasMessage(
      '[ERROR] procleak: 1 process leaked by test demo.ParallelTest.leaks():',
      "  LINGERING pid $leaked  sleep 63.6",
      "            parent: the test JVM (pid $jvm)",
      '            {age}; cleanup: terminated by SIGTERM',
      ItBuild.CHECK_SWITCHES)
  build.lacks('ParallelTest.clean')
  build.namesOnlyPids(jvm, leaked)
}
