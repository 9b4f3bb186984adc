// Annotation mode without the agent, procleak.recordStarts=jfr: JFR's jdk.ProcessStart event
// records each start. A child that production code started names that code (JFR keeps lines,
// not file names); an orphan whose shell exited cannot be traced without the agent's cookies,
// and says so, naming the plugin.
import dev.procleak.it.verify.ItBuild

ItBuild.verify(basedir, binding.variables, ['sleep 68.4', 'sleep 68.5']) { build ->
  long jvm = build.fact('jvm'), child = build.fact('child'), orphan = build.fact('orphan')
  String cwd = basedir.canonicalPath
  build.failed()
  build.hasLine('[ERROR] Tests run: 2, Failures: 2, Errors: 0, Skipped: 0')
  build.hasMessage(
      'procleak: 1 process leaked by test demo.IndexerTest.leavesAChild():',
      "  LINGERING pid $child  sleep 68.4",
      "            parent: the test JVM (pid $jvm)",
      '            started at: demo.Indexer.startChild(line 9) ← demo.IndexerTest.leavesAChild(line 19)',
      "            cwd $cwd",
      '            {age}; cleanup: terminated by SIGTERM',
      ItBuild.JUNIT_SWITCHES)
  build.hasMessage(
      'procleak: 1 process leaked by test demo.IndexerTest.leavesAnOrphan():',
      "  ORPHAN    pid $orphan  sleep 68.5",
      "            parent: exited; adopted by the test JVM (pid $jvm)",
      "            started at: no Java start is linked to it: without procleak's agent (procleak:prepare), a process"
          + ' whose parent exited cannot be traced to its start, only one that Java started or a live child of it',
      "            cwd $cwd",
      '            {age}; cleanup: terminated by SIGTERM; reaped: killed by signal 15',
      ItBuild.JUNIT_SWITCHES)
  build.namesOnlyPids(jvm, child, orphan)
}
