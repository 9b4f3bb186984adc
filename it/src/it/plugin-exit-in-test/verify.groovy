// System.exit in a test: Surefire fails the module before procleak:check. The test JVM's
// shutdown hook found the orphan below it, killed it and wrote it into its report, naming the
// code that called System.exit; at the end of the session procleak (declared with
// <extensions>true</extensions>) names it in the build output.
import static dev.procleak.it.verify.ItBuild.q

import dev.procleak.it.verify.ItBuild

ItBuild.verify(basedir, binding.variables, ['sleep 63.6']) { build ->
  long jvm = build.fact('jvm'), orphan = build.fact('orphan')
  build.failed()
  build.hasLineMatching('.*The forked VM terminated without properly saying goodbye. VM crash or System.exit called\\?.*')
  build.lacks(':check (default)') // check never ran
  build.hasBlock(
      '[ERROR] procleak: plugin-exit-in-test leaked 1 process(es); its build failed before procleak:check'
          + ' (a crashed test JVM or System.exit fails Surefire at once):',
      'procleak: 1 process leaked by the test JVM (ended by System.exit in demo.ExitTest.orphanThenExit(ExitTest.java:17)):',
      "  ORPHAN    pid $orphan  sleep 63.6",
      "            parent: the test JVM (pid $jvm)",
      '            scope: the test JVM (ended by System.exit in demo.ExitTest.orphanThenExit(ExitTest.java:17))',
      '            cleanup: terminated by SIGTERM; reaped: killed by signal 15')
  build.hasLineMatching(q('[ERROR] procleak: the tests of a module whose build failed before procleak:check leaked 1'
      + ' process(es); see above.') + '.*')
  build.namesOnlyPids(jvm, orphan)
}
