// Before the scan: a real zombie under its culprit (ZombieMaker) and a real orphan (OrphanMaker),
// made by the JVM that runs the invoker builds. verify.groovy kills them by pid and start time.
import dev.procleak.it.fixtures.OrphanMaker
import dev.procleak.testsupport.processes.ProcessIdentity
import dev.procleak.it.fixtures.ZombieMaker
import java.time.Duration

def facts = new Properties()
// Where this build runs in init's own session (a container whose pid 1 runs the build), an orphan
// adopted by init is the scan's known blind spot (README): then only the zombie is checked.
def session = { long pid -> ProcessIdentity.stat(pid).map { it.session() }.orElse(-1L) }
facts.orphanInInitsSession = (session(ProcessHandle.current().pid()) == session(1L)).toString()
def zombies = ZombieMaker.start(1)
facts.culprit = zombies.parentIdentity().pid().toString()
facts.culpritStart = zombies.parentIdentity().startTicks().toString()
facts.zombie = zombies.zombies()[0].pid().toString()
facts.zombieStart = zombies.zombies()[0].startTicks().toString()
try {
  def orphan = OrphanMaker.make(Duration.ofSeconds(123))
  facts.orphan = orphan.pid().toString()
  facts.orphanStart = orphan.process().startTicks().toString()
  facts.orphanParent = orphan.process().stat().get().ppid().toString()
} finally {
  new File(basedir, 'made.properties').withWriter { facts.store(it, 'made by prebuild.groovy') }
}
return true
