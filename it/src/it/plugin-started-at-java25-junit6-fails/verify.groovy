// Plugin only, Java 25 and JUnit 6.1: the agent's rewrite of Java 25's ProcessBuilder records the
// start; the orphan whose shell exited names the shell (exited) and where production code started
// it. The test checks that it runs on Java 25 and JUnit 6.1. The JDK prints no warning of JNA's
// native access: prepare grants it to the class path.
import dev.procleak.it.verify.ItBuild

ItBuild.verify(basedir, binding.variables, ['sleep 68.7']) { build ->
  long jvm = build.fact('jvm'), shell = build.fact('shell'), orphan = build.fact('orphan')
  build.failed()
  build.hasLine('[INFO] Tests run: 1, Failures: 0, Errors: 0, Skipped: 0')
  build.hasMessage(
      '[ERROR] procleak: 1 process leaked by test demo.IndexerTest.indexes():',
      "  ORPHAN    pid $orphan  sleep 68.7",
      "            parent: exited; adopted by the test JVM (pid $jvm)",
      "            started by: pid $shell  sh -c sleep 68.7 >/dev/null 2>&1 & echo \$!  (exited)",
      '            started at: demo.Indexer.startInBackground(Indexer.java:10) ← demo.IndexerTest.indexes(IndexerTest.java:14)',
      "            cwd ${basedir.canonicalPath}",
      '            {age}; cleanup: terminated by SIGTERM; reaped: killed by signal 15',
      ItBuild.CHECK_SWITCHES)
  // JNA armed the test JVM (the orphan was adopted) with no JDK 24+ warning of its System::load.
  build.hasLineMatching('\\[INFO\\] argLine set to -javaagent:.* --enable-native-access=ALL-UNNAMED')
  build.lacks('restricted method')
  build.namesOnlyPids(jvm, orphan)
}
