package dev.procleak.core.machine;

import dev.procleak.core.build.Leftovers;
import dev.procleak.core.leak.ProcessFilter;
import dev.procleak.core.model.Ancestor;
import dev.procleak.core.model.LeakKind;
import dev.procleak.core.report.BuildRecord;
import dev.procleak.core.report.StartJournal;
import dev.procleak.core.scan.Polling;
import dev.procleak.core.scan.ProcessId;
import dev.procleak.core.scan.SubtreeScanner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Lists the current user's zombies and orphans on this machine. What the rules find in a first
 * snapshot must still be there, unchanged, after the grace period: a zombie whose parent is about
 * to wait, init's own periodic reaping, or a daemon half-way through its double fork is not
 * reported.
 */
public final class MachineScan {
  /** A chain longer than this is cut: the console shows its first and last anyway. */
  static final int MAX_ANCESTORS = 32;

  private final MachineSource source;
  private final Duration grace;
  private final ProcessFilter filter;
  private final Clock clock;
  private List<BuildRecord> builds;
  private final Map<ProcessId, Optional<String>> leftBy = new HashMap<>();

  public MachineScan(MachineSource source, Duration grace, List<Pattern> ignore) {
    this(source, grace, ignore, Clock.systemUTC());
  }

  MachineScan(MachineSource source, Duration grace, List<Pattern> ignore, Clock clock) {
    this.source = source;
    this.grace = grace;
    this.filter = ProcessFilter.of(ignore);
    this.clock = clock;
  }

  public ScanResult run() {
    Instant scannedAt = clock.instant();
    MachineTable first = source.read();
    List<Finding> candidates = find(first);
    List<Finding> confirmed = new ArrayList<>();
    if (!candidates.isEmpty()) {
      awaitGraceOrAllGone(candidates);
      MachineTable last = source.read();
      for (Finding finding : find(last)) {
        if (candidates.stream().anyMatch(finding::sameAs)) {
          confirmed.add(finding);
        }
      }
      return describe(last, confirmed, scannedAt);
    }
    return describe(first, confirmed, scannedAt);
  }

  /**
   * The rules' findings, and the processes an earlier build left, which the rules may take for
   * daemons (a test's {@code setsid} daemon is one): their cookie says whose they are.
   */
  private List<Finding> find(MachineTable table) {
    List<Finding> findings = MachineRules.find(table);
    SubtreeScanner scanner = SubtreeScanner.forThisPlatform();
    if (earlierBuilds().stream().noneMatch(build -> build.isOver(scanner))) {
      return findings; // no build is over: no process can be one's leftover
    }
    for (MachineProcess process : table.processes()) {
      if (!table.ownedByCurrentUser(process)
          || process.isZombie()
          || process.kernelThread()
          || findings.stream().anyMatch(found -> found.process().id().equals(process.id()))) {
        continue;
      }
      if (leftBy(process).isPresent()) {
        findings.add(
            new Finding(
                LeakKind.ORPHAN,
                process,
                table.get(process.parentPid()).orElse(null),
                "carries the cookie of an earlier build whose run is over"));
      }
    }
    return findings;
  }

  private List<BuildRecord> earlierBuilds() {
    if (builds == null) {
      builds = BuildRecord.readAll(StartJournal.directory());
    }
    return builds;
  }

  private void awaitGraceOrAllGone(List<Finding> candidates) {
    long end = System.nanoTime() + grace.toNanos();
    while (System.nanoTime() < end && candidates.stream().anyMatch(this::stillThere)) {
      Polling.pause();
    }
  }

  private boolean stillThere(Finding finding) {
    MachineProcess now = source.lookup(finding.process().pid());
    return now != null && now.id().equals(finding.process().id());
  }

