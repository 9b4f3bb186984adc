// @DetectProcessLeaks and procleak:prepare + check in one build: the annotation's scope of a test
// is the one the agent's Platform listener opened for it, so the orphan of that test fails the
// test alone (not its class, not as one of several candidates) and says where it was started;
// check names the same leak once; the clean test passes.
import dev.procleak.it.verify.ItBuild

ItBuild.verify(basedir, binding.variables, ['sleep 68.6']) { build ->
  long jvm = build.fact('jvm'), shell = build.fact('shell'), orphan = build.fact('orphan')
  String cwd = basedir.canonicalPath
  List<String> block = [
      "  ORPHAN    pid $orphan  sleep 68.6",
      "            parent: exited; adopted by the test JVM (pid $jvm)",
      "            started by: pid $shell  sh -c sleep 68.6 >/dev/null 2>&1 & echo \$!  (exited)",
      '            started at: demo.Indexer.startInBackground(Indexer.java:10) ← demo.IndexerTest.indexes(IndexerTest.java:12)',
      "            cwd $cwd",
      '            {age}; cleanup: terminated by SIGTERM; reaped: killed by signal 15']
  build.failed()
  build.hasLine('[ERROR] Tests run: 2, Failures: 1, Errors: 0, Skipped: 0')
  build.hasMessage(*(['procleak: 1 process leaked by test demo.IndexerTest.indexes():'] + block + [ItBuild.JUNIT_SWITCHES]))
  build.hasMessage(*(['[ERROR] procleak: 1 process leaked by test demo.IndexerTest.indexes():'] + block + [ItBuild.CHECK_SWITCHES]))
  build.lacks('or a test that ran at the same time')
  build.lacks('leaked by class')
  build.lacks('IndexerTest.isClean')
  Map json = build.validatedJsonReport()
  assert json.leaks*.pid == [orphan]
  build.namesOnlyPids(jvm, orphan)
}
