// -Dprocleak.grace=banana with the plugin: prepare fails the build, naming the key and the
// value, before any test runs.
import static dev.procleak.it.verify.ItBuild.q

import dev.procleak.it.verify.ItBuild

ItBuild.verify(basedir, binding.variables, ['sleep 60.9']) { build ->
  build.failed()
  build.hasLineMatching(q('[ERROR] Failed to execute goal dev.procleak:procleak-maven-plugin:') + '[^:]+'
      + q(":prepare (default) on project plugin-bad-grace-fails: procleak: invalid value 'banana' for procleak.grace:"
      + ' expected a duration such as 500ms, 2s or 1m') + '( -> \\[Help 1\\])?')
  build.lacks('T E S T S')
}
