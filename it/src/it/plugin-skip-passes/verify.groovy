// -Dprocleak.skip=true: both goals say they are skipped, the test JVM runs without the agent
// (and @{argLine} resolved to "", or the JVM would not have started), and the build passes
// although a test leaks. The leak is short-lived (sleep 3.1): ItBuild waits for it to end.
import dev.procleak.it.verify.ItBuild

ItBuild.verify(basedir, binding.variables, ['sleep 3.1']) { build ->
  build.passed()
  assert build.count('[INFO] procleak is skipped (procleak.skip=true)') == 2
  build.lacks('argLine set to')
  build.hasLine('[INFO] Tests run: 2, Failures: 0, Errors: 0, Skipped: 0')
  assert build.reports().isEmpty()
}
