// @DetectProcessLeaks on one method: that method fails; its unannotated neighbour, which
// leaks too and runs first, passes and is not blamed on it. The neighbour's orphan is
// reported at the end of the test JVM, outside any checked test, and cleaned up there.
import dev.procleak.it.verify.ItBuild

ItBuild.verify(basedir, binding.variables, ['sleep 60.5', 'sleep 62.5']) { build ->
  long jvm = build.fact('jvm'), checked = build.fact('checked'), unchecked = build.fact('unchecked')
  build.failed()
  build.hasLine('[ERROR] Tests run: 2, Failures: 1, Errors: 0, Skipped: 0')
  build.hasMessage(
      'procleak: 1 process leaked by test demo.OneMethodTest.checked():',
      "  ORPHAN    pid $checked  sleep 60.5",
      "            parent: exited; adopted by the test JVM (pid $jvm)",
      '            {age}; cleanup: terminated by SIGTERM; reaped: killed by signal 15',
      ItBuild.JUNIT_SWITCHES)
  build.lacks('demo.OneMethodTest.unchecked')
  build.hasMessage(
      'procleak: 1 process leaked by the test JVM (outside any checked test):',
      "  ORPHAN    pid $unchecked  sleep 62.5",
      "            parent: exited; adopted by the test JVM (pid $jvm)",
      '            {age}; cleanup: terminated by SIGTERM; reaped: killed by signal 15')
  build.namesOnlyPids(jvm, checked, unchecked)
}
