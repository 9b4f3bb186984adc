// The build's own JNA and jna-platform 5.8, jackson-core 2.12 and SLF4J 1.7 with slf4j-simple
// win over procleak's (nearest-wins): the test that uses them sees their versions, from their
// jars, and passes; the one that leaves an orphan still fails, named, killed and reaped, as
// with procleak's versions.
import dev.procleak.it.verify.ItBuild

ItBuild.verify(basedir, binding.variables, ['sleep 69.1']) { build ->
  long jvm = build.fact('jvm'), orphan = build.fact('orphan')
  build.failed()
  build.hasLine('[ERROR] Tests run: 2, Failures: 1, Errors: 0, Skipped: 0')
  build.usedItsOwnLibraries() // slf4j-simple 1.7 logged the fixture's line; no SLF4J warning
  build.lacks('OldLibrariesTest.runsOnItsOwnLibraries')
  build.hasMessage(
      'procleak: 1 process leaked by test demo.OldLibrariesTest.orphan():',
      "  ORPHAN    pid $orphan  sleep 69.1",
      "            parent: exited; adopted by the test JVM (pid $jvm)",
      '            {age}; cleanup: terminated by SIGTERM; reaped: killed by signal 15',
      ItBuild.JUNIT_SWITCHES)
  build.namesOnlyPids(jvm, orphan)
}
