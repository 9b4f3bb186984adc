// Plugin only (no annotation, no procleak test dependency): the tests pass, then
// procleak:check fails the build, naming the orphan, its test method and the cleanup.
import static dev.procleak.it.verify.ItBuild.q

import dev.procleak.it.verify.ItBuild

ItBuild.verify(basedir, binding.variables, ['sleep 60.6']) { build ->
  long jvm = build.fact('jvm'), orphan = build.fact('orphan')
  build.failed()
  build.hasLineMatching(q('[INFO] argLine set to -javaagent:') + '.*procleak-agent\\.jar=.*')
  build.hasLine('[INFO] Tests run: 2, Failures: 0, Errors: 0, Skipped: 0')
  build.hasMessage(
      '[ERROR] procleak: 1 process leaked by test demo.OrphanTest.orphan():',
      "  ORPHAN    pid $orphan  sleep 60.6",
      "            parent: exited; adopted by the test JVM (pid $jvm)",
      '            {age}; cleanup: terminated by SIGTERM; reaped: killed by signal 15',
      ItBuild.CHECK_SWITCHES)
  build.hasLineMatching(q('[ERROR] Failed to execute goal dev.procleak:procleak-maven-plugin:') + '[^:]+'
      + q(':check (default) on project plugin-orphan-fails: procleak: tests leaked 1 process(es); see above. '
      + ItBuild.CHECK_SWITCHES) + '.*')
  build.lacks('OrphanTest.clean')
  build.namesOnlyPids(jvm, orphan)
}
