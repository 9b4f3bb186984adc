package dev.procleak.core.scan;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.platform.mac.SystemB;
import com.sun.jna.platform.unix.LibCAPI.size_t;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * macOS: the whole process table in one {@code sysctl(CTL_KERN, KERN_PROC, KERN_PROC_ALL)} call,
 * zombies included with their state and real parent (see {@link KinfoProc}). Through JNA's own
 * mapping of libSystem, which OSHI brings; it is loaded on first use only, so this class can be
 * built, and never used, on other systems.
 */
final class MacProcessListing implements ProcessListing {
  private static final int CTL_KERN = 1;
  private static final int KERN_PROC = 14;
  private static final int KERN_PROC_ALL = 0;
  private static final int KERN_PROC_PID = 1;
  private static final int ENOMEM = 12;
  private static final int ATTEMPTS = 8;

  @Override
  public List<ProcessInfo> all() {
    int[] name = {CTL_KERN, KERN_PROC, KERN_PROC_ALL};
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      size_t.ByReference size = new size_t.ByReference();
      if (SystemB.INSTANCE.sysctl(name, name.length, null, size, null, size_t.ZERO) != 0) {
        throw new IllegalStateException(
            "sysctl(kern.proc.all) failed to size the process table: errno "
                + Native.getLastError());
      }
      // Room for the processes started between the two calls.
      long capacity = size.longValue() + size.longValue() / 8 + 32L * KinfoProc.SIZE;
      try (Memory buffer = new Memory(capacity)) {
        size.setValue(capacity);
        if (SystemB.INSTANCE.sysctl(name, name.length, buffer, size, null, size_t.ZERO) == 0) {
          return KinfoProc.parseAll(buffer.getByteBuffer(0, size.longValue()));
        }
        if (Native.getLastError() != ENOMEM) {
          throw new IllegalStateException(
              "sysctl(kern.proc.all) failed: errno " + Native.getLastError());
        }
      }
    }
    throw new IllegalStateException(
        "sysctl(kern.proc.all): the process table kept growing faster than it could be read");
  }

  @Override
  public ProcessInfo lookup(long pid) {
    int[] name = {CTL_KERN, KERN_PROC, KERN_PROC_PID, (int) pid};
    try (Memory buffer = new Memory(KinfoProc.SIZE)) {
      size_t.ByReference size = new size_t.ByReference(KinfoProc.SIZE);
      // A pid that names no process answers 0 with an empty record.
      if (SystemB.INSTANCE.sysctl(name, name.length, buffer, size, null, size_t.ZERO) != 0
          || size.longValue() < KinfoProc.SIZE) {
        return null;
      }
      ByteBuffer record = buffer.getByteBuffer(0, KinfoProc.SIZE);
      List<ProcessInfo> parsed = KinfoProc.parseAll(record);
      return parsed.isEmpty() || parsed.get(0).pid() != pid ? null : parsed.get(0);
    }
  }
}
