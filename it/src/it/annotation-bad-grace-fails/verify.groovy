// procleak.grace=banana in junit-platform.properties fails every checked test and class,
// naming the key and the value; in a second Surefire execution procleak.grace=soon as a
// system property does the same (and wins over the file). Never a silent fallback.
import static dev.procleak.it.verify.ItBuild.q

import dev.procleak.it.verify.ItBuild

ItBuild.verify(basedir, binding.variables, []) { build ->
  build.failed()
  for (String value : ['banana', 'soon']) {
    String message = "procleak: invalid value '$value' for procleak.grace: expected a duration such as 500ms, 2s or 1m"
    // the class-level annotation fails the class, the method-level one its method
    build.hasLineMatching(q('[ERROR]   ClassLevelTest ') + '.*' + q(message))
    build.hasLineMatching(q('[ERROR]   MethodLevelTest.clean ') + '.*' + q(message))
  }
  assert build.lines().count { it == '[ERROR] Tests run: 2, Failures: 0, Errors: 2, Skipped: 0' } == 2
}
