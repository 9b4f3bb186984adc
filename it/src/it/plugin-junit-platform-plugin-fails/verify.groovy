// junit-platform-maven-plugin's test JVM got procleak's agent through javaOptions: the leaking
// test is named as under Surefire, and no gap is reported.
import static dev.procleak.it.verify.ItBuild.q

import dev.procleak.it.verify.ItBuild

ItBuild.verify(basedir, binding.variables, ['sleep 65.1']) { build ->
  long jvm = build.fact('jvm'), orphan = build.fact('orphan')
  build.failed()
  build.hasMessage(
      '[ERROR] procleak: 1 process leaked by test demo.OrphanTest.orphan():',
      "  ORPHAN    pid $orphan  sleep 65.1",
      "            parent: exited; adopted by the test JVM (pid $jvm)",
      '            {age}; cleanup: terminated by SIGTERM; reaped: killed by signal 15',
      ItBuild.CHECK_SWITCHES)
  build.hasLineMatching(q('[ERROR] Failed to execute goal dev.procleak:procleak-maven-plugin:') + '[^:]+'
      + q(':check (default) on project plugin-junit-platform-plugin-fails: procleak: tests leaked 1 process(es); see above. '
      + ItBuild.CHECK_SWITCHES) + '.*')
  build.lacks('procleak checked')
  def json = build.validatedJsonReport()
  assert json.gaps == null
  assert json.testJvms*.testScopes == [2]
  build.lacks('OrphanTest.clean')
  build.namesOnlyPids(jvm, orphan)
}
