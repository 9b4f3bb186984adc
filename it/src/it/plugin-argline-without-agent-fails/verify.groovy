// Surefire's <argLine>-Xmx256m</argLine> drops the argLine procleak:prepare set: the test JVM
// runs without the agent, so check fails: no test was checked, naming the argLine and its fix,
// in the console, procleak-report.json, TEST-procleak.xml and the job summary.
import static dev.procleak.it.verify.ItBuild.q

import dev.procleak.it.verify.ItBuild

ItBuild.verify(basedir, binding.variables, []) { build ->
  build.failed()
  build.hasLine('[INFO] Tests run: 1, Failures: 0, Errors: 0, Skipped: 0')
  String gap = 'procleak checked no test in this build although 1 test ran: no test JVM reported to procleak.' +
      ' maven-surefire-plugin\'s `<argLine>-Xmx256m</argLine>` replaces the argLine that procleak:prepare set:' +
      ' write `<argLine>@{argLine} -Xmx256m</argLine>`. Otherwise a test JVM started without procleak\'s agent:' +
      ' the JVM arguments must hold the argLine property that procleak:prepare set (-javaagent:…procleak-agent.jar).'
  build.hasLine('[ERROR] ' + gap)
  build.hasLineMatching(q('[ERROR] Failed to execute goal dev.procleak:procleak-maven-plugin:') + '[^:]+'
      + q(':check (default) on project plugin-argline-without-agent-fails: procleak: no test was checked; see above. '
      + ItBuild.CHECK_SWITCHES) + '.*')
  build.lacks('no leaked processes')
  assert build.reports().isEmpty()
  def json = build.validatedJsonReport()
  assert json.gaps == [[nothingChecked: true, message: gap]]
  def xml = build.validatedJunitXml()
  def failures = xml.getElementsByTagName('failure')
  assert failures.length == 1
  assert failures.item(0).getAttribute('type') == 'dev.procleak.NothingChecked'
  assert failures.item(0).getAttribute('message') == gap
  assert build.text('target/github-step-summary.md').contains('### procleak: no test was checked')
  assert build.text('target/github-step-summary.md').contains(gap)
}
