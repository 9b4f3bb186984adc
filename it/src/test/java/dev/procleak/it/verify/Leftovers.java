package dev.procleak.it.verify;

import dev.procleak.testsupport.processes.Kill;
import dev.procleak.testsupport.processes.Poll;
import dev.procleak.testsupport.processes.ProcessIdentity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Finds the processes an invoker build caused that are still in the process table after it, kills
 * them by identity and says what they were. Linux only: everything is read from /proc.
 *
 * <p>A process belongs to the build when any of these holds:
 *
 * <ul>
 *   <li>its working directory is inside the build's directory (every process the build started
 *       inherits it, double-forked daemons included, unless it changed directory);
 *   <li>its command line holds one of the build's markers (each invoker project gives its leaking
 *       processes a command no other one uses, such as {@code sleep 60.2});
 *   <li>it carries the build's procleak cookie ({@code PROCLEAK_COOKIE=<artifactId>-<uuid>}), or a
 *       test JVM's below it ({@code <artifactId>-<uuid>/jvm-<pid>-<start>});
 *   <li>it is one of the exact processes (pid and start time) procleak reported;
 *   <li>its parent belongs to the build (zombies keep no command line, directory or environment:
 *       only their parent tells whose they are).
 * </ul>
 *
 * Only processes that started after this JVM are considered: it runs the builds, so it is older
 * than anything they made. Never by name alone: other work shares the machine.
 */
public final class Leftovers {

  /** A process as read from /proc at one moment. */
  public record Proc(
      ProcessIdentity.Stat stat, String commandLine, Optional<Path> cwd, Optional<String> cookie) {
    public long pid() {
      return stat.pid();
    }

    public ProcessIdentity identity() {
      return stat.identity();
    }

    @Override
    public String toString() {
      return "pid "
          + pid()
          + " (ppid "
          + stat.ppid()
          + ", state "
          + stat.state()
          + ", start "
          + stat.startTicks()
          + ") "
          + (commandLine.isEmpty() ? "[" + stat.name() + "]" : commandLine)
          + cwd.map(dir -> " cwd=" + dir).orElse("")
          + cookie.map(c -> " PROCLEAK_COOKIE=" + c).orElse("");
    }
  }

  private final Path directory;
  private final List<String> markers;
  private final Pattern cookie;
  private final Set<ProcessIdentity> reported;

  /**
   * @param directory the invoker build's directory
   * @param markers strings only this build's processes have in their command line; each matches
   *     only as a whole word run, so {@code sleep 60.5} does not match {@code sleep 60.55}
   * @param artifactId the build's artifactId, the prefix of its procleak cookie (and of its
   *     modules' artifactIds in a reactor)
   * @param reported the processes procleak reported (pid and start time)
   */
  public Leftovers(
      Path directory,
      Collection<String> markers,
      String artifactId,
      Collection<ProcessIdentity> reported) {
    this.directory = realPath(directory);
    this.markers = List.copyOf(markers);
    // A module's cookie, alone or with a test JVM's below it (…/jvm-<pid>-<start>); a reactor's
    // modules have artifactIds that start with the build's.
    this.cookie =
        Pattern.compile(
            "(^|/)"
                + Pattern.quote(artifactId)
                + "[A-Za-z0-9_.-]*-[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}(/|$)");
    this.reported = Set.copyOf(reported);
  }

  /** Every process of the build now; empty when it left nothing behind. */
  public List<Proc> find() {
    // Everything the build made started after this JVM, which runs the builds (or the test):
    // only those are read in full. A shared machine may hold thousands of processes.
    long self = ProcessHandle.current().pid();
    long notBefore = ProcessIdentity.of(self).orElseThrow().startTicks();
    Map<Long, Proc> all = new LinkedHashMap<>();
    for (long pid : pids()) {
      if (ProcessIdentity.of(pid).filter(id -> id.startTicks() >= notBefore).isPresent()) {
        read(pid).ifPresent(proc -> all.put(pid, proc));
      }
    }
    Map<Long, Proc> ours = new LinkedHashMap<>();
    for (Proc proc : all.values()) {
      if (proc.pid() != self && belongs(proc)) {
        ours.put(proc.pid(), proc);
      }
    }
    // Then their descendants, zombies included, until nothing is added.
    for (boolean grew = true; grew; ) {
      grew = false;
      for (Proc proc : all.values()) {
        if (proc.pid() != self
            && !ours.containsKey(proc.pid())
            && ours.containsKey(proc.stat().ppid())) {
          ours.put(proc.pid(), proc);
          grew = true;
        }
      }
    }
    return new ArrayList<>(ours.values());
  }

