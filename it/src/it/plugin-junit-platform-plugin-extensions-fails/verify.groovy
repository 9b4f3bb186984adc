// procleak declared with extensions gives junit-platform-maven-plugin's test JVMs its agent, the
// user's configuration untouched: the leaking test is named as under Surefire, and no gap.
import static dev.procleak.it.verify.ItBuild.q

import dev.procleak.it.verify.ItBuild

ItBuild.verify(basedir, binding.variables, ['sleep 65.2']) { build ->
  long jvm = build.fact('jvm'), orphan = build.fact('orphan')
  build.failed()
  build.hasLine('[INFO] procleak: plugin-junit-platform-plugin-extensions-fails runs its tests with'
      + ' junit-platform-maven-plugin: its test JVMs get procleak\'s agent as one more additionalOption'
      + ' of its javaOptions (${procleak.javaagent})')
  build.hasMessage(
      '[ERROR] procleak: 1 process leaked by test demo.OrphanTest.orphan():',
      "  ORPHAN    pid $orphan  sleep 65.2",
      "            parent: exited; adopted by the test JVM (pid $jvm)",
      '            {age}; cleanup: terminated by SIGTERM; reaped: killed by signal 15',
      ItBuild.CHECK_SWITCHES)
  build.lacks('procleak checked')
  assert build.validatedJsonReport().testJvms*.testScopes == [2]
  build.namesOnlyPids(jvm, orphan)
}
