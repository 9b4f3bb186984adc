// `mvn test`: check never runs; the session-end check runs check's routine and says, as a warning,
// that no test was checked, naming Surefire's argLine and its fix, in every report.
import dev.procleak.it.verify.ItBuild

ItBuild.verify(basedir, binding.variables, []) { build ->
  build.passed()
  build.lacks(':check (default)') // never ran
  String gap = 'procleak checked no test in this build although 1 test ran: no test JVM reported to procleak.' +
      ' maven-surefire-plugin\'s `<argLine>-Xmx256m</argLine>` replaces the argLine that procleak:prepare set:' +
      ' write `<argLine>@{argLine} -Xmx256m</argLine>`. Otherwise a test JVM started without procleak\'s agent:' +
      ' the JVM arguments must hold the argLine property that procleak:prepare set (-javaagent:…procleak-agent.jar).'
  build.hasMessage(
      "[WARNING] procleak: plugin-test-phase-argline-without-agent-warns checked no test; the build ended before procleak:check's phase:",
      gap,
      ItBuild.CHECK_SWITCHES)
  build.lacks('no leaked processes')
  assert build.validatedJsonReport().gaps == [[nothingChecked: true, message: gap]]
  def failures = build.validatedJunitXml().getElementsByTagName('failure')
  assert failures.length == 1
  assert failures.item(0).getAttribute('message') == gap
}
