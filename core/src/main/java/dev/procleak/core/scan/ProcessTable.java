package dev.procleak.core.scan;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A snapshot of the processes below one root process (the root itself excluded), with what the
 * platform kept the scanner from seeing.
 */
public final class ProcessTable {
  private final long rootPid;
  private final Map<Long, ProcessInfo> byPid;
  private final List<String> limitations;
  private final Map<Long, Long> forkingThreads;

  public ProcessTable(long rootPid, Collection<ProcessInfo> processes) {
    this(rootPid, processes, List.of());
  }

  /**
   * @param limitations what this snapshot cannot show on this platform, one sentence each, for the
   *     report: a user must know which leaks procleak could not have caught
   */
  public ProcessTable(long rootPid, Collection<ProcessInfo> processes, List<String> limitations) {
    this(rootPid, processes, limitations, Map.of());
  }

  /**
   * @param limitations what this snapshot cannot show on this platform, one sentence each
   * @param forkingThreads for children of the root: the root's thread that lists the child in
   *     {@code /proc/ROOT/task/TID/children}, which is the thread that started it while that thread
   *     lives (Linux); empty where the platform does not tell
   */
  public ProcessTable(
      long rootPid,
      Collection<ProcessInfo> processes,
      List<String> limitations,
      Map<Long, Long> forkingThreads) {
    this.rootPid = rootPid;
    this.forkingThreads = Map.copyOf(forkingThreads);
    Map<Long, ProcessInfo> map = new LinkedHashMap<>();
    for (ProcessInfo process : processes) {
      map.put(process.pid(), process);
    }
    this.byPid = Collections.unmodifiableMap(map);
    this.limitations = List.copyOf(limitations);
  }

  /** What could not be checked on this platform; empty where the scan sees everything. */
  public List<String> limitations() {
    return limitations;
  }

  public long rootPid() {
    return rootPid;
  }

  public Collection<ProcessInfo> processes() {
    return byPid.values();
  }

  /**
   * The thread of the root that a child of the root is listed under, or 0 when unknown. The root's
   * primordial thread (tid = pid) also lists orphans it adopted and children of threads that ended,
   * so it says nothing about who started them.
   */
  public long forkingThread(long pid) {
    return forkingThreads.getOrDefault(pid, 0L);
  }

  public Optional<ProcessInfo> get(long pid) {
    return Optional.ofNullable(byPid.get(pid));
  }

  /** The process {@code id} names, when this table holds it and its pid names nothing else. */
  public Optional<ProcessInfo> get(ProcessId id) {
    return get(id.pid()).filter(process -> process.id().equals(id));
  }

  public boolean contains(ProcessId id) {
    return get(id).isPresent();
  }

  public List<ProcessInfo> children(long pid) {
    List<ProcessInfo> children = new ArrayList<>();
    for (ProcessInfo process : byPid.values()) {
      if (process.parentPid() == pid) {
        children.add(process);
      }
    }
    return children;
  }

  /**
   * Zombies the root adopted: no one else will wait for them. Under the root the JDK's own children
   * are zombies too, for the microseconds before the JDK reaps them; those are not adopted.
   */
  public List<ProcessInfo> adoptedZombies() {
    List<ProcessInfo> zombies = new ArrayList<>();
    for (ProcessInfo process : byPid.values()) {
      if (process.isZombie() && process.adopted() && process.parentPid() == rootPid) {
        zombies.add(process);
      }
    }
    return zombies;
  }

  /** Number of ancestors between the process and the root: a direct child of the root is 1. */
  public int depth(ProcessInfo process) {
    int depth = 1;
    ProcessInfo current = process;
    while (current.parentPid() != rootPid
        && byPid.containsKey(current.parentPid())
        && depth < byPid.size()) {
      current = byPid.get(current.parentPid());
      depth++;
    }
    return depth;
  }
}
