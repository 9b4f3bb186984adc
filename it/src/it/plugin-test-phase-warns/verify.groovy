// `mvn test`: procleak:check (verify) is never reached. The test JVM killed and reported the
// orphan; the session-end check names it as a warning after the build passed.
import dev.procleak.it.verify.ItBuild

ItBuild.verify(basedir, binding.variables, ['sleep 64.3']) { build ->
  long jvm = build.fact('jvm'), orphan = build.fact('orphan')
  build.passed()
  build.lacks(':check (default)') // never ran
  build.hasMessage(
      "[WARNING] procleak: plugin-test-phase-warns leaked 1 process(es); the build ended before procleak:check's phase:",
      'procleak: 1 process leaked by test demo.OrphanTest.orphan():',
      "  ORPHAN    pid $orphan  sleep 64.3",
      "            parent: exited; adopted by the test JVM (pid $jvm)",
      '            {age}; cleanup: terminated by SIGTERM; reaped: killed by signal 15',
      ItBuild.CHECK_SWITCHES)
  assert build.validatedJsonReport().leaks*.pid.collect { it as long } == [orphan]
  build.namesOnlyPids(jvm, orphan)
}
