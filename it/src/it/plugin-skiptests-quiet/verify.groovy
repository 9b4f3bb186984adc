// -DskipTests: Surefire runs nothing, so procleak:check has nothing to miss: it says no leaked
// processes, warns of nothing, and the build passes; no "checked no test" anywhere.
import dev.procleak.it.verify.ItBuild

ItBuild.verify(basedir, binding.variables, ['sleep 66.7']) { build ->
  build.passed()
  build.hasLine('[INFO] Tests are skipped.')
  build.hasLine("[INFO] procleak: no leaked processes (0 test JVM report(s) in ${new File(basedir, 'target/procleak').path})")
  build.lacks('[WARNING] procleak')
  build.lacks('checked no test')
  assert build.validatedJsonReport().gaps == null
}