  private ScanResult describe(MachineTable table, List<Finding> findings, Instant scannedAt) {
    Map<Long, List<FoundProcess>> zombiesByParent = new LinkedHashMap<>();
    Map<Long, MachineProcess> parents = new LinkedHashMap<>();
    List<FoundProcess> orphans = new ArrayList<>();
    Map<Long, String> commands = new LinkedHashMap<>();
    for (Finding finding : findings) {
      FoundProcess found = describe(table, finding, commands);
      String parentCommand = found.parentCommand();
      if (ignored(found.command())
          || (finding.kind() == LeakKind.ZOMBIE && ignored(parentCommand))) {
        continue;
      }
      if (finding.kind() == LeakKind.ZOMBIE) {
        zombiesByParent.computeIfAbsent(found.parentPid(), pid -> new ArrayList<>()).add(found);
        if (finding.parent() != null) {
          parents.put(found.parentPid(), finding.parent());
        }
      } else {
        orphans.add(found);
      }
    }
    List<Culprit> culprits = new ArrayList<>();
    zombiesByParent.forEach(
        (parentPid, zombies) -> {
          zombies.sort(
              Comparator.comparingLong((FoundProcess zombie) -> zombie.process().startTime())
                  .thenComparingLong(FoundProcess::pid));
          MachineProcess parent = parents.get(parentPid);
          culprits.add(
              new Culprit(
                  parent == null ? zombies.get(0).process() : parent.id(),
                  command(parentPid, parent == null ? "?" : parent.name(), commands),
                  source.startedAt(parentPid).orElse(null),
                  zombies));
        });
    culprits.sort(
        Comparator.comparingInt((Culprit culprit) -> -culprit.zombies().size())
            .thenComparingLong(Culprit::pid));
    orphans.sort(
        Comparator.comparingLong((FoundProcess orphan) -> orphan.process().startTime())
            .thenComparingLong(FoundProcess::pid));
    boolean sessionsKnown = table.processes().stream().anyMatch(MachineProcess::knowsSessions);
    return new ScanResult(source.userName(), scannedAt, grace, sessionsKnown, culprits, orphans);
  }

  private FoundProcess describe(MachineTable table, Finding finding, Map<Long, String> commands) {
    MachineProcess process = finding.process();
    MachineProcess parent = finding.parent();
    String leader = null;
    if (process.knowsSessions() && table.sessionLeaderAlive(process.session())) {
      leader = command(process.session(), table.get(process.session()).get().name(), commands);
    }
    return new FoundProcess(
        finding.kind(),
        process.id(),
        command(process.pid(), process.name(), commands),
        source.startedAt(process.pid()).orElse(null),
        ancestors(table, process, commands),
        process.session(),
        process.processGroup(),
        leader,
        finding.why(),
        finding.kind() == LeakKind.ORPHAN ? leftBy(process).orElse(null) : null);
  }

  /**
   * From the parent up to init: who started the culprit, or the job an orphan came from, is a hint
   * where to look.
   */
  private List<Ancestor> ancestors(
      MachineTable table, MachineProcess process, Map<Long, String> commands) {
    List<Ancestor> chain = new ArrayList<>();
    Set<Long> seen = new HashSet<>(List.of(process.pid()));
    long pid = process.parentPid();
    while (pid > 0 && seen.add(pid) && chain.size() < MAX_ANCESTORS) {
      MachineProcess ancestor = table.get(pid).orElse(null);
      chain.add(
          Ancestor.process(pid, ancestor == null ? "?" : command(pid, ancestor.name(), commands)));
      if (ancestor == null) {
        break;
      }
      pid = ancestor.parentPid();
    }
    return chain;
  }

  /**
   * Which earlier build left {@code process}, from its cookie and the records: asked once a process
   * in a scan, which reads two tables and then describes what it found.
   */
  private Optional<String> leftBy(MachineProcess process) {
    return leftBy.computeIfAbsent(
        process.id(),
        id ->
            source
                .cookie(process.pid())
                .flatMap(
                    cookie ->
                        Leftovers.leftBy(
                            cookie, earlierBuilds(), SubtreeScanner.forThisPlatform())));
  }

  private String command(long pid, String name, Map<Long, String> commands) {
    return commands.computeIfAbsent(pid, key -> source.commandLine(key, name));
  }

  /** The same filter as every other check's: a zombie of a spared culprit is spared with it. */
  private boolean ignored(String commandLine) {
    return filter.spares(commandLine);
  }
}
