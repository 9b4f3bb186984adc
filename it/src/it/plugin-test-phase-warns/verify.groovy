// `mvn test`: procleak:check (verify) is never reached. The test JVM killed and reported the
// orphan; the session-end check names it as a warning after the build passed, and writes and
// logs check's reports as check would, the job summary too.
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
  String reports = new File(basedir, 'target/procleak').canonicalPath
  build.hasLine("[INFO] procleak: reports written to $reports/procleak-report.json and $reports/TEST-procleak.xml")
  String summary = build.text('target/github-step-summary.md')
  assert summary.startsWith('### procleak: 1 process leaked in `plugin-test-phase-warns`\n')
  assert summary.contains("| $orphan |")
  build.namesOnlyPids(jvm, orphan)
}
