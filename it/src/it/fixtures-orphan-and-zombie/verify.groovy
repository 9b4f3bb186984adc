// The it module's fixtures, used as a library by an outside build (procleak-it installed by
// invoker:install): OrphanMaker's orphan and ZombieMaker's zombies and their culprit are all
// named, with the right kinds and parents, and cleaned up.
import static dev.procleak.it.verify.ItBuild.q

import dev.procleak.it.verify.ItBuild

ItBuild.verify(basedir, binding.variables,
    ['sleep 61', 'dev.procleak.it.fixtures.ZombieMaker 2', 'dev.procleak.it.fixtures.OrphanMaker$Middle 61']) { build ->
  long jvm = build.fact('jvm'), orphan = build.fact('orphan'), middle = build.fact('middle')
  long maker = build.fact('maker'), zombie1 = build.fact('zombie1'), zombie2 = build.fact('zombie2')
  build.failed()
  build.hasLine('[ERROR] Tests run: 2, Failures: 2, Errors: 0, Skipped: 0')

  build.hasMessage(
      'procleak: 1 process leaked by test demo.OrphanMakerTest.orphan():',
      "  ORPHAN    pid $orphan  sleep 61",
      "            parent: exited; adopted by the test JVM (pid $jvm)",
      '            {age}; cleanup: terminated by SIGTERM; reaped: killed by signal 15',
      ItBuild.JUNIT_SWITCHES)
  build.lacks("pid $middle ") // the middle JVM was terminated and waited for by the fixture

  String makerCommand = '/\\S*java .* dev\\.procleak\\.it\\.fixtures\\.ZombieMaker 2'
  build.hasBlockMatching(
      q('procleak: 3 processes leaked (2 zombies of one culprit, 1 lingering) by test demo.ZombieMakerTest.zombies():'),
      q("  LINGERING pid $maker  ") + makerCommand,
      q("            parent: the test JVM (pid $jvm)"),
      q('            ') + ItBuild.AGE + q('; cleanup: terminated by SIGTERM'))
  for (long zombie : [zombie1, zombie2]) {
    build.hasBlockMatching(
        q("  ZOMBIE    pid $zombie  true"),
        q("            parent: pid $maker  ") + makerCommand + q('  <- the culprit: it never waited for its child'),
        q("            under:  the test JVM (pid $jvm)"),
        q('            ') + ItBuild.AGE + q('; cleanup: reaped after its parent was killed: exited with code 0'))
  }
  build.namesOnlyPids(jvm, orphan, maker, zombie1, zombie2)
}
