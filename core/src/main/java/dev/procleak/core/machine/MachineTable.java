package dev.procleak.core.machine;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Every process the current user can see at one moment, and who that user is. */
public final class MachineTable {
  private final String currentUser;
  private final Map<Long, MachineProcess> byPid;

  public MachineTable(String currentUser, Collection<MachineProcess> processes) {
    this.currentUser = currentUser;
    Map<Long, MachineProcess> map = new LinkedHashMap<>();
    for (MachineProcess process : processes) {
      map.put(process.pid(), process);
    }
    this.byPid = Collections.unmodifiableMap(map);
  }

  public String currentUser() {
    return currentUser;
  }

  public Collection<MachineProcess> processes() {
    return byPid.values();
  }

  public Optional<MachineProcess> get(long pid) {
    return Optional.ofNullable(byPid.get(pid));
  }

  public boolean ownedByCurrentUser(MachineProcess process) {
    return currentUser.equals(process.user());
  }

  /** Whether the process that opened {@code session} (its leader, pid = session id) still runs. */
  public boolean sessionLeaderAlive(long session) {
    MachineProcess leader = byPid.get(session);
    return leader != null && leader.isSessionLeader() && !leader.isZombie();
  }
}
