package dev.procleak.core.scan;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import oshi.software.os.OperatingSystem;

/**
 * Finds a root's descendants in a listing of the whole machine, where no subreaper keeps orphans
 * below the root: on macOS they go to launchd (pid 1); on Windows nothing re-parents them, they
 * keep pointing at their dead parent's pid, which Windows soon gives to an unrelated process.
 *
 * <p>Two rules make that honest. A process is a child of another only if it is not older than that
 * parent: a stale parent pid now held by a younger process links nothing (the mistake psutil fixed
 * in issues 314 and 356, and RStudio in issue 18677). And the scanner remembers, per root, every
 * descendant it has seen in the baseline and every poll since: once a parent dies, its children are
 * still known, by identity, as the root's — now marked {@link ProcessInfo#adopted()}, so that the
 * rules call them orphans. A process whose parent died before any scan saw it cannot be traced, and
 * {@link ProcessTable#limitations()} says so.
 */
public final class AncestryScanner implements SubtreeScanner {
  static final String MACOS_UNTRACEABLE =
      "macOS has no child subreaper: a process whose parent exits before procleak has seen it (in the"
          + " baseline or a poll) goes to launchd and is not traced to this JVM; only the build's cookie can"
          + " find it, and macOS refuses to show most processes' environments";
  static final String MACOS_ZOMBIE_STATUS =
      "macOS: a leaked zombie goes to launchd once its culprit is killed, so its exit status is not reported";
  static final String WINDOWS_UNTRACEABLE =
      "Windows never re-parents and reuses pids: a process whose parent exits before procleak has seen it"
          + " (in the baseline or a poll) is not traced to this JVM";
  static final String WINDOWS_NO_ZOMBIES = "Windows has no zombies: ZOMBIE is never reported there";

  private final ProcessListing listing;
  private final List<String> limitations;
  private final Map<Long, Set<ProcessId>> seenBelow = new HashMap<>();

  AncestryScanner(ProcessListing listing, List<String> limitations) {
    this.listing = listing;
    this.limitations = List.copyOf(limitations);
  }

  /** macOS: {@code sysctl(KERN_PROC_ALL)}, which sees zombies and their parents. */
  public static AncestryScanner macOS() {
    return new AncestryScanner(
        new MacProcessListing(), List.of(MACOS_UNTRACEABLE, MACOS_ZOMBIE_STATUS));
  }

  /** Windows: OSHI's process list, with its stale parent pids checked against start times. */
  public static AncestryScanner windows(OperatingSystem os) {
    return new AncestryScanner(
        new WindowsProcessListing(os), List.of(WINDOWS_UNTRACEABLE, WINDOWS_NO_ZOMBIES));
  }

  @Override
  public synchronized ProcessTable scan(long rootPid) {
    List<ProcessInfo> all = listing.all();
    Map<Long, ProcessInfo> byPid = new HashMap<>();
    Map<Long, List<ProcessInfo>> childrenByPid = new HashMap<>();
    for (ProcessInfo process : all) {
      byPid.put(process.pid(), process);
      childrenByPid.computeIfAbsent(process.parentPid(), pid -> new ArrayList<>()).add(process);
    }
    Set<ProcessId> seen = seenBelow.computeIfAbsent(rootPid, pid -> new HashSet<>());
    Map<Long, ProcessInfo> found = new LinkedHashMap<>();
    Deque<ProcessInfo> parents = new ArrayDeque<>();
    ProcessInfo root = byPid.get(rootPid);
    if (root != null) {
      parents.add(root);
    }
    for (ProcessId known : seen) {
      ProcessInfo now = byPid.get(known.pid());
      if (now != null && now.id().equals(known) && now.pid() != rootPid) {
        parents.add(now);
      }
    }
    Set<Long> walked = new HashSet<>();
    while (!parents.isEmpty()) {
      ProcessInfo parent = parents.poll();
      if (!walked.add(parent.pid())) {
        continue;
      }
      if (parent.pid() != rootPid) {
        found.putIfAbsent(parent.pid(), parent);
      }
      for (ProcessInfo child : childrenByPid.getOrDefault(parent.pid(), List.of())) {
        if (isChildOf(child, parent) && child.pid() != rootPid) {
          parents.add(child);
        }
      }
    }
    List<ProcessInfo> processes = new ArrayList<>(found.size());
    for (ProcessInfo process : found.values()) {
      ProcessInfo parent = process.parentPid() == rootPid ? root : found.get(process.parentPid());
      boolean orphaned = parent == null || !isChildOf(process, parent);
      processes.add(orphaned ? adopted(process) : process);
    }
    seen.clear();
    found.values().forEach(process -> seen.add(process.id()));
    return new ProcessTable(rootPid, processes, limitations);
  }

  @Override
  public ProcessInfo lookup(long pid) {
    return listing.lookup(pid);
  }

  /** A pid names a parent only while it is held by a process at least as old as the child. */
  private static boolean isChildOf(ProcessInfo child, ProcessInfo parent) {
    return child.parentPid() == parent.pid() && parent.id().startTime() <= child.id().startTime();
  }

  private static ProcessInfo adopted(ProcessInfo process) {
    return new ProcessInfo(
        process.id(), process.parentPid(), process.state(), process.name(), true);
  }
}
