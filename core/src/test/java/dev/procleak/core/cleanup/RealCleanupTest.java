package dev.procleak.core.cleanup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procleak.core.RealProcesses;
import dev.procleak.core.model.Ancestor;
import dev.procleak.core.model.CleanupOutcome;
import dev.procleak.core.model.CleanupOutcome.Action;
import dev.procleak.core.model.Leak;
import dev.procleak.core.model.LeakKind;
import dev.procleak.core.model.ScopeKind;
import dev.procleak.core.model.ScopeName;
import dev.procleak.core.os.Subreaper;
import dev.procleak.core.os.WaitStatus;
import dev.procleak.core.scan.ProcessId;
import dev.procleak.core.scan.ProcessInfo;
import dev.procleak.core.scan.ProcessTable;
import dev.procleak.core.scan.ProcfsScanner;
import dev.procleak.core.scan.SubtreeScanner;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RealCleanupTest {
  private static final long SELF = ProcessHandle.current().pid();
  private final ProcfsScanner scanner = new ProcfsScanner();

  @BeforeAll
  static void armSubreaper() {
    assertThat(Subreaper.arm()).isTrue();
  }

  @Test
  void aProcessThatIgnoresSigtermIsKilled() {
    try (RealProcesses processes = new RealProcesses()) {
      Process stubborn = processes.shell("trap '' TERM; echo ready; exec sleep 60");
      RealProcesses.await("the trap to be set", () -> readable(stubborn));
      ProcessId id = scanner.lookup(stubborn.pid()).id();

      List<Leak> stopped = new Cleanup(scanner, null).stop(List.of(lingering(id)), NOTHING_JOINS);

      assertThat(stopped)
          .extracting(Leak::cleanup)
          .containsExactly("killed by SIGKILL (survived SIGTERM)");
      RealProcesses.await("the JDK to reap it", () -> processes.lookup(id) == null);
    }
  }

  @Test
  void aProcessWhoseIdentityChangedIsNotSignalled() {
    try (RealProcesses processes = new RealProcesses()) {
      Process process = processes.shell("exec sleep 60");
      ProcessId real = processes.track(process.pid());
      ProcessId sameProcessEarlier = new ProcessId(real.pid(), real.startTime() - 1);

      List<Leak> stopped =
          new Cleanup(scanner, null).stop(List.of(lingering(sameProcessEarlier)), NOTHING_JOINS);

      assertThat(stopped)
          .extracting(Leak::outcome)
          .extracting(CleanupOutcome::action)
          .containsExactly(Action.ALREADY_GONE);
      assertThat(process.isAlive()).isTrue();
      assertThat(scanner.lookup(real.pid()).isStopped()).as("not stopped either").isFalse();
    }
  }

  @Test
  void anAdoptedZombieIsReapedWithItsDecodedExitStatus() {
    try (RealProcesses processes = new RealProcesses()) {
      long orphan = adoptedZombieExitingWith(3, processes);
      ProcessInfo zombie = scanner.scan(ProcessHandle.current().pid()).get(orphan).orElseThrow();

      WaitStatus status = new ZombieReaper().reap(zombie).orElseThrow();

      assertThat(status).hasToString("exited with code 3");
      assertThat(scanner.lookup(orphan)).isNull();
    }
  }

  @Test
  void aZombieWhoseIdentityChangedIsNotReaped() {
    try (RealProcesses processes = new RealProcesses()) {
      long orphan = adoptedZombieExitingWith(5, processes);
      ProcessInfo zombie = scanner.scan(ProcessHandle.current().pid()).get(orphan).orElseThrow();
      ProcessInfo sameZombieEarlier =
          new ProcessInfo(
              new ProcessId(orphan, zombie.id().startTime() - 1),
              zombie.parentPid(),
              'Z',
              zombie.name(),
              true);
      ZombieReaper reaper = new ZombieReaper();

      assertThat(reaper.reap(sameZombieEarlier)).isEmpty();
      assertThat(scanner.lookup(orphan).isZombie()).isTrue();

      assertThat(reaper.reap(zombie))
          .hasValueSatisfying(status -> assertThat(status).hasToString("exited with code 5"));
    }
  }

  @Test
  void betweenScopesAdoptedZombiesAreReapedInTheBackground() throws InterruptedException {
    try (RealProcesses processes = new RealProcesses()) {
      long orphan = adoptedZombieExitingWith(4, processes);
      ProcessId id = scanner.lookup(orphan).id();
      ZombieReaper reaper = new ZombieReaper();

      Thread background = reaper.startInBackground(scanner, ProcessHandle.current().pid());
      try {
        // The status is recorded just after waitpid returns: wait for it, not for the pid to
        // vanish.
        RealProcesses.await(
            "the background reaper to reap it", () -> reaper.statusOf(id).isPresent());
      } finally {
        background.interrupt();
        background.join();
      }
      assertThat(reaper.statusOf(id))
          .hasValueSatisfying(status -> assertThat(status).hasToString("exited with code 4"));
      assertThat(scanner.lookup(orphan)).isNull();
    }
  }

  /**
   * While a killed JVM's threads end one by one, its zombies move from thread to thread and then to
   * this JVM, and a walk of this JVM's tree can pass them by (seen in CI: they were reported as
   * left, with their culprit "not started during this scope"): each is read by its identity.
   */
  @Test
  void aZombieThatCameFromItsKilledCulpritIsReapedWhereAWalkOfTheTreeMissesIt() {
    try (RealProcesses processes = new RealProcesses()) {
      long zombie = adoptedZombieExitingWith(6, processes);
      ProcessId id = scanner.lookup(zombie).id();
      SubtreeScanner walkMissesIt =
          new SubtreeScanner() {
            @Override
            public ProcessTable scan(long rootPid) {
              List<ProcessInfo> seen = new ArrayList<>(scanner.scan(rootPid).processes());
              seen.removeIf(process -> process.pid() == zombie);
              return new ProcessTable(rootPid, seen);
            }

            @Override
            public ProcessInfo lookup(long pid) {
              return scanner.lookup(pid);
            }
          };
      Leak leak = zombieOf(KILLED_CULPRIT, id);

      List<Leak> stopped =
          new Cleanup(walkMissesIt, new ZombieReaper(walkMissesIt))
              .stop(List.of(leak), NOTHING_JOINS);

      assertThat(stopped)
          .extracting(Leak::cleanup)
          .containsExactly("reaped after its parent was killed: exited with code 6");
      assertThat(scanner.lookup(zombie)).isNull();
    }
  }

  @Test
  void zombiesOfAKilledCulpritThatNoOneReapsAreNotSaidToHaveBeenLeftAlone() {
    try (RealProcesses processes = new RealProcesses()) {
      List<Leak> leaks = twoZombiesAndTheirCulprit(processes);

      List<Leak> stopped = new Cleanup(scanner, null).stop(leaks, NOTHING_JOINS);

      assertThat(stopped)
          .extracting(Leak::cleanup)
          .containsExactly(
              "terminated by SIGTERM",
              "its parent was killed, but no one had reaped it yet",
              "its parent was killed, but no one had reaped it yet");
      ZombieReaper reaper = new ZombieReaper();
      for (Leak zombie : stopped.subList(1, 3)) {
        reaper.reap(scanner.current(zombie.process()).orElseThrow());
      }
    }
  }

  @Test
  void zombiesOfAKilledCulpritThatTheirNewParentReapsAreSaidToBeReapedByIt()
      throws InterruptedException {
    try (RealProcesses processes = new RealProcesses()) {
      List<Leak> leaks = twoZombiesAndTheirCulprit(processes);
      // Their new parent, as init would be, reaps what it adopts as it comes.
      ZombieReaper init = new ZombieReaper();
      Thread reaping =
          new Thread(
              () -> {
                try {
                  while (true) {
                    scanner.scan(SELF).adoptedZombies().forEach(init::reap);
                    Thread.sleep(5);
                  }
                } catch (InterruptedException stopped) {
                  // the cleanup is over
                }
              });
      reaping.start();
      List<Leak> stopped;
      try {
        stopped = new Cleanup(scanner, null).stop(leaks, NOTHING_JOINS);
      } finally {
        reaping.interrupt();
        reaping.join();
      }

      assertThat(stopped)
          .extracting(Leak::cleanup)
          .containsExactly(
              "terminated by SIGTERM",
              "reaped by init after its parent was killed",
              "reaped by init after its parent was killed");
    }
  }

  /** A lingering culprit that never waits, and its two zombies, as the rules judge them. */
  private List<Leak> twoZombiesAndTheirCulprit(RealProcesses processes) {
    Process culprit = processes.zombies(2);
    List<Leak> leaks = new ArrayList<>();
    leaks.add(lingering(scanner.lookup(culprit.pid()).id()));
    for (ProcessInfo zombie : scanner.scan(culprit.pid()).processes()) {
      leaks.add(zombieOf(Ancestor.process(culprit.pid(), "sleep 60"), zombie.id()));
    }
    return leaks;
  }

  /** An orphan this JVM adopts alive, which then exits: it stays our zombie until reaped. */
  private long adoptedZombieExitingWith(int code, RealProcesses processes) {
    // It outlives its shell for sure, else the shell could reap it on its way out.
    Process shell =
        processes.shell(
            "sh -c 'while kill -0 $0 2>/dev/null; do sleep 0.01; done; exit "
                + code
                + "' $$ >/dev/null & echo $!");
    long orphan = RealProcesses.readPid(shell);
    processes.track(orphan);
    RealProcesses.await("the orphan to exit and stay our zombie", () -> state(orphan) == 'Z');
    return orphan;
  }

  /** The state of an adopted child of this JVM, or '-' when it is anything else. */
  private char state(long pid) {
    ProcessInfo info = scanner.scan(ProcessHandle.current().pid()).get(pid).orElse(null);
    return info != null && info.adopted() ? info.state() : '-';
  }

  private static final Cleanup.Joiner NOTHING_JOINS =
      found -> {
        throw new AssertionError("nothing should have been found below: " + found);
      };

  private static Leak lingering(ProcessId id) {
    return new Leak(
        LeakKind.LINGERING,
        id,
        "sleep 60",
        List.of(Ancestor.testJvm(ProcessHandle.current().pid())),
        ScopeKind.TEST,
        ScopeName.of("a test"),
        null,
        null,
        CleanupOutcome.NOT_CLEANED_UP);
  }

  /** The shell that started the zombie, gone by the time the zombie is cleaned up. */
  private static final Ancestor KILLED_CULPRIT = Ancestor.process(Long.MAX_VALUE, "sh -c ...");

  private static Leak zombieOf(Ancestor culprit, ProcessId zombie) {
    return new Leak(
        LeakKind.ZOMBIE,
        zombie,
        "sh",
        List.of(culprit, Ancestor.testJvm(ProcessHandle.current().pid())),
        ScopeKind.TEST,
        ScopeName.of("a test"),
        null,
        null,
        CleanupOutcome.NOT_CLEANED_UP);
  }

  private static boolean readable(Process process) {
    try {
      return process.getInputStream().available() > 0;
    } catch (java.io.IOException e) {
      return false;
    }
  }
}