  /**
   * Waits up to {@code patience} for the build's processes to leave (a zombie handed to PID 1 stays
   * there a moment; a short-lived helper may still be finishing). Whatever is still there then is
   * killed by identity, and described.
   *
   * @return a description of every leftover, empty when there was none
   */
  public List<String> awaitGoneOrKill(Duration patience) {
    List<Proc> left = new ArrayList<>();
    if (Poll.until(
        patience,
        () -> {
          left.clear();
          left.addAll(find());
          return left.isEmpty();
        })) {
      return List.of();
    }
    List<String> described = new ArrayList<>();
    left.forEach(proc -> described.add(proc.toString()));
    kill(left);
    return described;
  }

  /**
   * Kills the live ones by identity, parents first so that their zombies go to init; then waits.
   */
  private void kill(List<Proc> left) {
    for (Proc proc : left) {
      if (!proc.stat().isZombie()) {
        Kill.byIdentity(proc.identity());
      }
    }
    List<ProcessIdentity> identities = left.stream().map(Proc::identity).toList();
    if (!Kill.awaitGone(Poll.TIMEOUT, identities)) {
      List<ProcessIdentity> still =
          identities.stream().filter(Predicate.not(ProcessIdentity::isGone)).toList();
      throw new AssertionError("could not remove what the build left behind: " + still);
    }
  }

  private boolean belongs(Proc proc) {
    if (reported.contains(proc.identity())) {
      return true;
    }
    if (proc.cwd().map(dir -> dir.startsWith(directory)).orElse(false)) {
      return true;
    }
    if (proc.cookie().map(value -> cookie.matcher(value).find()).orElse(false)) {
      return true;
    }
    return markers.stream().anyMatch(marker -> holds(proc.commandLine(), marker));
  }

  /** {@code marker} appears in {@code commandLine} with a space or an end on both sides. */
  static boolean holds(String commandLine, String marker) {
    for (int at = commandLine.indexOf(marker); at >= 0; at = commandLine.indexOf(marker, at + 1)) {
      int end = at + marker.length();
      boolean startsWord =
          at == 0 || commandLine.charAt(at - 1) == ' ' || commandLine.charAt(at - 1) == '/';
      boolean endsWord = end == commandLine.length() || commandLine.charAt(end) == ' ';
      if (startsWord && endsWord) {
        return true;
      }
    }
    return false;
  }

  /** Reads one process; empty when it is gone (or vanishes while being read). */
  public static Optional<Proc> read(long pid) {
    Optional<ProcessIdentity.Stat> stat = ProcessIdentity.stat(pid);
    if (stat.isEmpty()) {
      return Optional.empty();
    }
    Path proc = Path.of("/proc", Long.toString(pid));
    String commandLine = readOrEmpty(proc.resolve("cmdline")).replace('\0', ' ').trim();
    Optional<Path> cwd;
    try {
      cwd = Optional.of(proc.resolve("cwd").toRealPath());
    } catch (IOException | SecurityException unreadable) {
      cwd = Optional.empty(); // zombies, other users' processes, or gone
    }
    Optional<String> cookie = Optional.empty();
    for (String variable : readOrEmpty(proc.resolve("environ")).split("\0")) {
      if (variable.startsWith("PROCLEAK_COOKIE=")) {
        cookie = Optional.of(variable.substring("PROCLEAK_COOKIE=".length()));
      }
    }
    // Same start time as at the first read, or the pid was reused meanwhile: read again later.
    if (!stat.get().identity().equals(ProcessIdentity.of(pid).orElse(null))) {
      return Optional.empty();
    }
    return Optional.of(new Proc(stat.get(), commandLine, cwd, cookie));
  }

  private static List<Long> pids() {
    List<Long> pids = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
      for (Path entry : entries) {
        pids.add(Long.parseLong(entry.getFileName().toString()));
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot list /proc", e);
    }
    return pids;
  }

  private static String readOrEmpty(Path file) {
    try {
      return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    } catch (IOException | SecurityException gone) {
      return "";
    }
  }

  private static Path realPath(Path path) {
    try {
      return path.toRealPath();
    } catch (IOException e) {
      return path.toAbsolutePath().normalize();
    }
  }
}
