// junit-platform-maven-plugin ran two tests in a JVM without procleak's agent: check fails, naming
// the runner and the line that arms it, in the console, procleak-report.json, TEST-procleak.xml.
import static dev.procleak.it.verify.ItBuild.q

import dev.procleak.it.verify.ItBuild

ItBuild.verify(basedir, binding.variables, []) { build ->
  build.failed()
  build.lacks('maven-surefire-plugin') // the runner took Surefire's place
  String gap = 'procleak checked no test in this build although 2 tests ran: no test JVM reported to procleak.' +
      ' de.sormuras.junit:junit-platform-maven-plugin:1.1.8 starts its test JVMs without procleak\'s agent: add' +
      ' `<javaOptions><additionalOptions combine.children="append"><additionalOption>${procleak.javaagent}</additionalOption></additionalOptions></javaOptions>`' +
      ' to its configuration (or declare procleak-maven-plugin with `<extensions>true</extensions>`, which adds it).' +
      ' Otherwise a test JVM started without procleak\'s agent: its JVM arguments must hold the' +
      ' -javaagent:…procleak-agent.jar that procleak:prepare puts into procleak.javaagent.'
  build.hasLine('[ERROR] ' + gap)
  build.hasLineMatching(q('[ERROR] Failed to execute goal dev.procleak:procleak-maven-plugin:') + '[^:]+'
      + q(':check (default) on project plugin-junit-platform-plugin-unarmed-fails: procleak: no test was checked; see above. '
      + ItBuild.CHECK_SWITCHES) + '.*')
  build.lacks('no leaked processes')
  assert build.reports().isEmpty()
  assert build.validatedJsonReport().gaps == [[nothingChecked: true, message: gap]]
  def failures = build.validatedJunitXml().getElementsByTagName('failure')
  assert failures.length == 1
  assert failures.item(0).getAttribute('message') == gap
}
