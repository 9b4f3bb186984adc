package dev.procleak.core.machine;

import dev.procleak.core.scan.Oshi;
import dev.procleak.core.scan.ProcessId;
import java.util.ArrayList;
import java.util.List;
import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;

/**
 * Other systems, through OSHI: no sessions nor process groups, so only the rules that need neither
 * apply (a zombie; a process whose parent is gone, as Windows leaves them).
 */
public final class OshiMachineSource implements MachineSource {
  private final OperatingSystem os;

  public OshiMachineSource() {
    this(Oshi.operatingSystem());
  }

  public OshiMachineSource(OperatingSystem os) {
    this.os = os;
  }

  @Override
  public MachineTable read() {
    List<MachineProcess> processes = new ArrayList<>();
    for (OSProcess process : os.getProcesses()) {
      processes.add(toMachineProcess(process));
    }
    return new MachineTable(os.getCurrentProcess().getUserID(), processes);
  }

  @Override
  public MachineProcess lookup(long pid) {
    OSProcess process = os.getProcess((int) pid);
    return process == null ? null : toMachineProcess(process);
  }

  @Override
  public String commandLine(long pid, String fallback) {
    OSProcess process = os.getProcess((int) pid);
    String line = process == null ? null : process.getCommandLine();
    return line == null || line.isBlank() ? fallback : line.trim();
  }

  @Override
  public String userName() {
    OSProcess self = os.getCurrentProcess();
    return self.getUser() + " (" + self.getUserID() + ")";
  }

  static MachineProcess toMachineProcess(OSProcess process) {
    return new MachineProcess(
        new ProcessId(process.getProcessID(), process.getStartTime()),
        process.getParentProcessID(),
        process.getState() == OSProcess.State.ZOMBIE ? 'Z' : 'R',
        MachineProcess.UNKNOWN,
        MachineProcess.UNKNOWN,
        process.getUserID(),
        false,
        process.getName());
  }
}
