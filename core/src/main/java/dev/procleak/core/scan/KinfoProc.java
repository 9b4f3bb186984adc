package dev.procleak.core.scan;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code struct kinfo_proc}, the record macOS's {@code sysctl(CTL_KERN, KERN_PROC, …)}
 * returns per process, the call {@code ps} uses. Unlike {@code proc_pidinfo}, which OSHI uses and
 * which refuses a zombie (OSHI then reports it {@code INVALID} with parent 0), it answers for
 * zombies too: state {@code SZOMB} and the real parent.
 *
 * <p>The offsets are those of {@code <sys/sysctl.h>} and {@code <sys/proc.h>} on 64-bit macOS, the
 * same on x86_64 and arm64 (648 bytes; {@code SizeofKinfoProc = 0x288} in golang.org/x/sys {@code
 * ztypes_darwin_*.go}); {@code p_stat} at 36 and {@code p_pid} at 40 were measured on a macos-14
 * runner (github.com/unslothai/unsloth pull 8493).
 */
final class KinfoProc {
  static final int SIZE = 648;

  /** {@code p_stat} of a zombie ({@code SZOMB} in {@code <sys/proc.h>}). */
  static final int SZOMB = 5;

  static final int START_SECONDS = 0; // kp_proc.p_un.__p_starttime.tv_sec, 64 bits
  static final int START_MICROS = 8; // kp_proc.p_un.__p_starttime.tv_usec, 32 bits
  static final int STATE = 36; // kp_proc.p_stat, one byte
  static final int PID = 40; // kp_proc.p_pid
  static final int COMMAND = 243; // kp_proc.p_comm, MAXCOMLEN + 1 bytes
  static final int COMMAND_LENGTH = 17;
  static final int PARENT = 560; // kp_eproc.e_ppid

  private KinfoProc() {}

  /** Every whole record in {@code buffer}, read from its position to its limit. */
  static List<ProcessInfo> parseAll(ByteBuffer buffer) {
    // Both x86_64 and arm64 Macs are little-endian.
    ByteBuffer records = buffer.slice().order(ByteOrder.LITTLE_ENDIAN);
    List<ProcessInfo> processes = new ArrayList<>(records.remaining() / SIZE);
    for (int offset = 0; offset + SIZE <= records.limit(); offset += SIZE) {
      processes.add(parse(records, offset));
    }
    return processes;
  }

  /**
   * One record. The start time becomes milliseconds since the epoch, as OSHI computes it on macOS,
   * so that identities agree with what OSHI reports for the same process.
   */
  static ProcessInfo parse(ByteBuffer records, int offset) {
    long startMillis =
        records.getLong(offset + START_SECONDS) * 1000
            + records.getInt(offset + START_MICROS) / 1000;
    int state = records.get(offset + STATE);
    return new ProcessInfo(
        new ProcessId(records.getInt(offset + PID), startMillis),
        records.getInt(offset + PARENT),
        letter(state),
        command(records, offset),
        false);
  }

  /** The one-letter state procleak uses, from {@code p_stat}. */
  static char letter(int state) {
    switch (state) {
      case 1: // SIDL, being created
        return 'I';
      case 2: // SRUN
        return 'R';
      case 3: // SSLEEP
        return 'S';
      case 4: // SSTOP
        return 'T';
      case SZOMB:
        return 'Z';
      default:
        return '?';
    }
  }

  private static String command(ByteBuffer records, int offset) {
    byte[] name = new byte[COMMAND_LENGTH];
    records.get(offset + COMMAND, name);
    int end = 0;
    while (end < name.length && name[end] != 0) {
      end++;
    }
    return new String(name, 0, end, StandardCharsets.UTF_8);
  }
}
