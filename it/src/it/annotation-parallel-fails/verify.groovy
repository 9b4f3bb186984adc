// Parallel execution: the clean tests, whose children still ran when the leaking test ended,
// pass and are never named; the leaking test fails alone.
import dev.procleak.it.verify.ItBuild

ItBuild.verify(basedir, binding.variables, ['sleep 63.3']) { build ->
  long jvm = build.fact('jvm'), leaked = build.fact('leaked')
  build.failed()
  build.hasLine('[ERROR] Tests run: 4, Failures: 1, Errors: 0, Skipped: 0')
  build.hasMessage(
      'procleak: 1 process leaked by test demo.ParallelTest.leaks():',
      "  LINGERING pid $leaked  sleep 63.3",
      "            parent: the test JVM (pid $jvm)",
      '            {age}; cleanup: terminated by SIGTERM',
      ItBuild.JUNIT_SWITCHES)
  build.lacks('ParallelTest.clean')
  build.namesOnlyPids(jvm, leaked)
}
