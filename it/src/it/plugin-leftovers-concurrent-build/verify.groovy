// Two builds of one project at once: the second build's prepare found the first build's daemon,
// whose Maven was alive, and left it alone (the first build's test saw the same process running
// after the second build passed, then stopped it itself).
import dev.procleak.it.verify.ItBuild

ItBuild.verify(basedir, binding.variables, ['sleep 61.4']) { build ->
  long daemon = build.fact('daemon')
  assert build.fact('secondBuildExit') == 0
  assert build.fact('daemonAliveAfterSecond') == daemon
  build.hasLineMatching('.*' + java.util.regex.Pattern.quote('[INFO] procleak: no leaked processes (1 test JVM report(s) in ') + '.*')
  build.lacks('an earlier build of this project')
  String second = new File(basedir, 'target/second-build.log').text
  assert second.contains(':prepare (default) @ plugin-leftovers-concurrent-build')
  assert !second.contains('an earlier build of this project')
  assert second.contains('BUILD SUCCESS')
}
