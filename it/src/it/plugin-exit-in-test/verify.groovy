// System.exit in a test: Surefire fails the module before procleak:check. The test JVM's
// shutdown hook ended the scope of the test that never returned, found the orphan below it,
// killed it and wrote it into its report against that test; at the end of the session procleak (declared with
// <extensions>true</extensions>) names it in the build output.
import static dev.procleak.it.verify.ItBuild.q

import dev.procleak.it.verify.ItBuild

ItBuild.verify(basedir, binding.variables, ['sleep 63.6']) { build ->
  long jvm = build.fact('jvm'), orphan = build.fact('orphan')
  build.failed()
  build.hasLineMatching('.*The forked VM terminated without properly saying goodbye. VM crash or System.exit called\\?.*')
  build.lacks(':check (default)') // check never ran
  build.hasMessage(
      '[ERROR] procleak: plugin-exit-in-test leaked 1 process(es); its build failed before procleak:check'
          + ' (a crashed test JVM or System.exit fails Surefire at once):',
      'procleak: 1 process leaked by test demo.ExitTest.orphanThenExit():',
      "  ORPHAN    pid $orphan  sleep 63.6",
      "            parent: exited; adopted by the test JVM (pid $jvm)",
      '            {age}; cleanup: terminated by SIGTERM; reaped: killed by signal 15',
      ItBuild.CHECK_SWITCHES)
  // The session-end check wrote check's reports: the exited JVM's leak reaches the JSON and XML.
  Map json = build.validatedJsonReport()
  assert json.scopes == [[kind: 'TEST', name: 'demo.ExitTest.orphanThenExit()', leaks: 1]]
  assert json.leaks*.pid.collect { it as long } == [orphan]
  def suite = build.validatedJunitXml().documentElement
  assert suite.getAttribute('failures') == '1'
  assert suite.textContent.contains("  ORPHAN    pid $orphan  sleep 63.6\n")
  build.hasLineMatching(q('[ERROR] procleak: the tests of a module whose build failed before procleak:check leaked 1'
      + ' process(es); see above.') + '.*')
  build.namesOnlyPids(jvm, orphan)
}
