// procleak:scan without a project, -Dprocleak.failOnFind=true: the build fails, listing the
// culprit first, its zombie under it, and the orphan (other builds' leftovers on this shared
// machine may be listed too), each as a block of check's table; the JSON, in check's report format
// and valid against its schema, names the same processes.
import static dev.procleak.it.verify.ItBuild.q

import dev.procleak.testsupport.processes.Kill
import dev.procleak.testsupport.processes.ProcessIdentity
import dev.procleak.it.verify.ItBuild
import java.time.Duration

def facts = new Properties()
new File(basedir, 'made.properties').withReader { facts.load(it) }
def culprit = new ProcessIdentity(facts.culprit as long, facts.culpritStart as long)
def zombie = new ProcessIdentity(facts.zombie as long, facts.zombieStart as long)
def orphan = facts.orphan ? new ProcessIdentity(facts.orphan as long, facts.orphanStart as long) : null
def orphanVisible = facts.orphanInInitsSession != 'true'
if (!orphanVisible) {
  println "scan-finds-zombie-and-orphan: this build runs in init's own session, the scan's known blind spot for orphans: only the zombie is checked"
}

ItBuild.verify(basedir, binding.variables, ['sleep 123']) { build ->
  try {
    assert orphan != null : 'prebuild.groovy made no orphan'
    build.failed()
    // No POM: Maven runs the goal in its stand-in project.
    build.hasLineMatching(q('[INFO] --- procleak') + '(-maven-plugin)?:[^:]+' + q(':scan (default-cli) @ standalone-pom ---'))
    build.hasLine('Culprits first: only killing them, or fixing them to wait for their children, removes their zombies.')
    build.hasLineMatching(q("  CULPRIT   pid ${culprit.pid()}  ") + '.* dev\\.procleak\\.it\\.fixtures\\.ZombieMaker 1' + q('  never waited for 1 zombie; started ') + '.*')
    def lines = build.lines()
    // A block: its first lines exactly; then the ancestors above the parent (how many depends on
    // what ran the build); then the age and cleanup; then the session.
    def block = { String first, String parent ->
      int at = lines.indexOf(first)
      assert at >= 0 : "no line '$first' in build.log"
      assert lines[at + 1] ==~ parent
      int next = at + 2
      while (lines[next].startsWith('            under:  ')) {
        next++
      }
      assert lines[next] ==~ q('            ') + ItBuild.AGE + q('; cleanup: not cleaned up')
      assert lines[next + 1] ==~ q('            session ') + '[0-9]+ .*' + q(', process group ') + '[0-9]+'
    }
    block("  ZOMBIE    pid ${zombie.pid()}  true",
          q("            parent: pid ${culprit.pid()}  ") + '.*' + q('  <- the culprit: it never waited for its child'))
    if (orphanVisible) {
      block("  ORPHAN    pid ${orphan.pid()}  sleep 123", q("            parent: exited; adopted by pid ${facts.orphanParent}  ") + '.*')
    }
    // The culprits come before every zombie and orphan block.
    assert lines.findLastIndexOf { it.startsWith('  CULPRIT ') } < lines.findIndexOf { it.startsWith('  ZOMBIE ') || it.startsWith('  ORPHAN ') }
    build.hasLine('To only list them set -Dprocleak.failOnFind=false.')
    build.hasLineMatching(q('[ERROR] Failed to execute goal dev.procleak:procleak-maven-plugin:') + '[^:]+'
        + q(':scan (default-cli) on project standalone-pom: procleak:scan found ') + '.*' + q('; see above. To only list them set -Dprocleak.failOnFind=false.') + '.*')

    def json = build.validatedJson('scan.json')
    assert json.format == 'procleak-report/1'
    assert json.scopes*.kind == ['MACHINE']
    def found = json.machine.culprits.find { it.pid == culprit.pid() && it.startTime == culprit.startTicks() }
    assert found : "culprit ${culprit} not in scan.json: ${json.machine.culprits}"
    assert found.zombies == [zombie.pid()]
    def zombieEntry = json.leaks.find { it.pid == zombie.pid() }
    assert zombieEntry.kind == 'ZOMBIE' && zombieEntry.startTime == zombie.startTicks()
    assert zombieEntry.ancestors[0].pid == culprit.pid() && zombieEntry.ancestors[0].command.contains('ZombieMaker')
    assert zombieEntry.cleanup.action == 'NOT_CLEANED_UP' && zombieEntry.machine.why
    if (orphanVisible) {
      def orphanEntry = json.leaks.find { it.pid == orphan.pid() }
      assert orphanEntry && orphanEntry.kind == 'ORPHAN' && orphanEntry.command == 'sleep 123' && orphanEntry.startTime == orphan.startTicks()
    }
  } finally {
    // Never by name: the culprit and the orphan, by pid and start time; init then reaps the zombie.
    Kill.byIdentity(culprit)
    if (orphan != null) {
      Kill.byIdentity(orphan)
    }
    assert Kill.awaitGone(Duration.ofSeconds(20), [culprit, zombie] + (orphan ? [orphan] : [])) : 'the fixtures outlived the check'
  }
}
