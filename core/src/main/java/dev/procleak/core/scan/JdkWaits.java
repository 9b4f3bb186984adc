package dev.procleak.core.scan;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;

/**
 * The children a JVM is blocked waiting for. The JDK gives every process it starts a "process
 * reaper" thread that sits in {@code wait4(pid)}; {@code /proc/PID/task/TID/syscall} shows the call
 * and its arguments. A child nobody waits for was not started by the JDK: it was adopted.
 *
 * <p>A reaper thread that is running, not blocked, may be about to reap a child that just exited,
 * and its target cannot be read: then nothing can be called adopted until it blocks again, or
 * procleak could steal an exit status from the JDK.
 */
final class JdkWaits {
  private static final int WAIT4 = syscall("wait4");
  private static final int WAITID = syscall("waitid");
  private static final long P_PID = 1;
  private static final String REAPER_THREAD = "process reaper";
  private static final Duration SETTLING = Duration.ofMillis(20);
  private static final Duration ASK_AGAIN = Duration.ofMillis(1);

  private JdkWaits() {}

  static boolean isSupported() {
    return WAIT4 >= 0;
  }

  /** The pids the JVM's threads wait for, or null when a JDK reaper thread is on the move. */
  static Set<Long> waitedFor(long jvmPid) {
    Set<Long> pids = new HashSet<>();
    try (DirectoryStream<Path> tasks =
        Files.newDirectoryStream(Path.of("/proc", Long.toString(jvmPid), "task"))) {
      for (Path task : tasks) {
        String[] call = read(task.resolve("syscall")).trim().split(" ");
        if (call.length < 3) {
          if (call[0].equals("running")
              && read(task.resolve("comm")).trim().equals(REAPER_THREAD)) {
            return null;
          }
          continue;
        }
        int number = Integer.parseInt(call[0]);
        if (number == WAIT4) {
          pids.add(argument(call[1]));
        } else if (number == WAITID && argument(call[1]) == P_PID) {
          pids.add(argument(call[2]));
        }
      }
    } catch (IOException | RuntimeException unreadable) {
      return null; // unknown: better to adopt nothing than to steal from the JDK
    }
    return pids;
  }

  /**
   * The waited-for pids when no JDK reaper thread is on the move: one that runs has just reaped, or
   * is about to block again, within a few milliseconds even on a loaded machine; empty (null) after
   * 20 ms of asking.
   */
  static Set<Long> waitedForSettled(long jvmPid) {
    long deadline = System.nanoTime() + SETTLING.toNanos();
    Set<Long> waited = waitedFor(jvmPid);
    while (waited == null && System.nanoTime() < deadline) {
      LockSupport.parkNanos(ASK_AGAIN.toNanos());
      waited = waitedFor(jvmPid);
    }
    return waited;
  }

  /** A register as the kernel prints it: {@code 0x...}, all 64 bits ({@code wait4(-1)} too). */
  private static long argument(String register) {
    String hex = register.startsWith("0x") ? register.substring(2) : register;
    return Long.parseUnsignedLong(hex, 16);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException gone) {
      return "";
    }
  }

  private static int syscall(String name) {
    String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    boolean x64 = arch.equals("amd64") || arch.equals("x86_64");
    boolean arm64 = arch.equals("aarch64") || arch.equals("arm64");
    switch (name) {
      case "wait4":
        return x64 ? 61 : arm64 ? 260 : -1;
      case "waitid":
        return x64 ? 247 : arm64 ? 95 : -1;
      default:
        return -1;
    }
  }
}
