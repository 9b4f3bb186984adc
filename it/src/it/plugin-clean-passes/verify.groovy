// Plugin only, clean tests: the build passes; prepare prepended its agent to the POM's own
// argLine (the tests check both arrived, agent first), and check found one clean report and
// wrote clean JSON, JUnit XML and HTML reports.
import static dev.procleak.it.verify.ItBuild.q

import dev.procleak.it.verify.ItBuild

ItBuild.verify(basedir, binding.variables, ['sleep 60.7']) { build ->
  String reports = new File(basedir, 'target/procleak').canonicalPath
  build.passed()
  build.hasLine("[INFO] argLine set to -javaagent:$reports/procleak-agent.jar=$reports/agent.properties --enable-native-access=ALL-UNNAMED -Dmy.flag=1")
  build.hasLine('[INFO] Tests run: 3, Failures: 0, Errors: 0, Skipped: 0')
  build.hasLineMatching(q('[INFO] procleak: no leaked processes') + '.*')
  build.lacks('leaked by')
  assert build.leaks().isEmpty()
  assert build.report().scopes >= 4 // three test methods and the class
  // check's reports say so too: an empty JSON report, a passing JUnit XML test case
  Map json = build.validatedJsonReport()
  assert json.leaks == [] && json.counts.leaks == 0 && json.testJvms.size() == 1
  def suite = build.validatedJunitXml().documentElement
  assert suite.getAttribute('tests') == '1' && suite.getAttribute('failures') == '0'
  assert suite.getElementsByTagName('testcase').item(0).getAttribute('name') == 'no leaked processes'
  assert build.text('target/procleak/index.html').contains('No test left a zombie, an orphan or a lingering child behind.')
  build.lacks("the leaks' process trees")
}
