// Tests that wait for their processes pass, and so does a class whose @BeforeAll server is
// stopped in @AfterAll: nothing is reported, every scope was checked, nothing is left.
import dev.procleak.it.verify.ItBuild

ItBuild.verify(basedir, binding.variables, ['sleep 60.4']) { build ->
  build.passed()
  build.hasLine('[INFO] Tests run: 5, Failures: 0, Errors: 0, Skipped: 0')
  build.lacks('leaked by')
  assert build.leaks().isEmpty()
  // five test methods and the class were checked (and the JVM's own scope at its end)
  assert build.report().scopes >= 6
}
