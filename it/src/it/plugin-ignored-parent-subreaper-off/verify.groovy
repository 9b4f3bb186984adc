// procleak.ignore and procleak.subreaper=false set on prepare alone. Both daemons escape the test
// JVM's tree; at its end its cookie finds them: the plain daemon and its child are named and
// killed, naming the start they came from, and the build fails in check; the ignored daemon and its child (whose own command
// line matches nothing) are neither named nor killed, by the test JVM or by check, which judges
// by the settings prepare wrote. This script then stops them, by pid and start time.
import dev.procleak.testsupport.processes.Kill
import dev.procleak.testsupport.processes.ProcessIdentity
import dev.procleak.it.verify.ItBuild

import java.time.Duration

ItBuild.verify(basedir, binding.variables, ['sleep 66.4', 'sleep 66.5']) { build ->
  long ignoredShell = build.fact('ignoredShell'), ignoredChild = build.fact('ignoredChild')
  long otherShell = build.fact('otherShell'), otherChild = build.fact('otherChild')
  def spared = [ignoredShell, ignoredChild].collect { pid -> ProcessIdentity.of(pid).orElse(null) }
  try {
    build.failed()
    build.hasLine('[INFO] Tests run: 1, Failures: 0, Errors: 0, Skipped: 0')
    build.hasLine('[ERROR] procleak: 2 processes leaked (1 orphan, 1 lingering) by the test JVM (escaped from its process tree, found by its cookie):')
    build.hasLineMatching(ItBuild.q("  ORPHAN    pid $otherShell  sh -c sleep 66.5 ") + '.*' + ItBuild.q(' plain-daemon'))
    build.hasLineMatching(ItBuild.q("  LINGERING pid $otherChild  sleep 66.5"))
    // Found by its cookie outside the tree, the daemon still names the start it came from.
    build.hasLineMatching(ItBuild.q('            started by: pid ') + '[0-9]+' + ItBuild.q('  setsid -f sh -c sleep 66.5 ') + '.*'
        + ItBuild.q(' plain-daemon  (exited)'))
    build.hasLine('            started at: demo.DaemonTest.daemon(DaemonTest.java:28) ← demo.DaemonTest.startsDaemons(DaemonTest.java:18)')
    build.lacks('66.4')
    build.lacks('ignored-daemon-66')
    assert !spared.contains(null) : 'the ignored daemon and its child were killed'
    spared.each { process -> assert !process.isGone() : "$process was killed although procleak.ignore spares it" }
  } finally {
    spared.findAll { it != null }.each { Kill.byIdentity(it) }
    assert Kill.awaitGone(Duration.ofSeconds(20), spared.findAll { it != null })
  }
}
