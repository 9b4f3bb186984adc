// maven-source-plugin:jar (bound to package) forks the lifecycle up to generate-sources, which
// runs procleak:prepare a second time after the tests: the module keeps its cookie and the
// test JVM's report, so check still names the orphan and fails.
import static dev.procleak.it.verify.ItBuild.q

import dev.procleak.it.verify.ItBuild

ItBuild.verify(basedir, binding.variables, ['sleep 66.3']) { build ->
  long jvm = build.fact('jvm'), orphan = build.fact('orphan')
  build.failed()
  assert build.count('[INFO] --- procleak:' + build.lines().find { it.contains('[INFO] --- procleak:') }
      .replaceFirst(/.*--- procleak:([^:]+):prepare.*/, '$1') + ':prepare (default) @ plugin-source-jar-fails ---') == 2 :
      'prepare runs twice: in the build and in the source plugin\'s forked lifecycle'
  build.hasLineMatching(q('[INFO] argLine already holds procleak\'s agent: -javaagent:') + '.*')
  build.hasLine('[INFO] Tests run: 1, Failures: 0, Errors: 0, Skipped: 0')
  build.hasMessage(
      '[ERROR] procleak: 1 process leaked by test demo.OrphanTest.orphan():',
      "  ORPHAN    pid $orphan  sleep 66.3",
      "            parent: exited; adopted by the test JVM (pid $jvm)",
      '            {age}; cleanup: terminated by SIGTERM; reaped: killed by signal 15',
      ItBuild.CHECK_SWITCHES)
  assert build.reports().size() == 1
  build.namesOnlyPids(jvm, orphan)
}
