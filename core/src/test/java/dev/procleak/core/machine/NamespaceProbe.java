package dev.procleak.core.machine;

import dev.procleak.core.model.LeakKind;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Runs inside a fresh PID namespace (see {@link NamespaceScanTest}): scans the quiet machine, makes
 * a zombie and an orphan, scans again; prints what each scan found, one line per process.
 */
public final class NamespaceProbe {
  private NamespaceProbe() {}

  public static void main(String[] args) throws Exception {
    MachineScan scan =
        new MachineScan(new ProcfsMachineSource(), Duration.ofMillis(500), List.of());
    print("QUIET", scan.run());

    Process culprit =
        new ProcessBuilder("sh", "-c", "sleep 0.1 & exec sleep 300")
            .redirectInput(Redirect.from(new java.io.File("/dev/null")))
            .redirectOutput(Redirect.DISCARD)
            .redirectError(Redirect.DISCARD)
            .start();
    long zombie = awaitZombieChild(culprit.pid());
    Process orphanMaker =
        new ProcessBuilder("sh", "-c", "sleep 301 </dev/null >/dev/null 2>&1 & echo $!").start();
    long orphan;
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(orphanMaker.getInputStream(), StandardCharsets.UTF_8))) {
      orphan = Long.parseLong(out.readLine().trim());
    }
    orphanMaker.waitFor();
    System.out.println("MADE ZOMBIE " + zombie + " " + culprit.pid());
    System.out.println("MADE ORPHAN " + orphan + " 1");
    print("LEAKY", scan.run());
    System.out.flush();
  }

  private static void print(String phase, ScanResult result) {
    for (FoundProcess zombie : result.zombies()) {
      System.out.println(
          phase + " " + LeakKind.ZOMBIE + " " + zombie.pid() + " " + zombie.parentPid());
    }
    for (FoundProcess orphan : result.orphans()) {
      System.out.println(
          phase + " " + LeakKind.ORPHAN + " " + orphan.pid() + " " + orphan.parentPid());
    }
    ScanMessage.lines(result, "").forEach(line -> System.out.println(phase + "-TEXT " + line));
    System.out.println(phase + " END");
  }

  private static long awaitZombieChild(long parent) throws InterruptedException {
    ProcfsMachineSource machine = new ProcfsMachineSource();
    long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < end) {
      Optional<MachineProcess> zombie =
          machine.read().processes().stream()
              .filter(process -> process.parentPid() == parent && process.isZombie())
              .findFirst();
      if (zombie.isPresent()) {
        return zombie.get().pid();
      }
      Thread.sleep(10);
    }
    throw new IllegalStateException("no zombie appeared under " + parent);
  }
}
