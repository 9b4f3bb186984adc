// Plugin only; the tests call production code. Each leak names the Java call that started its
// tree (the orphan's shell, which exited, by its command), its working directory and the port it
// listens on; a process started natively says no Java start was recorded. So do the JSON report
// (against the schema), the JUnit XML report, the HTML page and the job summary.
import static dev.procleak.it.verify.ItBuild.q

import dev.procleak.it.verify.ItBuild

ItBuild.verify(basedir, binding.variables, ['sleep 68.1', 'demo.Listener 68.2', 'sleep 68.3']) { build ->
  long jvm = build.fact('jvm'), shell = build.fact('shell'), orphan = build.fact('orphan')
  long server = build.fact('server'), port = build.fact('port'), nativeSleep = build.fact('native')
  String cwd = basedir.canonicalPath
  String java = new File(System.getProperty('java.home'), 'bin/java').canonicalPath
  build.failed()
  build.hasLine('[INFO] Tests run: 3, Failures: 0, Errors: 0, Skipped: 0')

  build.hasMessage(
      '[ERROR] procleak: 1 process leaked by test demo.IndexerTest.indexes():',
      "  ORPHAN    pid $orphan  sleep 68.1",
      "            parent: exited; adopted by the test JVM (pid $jvm)",
      "            started by: pid $shell  sh -c sleep 68.1 >/dev/null 2>&1 & echo \$!  (exited)",
      '            started at: demo.Indexer.startInBackground(Indexer.java:14) ← demo.IndexerTest.indexes(IndexerTest.java:20)',
      "            cwd $cwd",
      '            {age}; cleanup: terminated by SIGTERM; reaped: killed by signal 15',
      'procleak: 1 process leaked by test demo.IndexerTest.serves():',
      "  LINGERING pid $server  $java -cp $cwd/target/classes demo.Listener 68.2",
      "            parent: the test JVM (pid $jvm)",
      '            started at: demo.Indexer.startServer(Indexer.java:22) ← demo.IndexerTest.serves(IndexerTest.java:27)',
      "            cwd $cwd; listening on 127.0.0.1:$port",
      '            {age}; cleanup: terminated by SIGTERM',
      'procleak: 1 process leaked by test demo.IndexerTest.startsNatively():',
      "  ORPHAN    pid $nativeSleep  sleep 68.3",
      "            parent: exited; adopted by the test JVM (pid $jvm)",
      '            started at: no Java start was recorded: it was started by native code, not through ProcessBuilder or'
          + " Runtime.exec (JNA's posix_spawn, NuProcess, a native library)",
      "            cwd $cwd",
      '            {age}; cleanup: terminated by SIGTERM; reaped: killed by signal 15',
      ItBuild.CHECK_SWITCHES)
  build.namesOnlyPids(jvm, orphan, server, nativeSleep)

  // JSON, against the schema
  Map json = build.validatedJsonReport()
  Map o = json.leaks.find { it.pid == orphan }
  assert o.origin == [recorded: true, pid: shell, command: 'sh -c sleep 68.1 >/dev/null 2>&1 & echo $!', exited: true,
                      callers: ['demo.Indexer.startInBackground(Indexer.java:14)', 'demo.IndexerTest.indexes(IndexerTest.java:20)']]
  assert o.holdings == [workingDirectory: cwd, listening: []]
  Map s = json.leaks.find { it.pid == server }
  assert s.origin.pid == server && !s.origin.exited && s.origin.callers[0] == 'demo.Indexer.startServer(Indexer.java:22)'
  assert s.holdings.listening == ["127.0.0.1:$port" as String]
  Map n = json.leaks.find { it.pid == nativeSleep }
  assert n.origin.recorded == false && n.origin.notRecorded.startsWith('no Java start was recorded: it was started by native code')

  // JUnit XML, the job summary, the HTML page
  def cases = build.validatedJunitXml().documentElement.getElementsByTagName('failure')
  String failures = (0..<cases.length).collect { cases.item(it).textContent }.join('\n')
  assert failures.contains('            started at: demo.Indexer.startInBackground(Indexer.java:14) ← demo.IndexerTest.indexes(IndexerTest.java:20)\n')
  assert failures.contains("            cwd $cwd; listening on 127.0.0.1:$port\n")
  String summary = build.text('target/github-step-summary.md')
  assert summary.contains("| by pid $shell <code>sh -c sleep 68.1 &gt;/dev/null 2&gt;&amp;1 &amp; echo \$!</code> (exited), " +
      '<code>demo.Indexer.startInBackground(Indexer.java:14) ← demo.IndexerTest.indexes(IndexerTest.java:20)</code> |')
  assert summary.contains("| cwd $cwd; listening on 127.0.0.1:$port |")
  String html = build.text('target/procleak/index.html')
  assert html.contains('started at: demo.Indexer.startServer(Indexer.java:22) ← demo.IndexerTest.serves(IndexerTest.java:27)')
  assert html.contains("its tree began as pid $shell  sh -c sleep 68.1 &gt;/dev/null 2&gt;&amp;1 &amp; echo \$!, which Java started and which exited")
}
