// Plugin only; the tests leak a real zombie (with its culprit) and a real orphan. check fails the
// build and writes every report: procleak-report.json (valid against the repository's JSON
// Schema), TEST-procleak.xml (valid against Surefire's own XSD), index.html (self-contained; drawn
// in headless Chromium where /usr/bin/chromium is installed) and the GitHub Actions job summary;
// each names every leaked pid.
import static dev.procleak.it.verify.ItBuild.q

import dev.procleak.it.verify.ItBuild
import dev.procleak.testsupport.HeadlessChromium
import java.nio.file.Path

ItBuild.verify(basedir, binding.variables, []) { build ->
  long jvm = build.fact('jvm'), culprit = build.fact('culprit'), zombie = build.fact('zombie'), orphan = build.fact('orphan')
  Set<Long> leaked = [culprit, zombie, orphan] as Set
  build.failed()
  build.hasLine('[INFO] Tests run: 2, Failures: 0, Errors: 0, Skipped: 0')

  // the console
  build.hasMessage(
      '[ERROR] procleak: 2 processes leaked (1 zombie of one culprit, 1 lingering) by test demo.LeakyTest.zombie():',
      "  LINGERING pid $culprit  sleep 30",
      "            parent: the test JVM (pid $jvm)",
      '            {age}; cleanup: terminated by SIGTERM',
      "  ZOMBIE    pid $zombie  sleep",
      "            parent: pid $culprit  sleep 30  <- the culprit: it never waited for its child",
      "            under:  the test JVM (pid $jvm)",
      '            {age}; cleanup: reaped after its parent was killed: exited with code 0',
      'procleak: 1 process leaked by test demo.LeakyTest.orphan():',
      "  ORPHAN    pid $orphan  sleep 60",
      "            parent: exited; adopted by the test JVM (pid $jvm)",
      '            {age}; cleanup: terminated by SIGTERM; reaped: killed by signal 15',
      ItBuild.CHECK_SWITCHES)
  String reports = new File(basedir, 'target/procleak').canonicalPath
  build.hasLine("[INFO] procleak: reports written to $reports/procleak-report.json and $reports/TEST-procleak.xml")
  build.hasLine("[INFO] procleak: the leaks' process trees: ${Path.of(reports, 'index.html').toUri()}")
  build.namesOnlyPids(jvm, culprit, zombie, orphan)

  // JSON, against the schema
  Map json = build.validatedJsonReport()
  assert json.format == 'procleak-report/1'
  assert json.project == 'plugin-reports'
  assert json.testJvms*.pid == [jvm]
  assert json.counts == [leaks: 3, ZOMBIE: 1, ORPHAN: 1, LINGERING: 1]
  assert json.scopes == [[kind: 'TEST', name: 'demo.LeakyTest.zombie()', leaks: 2],
                         [kind: 'TEST', name: 'demo.LeakyTest.orphan()', leaks: 1]]
  assert json.leaks*.pid.collect { it as long } as Set == leaked
  Map z = json.leaks.find { it.pid == zombie }
  assert z.kind == 'ZOMBIE' && z.command == 'sleep'
  assert z.scope == [kind: 'TEST', name: 'demo.LeakyTest.zombie()', className: 'demo.LeakyTest', method: 'zombie()',
                    invocation: '']
  assert z.ancestors == [[pid: culprit, command: 'sleep 30', testJvm: false],
                         [pid: jvm, command: 'the test JVM', testJvm: true]]
  assert z.cleanup == [action: 'REAPED_AFTER_PARENT_KILLED', text: 'reaped after its parent was killed: exited with code 0',
                       reaped: [raw: 0, exitCode: 0, text: 'exited with code 0']]
  Map o = json.leaks.find { it.pid == orphan }
  assert o.cleanup.reaped.signalName == 'SIGTERM'
  assert json.leaks.every { it.ageMillis >= 0 && it.ageMillis < 600_000 && it.startedAt }

  // JUnit XML, against Surefire's XSD
  def suite = build.validatedJunitXml().documentElement
  assert suite.getAttribute('tests') == '2' && suite.getAttribute('failures') == '2'
  def cases = suite.getElementsByTagName('testcase')
  assert (0..<cases.length).collect { cases.item(it).getAttribute('classname') + '#' + cases.item(it).getAttribute('name') } ==
      ['demo.LeakyTest#zombie() leaked processes', 'demo.LeakyTest#orphan() leaked processes']
  String failures = (0..<cases.length).collect { cases.item(it).getElementsByTagName('failure').item(0).textContent }.join('\n')
  leaked.each { assert failures.contains("pid $it ") }
  assert failures.contains("  ORPHAN    pid $orphan  sleep 60\n")

  // the GitHub Actions job summary
  String summary = build.text('target/github-step-summary.md')
  assert summary.startsWith('### procleak: 3 processes leaked in `plugin-reports`\n')
  leaked.each { assert summary.contains("| $it |") }
  assert summary.contains("The worst, test demo.LeakyTest.zombie():\n\n```text\nthe test JVM (pid $jvm)\n" +
      "└─ LINGERING pid $culprit  sleep 30  [")
  assert summary.contains("   └─ ZOMBIE pid $zombie  sleep  [")

  // the HTML page: fetches nothing; in a real browser, drawn and naming the test JVM and every leaked pid
  String html = build.text('target/procleak/index.html')
  assert !(html =~ /(?i)\b(src|href)\s*=/) && !html.contains('url(') && !html.contains('@import') && !(html =~ /(?i)https?:\/\//)
  assert html.contains('<title>procleak: 3 leaked processes in plugin-reports</title>')
  String unavailable = HeadlessChromium.unavailable()
  if (unavailable != null) {
    println "plugin-reports: index.html is not rendered in a browser: $unavailable"
  } else {
    Path page = new File(basedir, 'target/procleak/index.html').toPath()
    new HeadlessChromium(new File(basedir, 'target/chromium').toPath()).withCloseable { chromium ->
      def image = chromium.screenshot(page, 1280, 1600, new File(basedir, 'target/index.png').toPath())
      String blank = HeadlessChromium.blankness(image)
      assert blank == null : "the screenshot of index.html looks blank: $blank"

      String text = HeadlessChromium.text(chromium.dom(page))
      ([jvm] + leaked).each { assert text =~ /\bpid $it\b/ : "the rendered page does not name pid $it" }
      ['leaked by test demo.LeakyTest.zombie()', 'leaked by test demo.LeakyTest.orphan()',
       'the culprit: it never waited for its child', 'adopted by the test JVM'].each {
        assert text.contains(it) : "the rendered page does not say '$it': $text"
      }
    }
  }
}
