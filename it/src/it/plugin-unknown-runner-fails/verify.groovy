// exec-maven-plugin took Surefire's place and procleak cannot count its tests: the module has
// compiled tests and no test JVM reported, so check fails, naming the plugin and what to pass it.
import static dev.procleak.it.verify.ItBuild.q

import dev.procleak.it.verify.ItBuild

ItBuild.verify(basedir, binding.variables, []) { build ->
  build.failed()
  build.hasLine('RunAllTests: 1 test passed')
  String gap = 'procleak checked no test in this build: org.codehaus.mojo:exec-maven-plugin:3.5.0 (exec) ran in' +
      ' the test phases over the module\'s compiled tests, but no test JVM reported to procleak.' +
      ' org.codehaus.mojo:exec-maven-plugin:3.5.0 (exec) runs tests in a way procleak does not know: give its test' +
      ' JVMs the JVM argument that procleak:prepare puts into the property procleak.javaagent, or set prepare\'s' +
      ' `<propertyName>` to the property that runner reads its JVM arguments from. Otherwise a test JVM started' +
      ' without procleak\'s agent: its JVM arguments must hold the -javaagent:…procleak-agent.jar that' +
      ' procleak:prepare puts into procleak.javaagent.'
  build.hasLine('[ERROR] ' + gap)
  build.hasLineMatching(q('[ERROR] Failed to execute goal dev.procleak:procleak-maven-plugin:') + '[^:]+'
      + q(':check (default) on project plugin-unknown-runner-fails: procleak: no test was checked; see above. '
      + ItBuild.CHECK_SWITCHES) + '.*')
  assert build.validatedJsonReport().gaps == [[nothingChecked: true, message: gap]]
}
