// Plugin only, in a build with its own JNA 5.8 (and jna-platform), jackson-core 2.12 and SLF4J
// 1.7 with slf4j-simple: the test runs on those (found before the agent's class path) and
// passes, and check still fails the build naming the orphan it left and the test, from the test
// JVM's report (written by procleak's own JSON writer). The agent jar's class path holds
// procleak's libraries and their dependencies, nothing of Maven's (no plexus-utils); the boot
// class path only the bridge the rewritten ProcessBuilder calls.
import dev.procleak.it.verify.ItBuild
import java.util.jar.JarFile

ItBuild.verify(basedir, binding.variables, ['sleep 69.2']) { build ->
  long jvm = build.fact('jvm'), orphan = build.fact('orphan')
  build.failed()
  build.hasLine('[INFO] Tests run: 1, Failures: 0, Errors: 0, Skipped: 0')
  build.usedItsOwnLibraries() // slf4j-simple 1.7 logged the fixture's line; no SLF4J warning
  build.hasMessage(
      '[ERROR] procleak: 1 process leaked by test demo.OldLibrariesTest.leaksOnItsOwnLibraries():',
      "  ORPHAN    pid $orphan  sleep 69.2",
      "            parent: exited; adopted by the test JVM (pid $jvm)",
      '            {age}; cleanup: terminated by SIGTERM; reaped: killed by signal 15',
      ItBuild.CHECK_SWITCHES)
  build.namesOnlyPids(jvm, orphan)

  def v = binding.variables
  def expected = ["procleak-agent-${v.procleakVersion}.jar", "procleak-core-${v.procleakVersion}.jar",
      "procleak-junit-${v.procleakVersion}.jar", "oshi-core-${v.oshiVersion}.jar", "jna-${v.jnaVersion}.jar",
      "jna-platform-${v.jnaVersion}.jar", "slf4j-api-${v.slf4jVersion}.jar"]*.toString()
  def agent = new JarFile(new File(basedir, 'target/procleak/procleak-agent.jar')).withCloseable { jar ->
    jar.manifest.mainAttributes
  }
  def jars = agent.getValue('Class-Path').split(' ').collect { it.substring(it.lastIndexOf('/') + 1) }
  assert jars.sort() == expected.sort()
  // The boot class path gets the bridge alone: the boot loader reads a jar's Class-Path for
  // resources, and JNA 5.18.1's native library would be found before the test's own JNA 5.8's.
  assert agent.getValue('Boot-Class-Path') == 'procleak-boot.jar'
  new JarFile(new File(basedir, 'target/procleak/procleak-boot.jar')).withCloseable { jar ->
    assert jar.manifest.mainAttributes.getValue('Class-Path') == null
    assert jar.entries()*.name.findAll { !it.startsWith('META-INF/') } == ['dev/procleak/agent/boot/ProcessStartBridge.class']
  }
}
