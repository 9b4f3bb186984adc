package dev.procleak.core.os;

/**
 * The kernel's clock ticks per second (USER_HZ), the unit of a process's start time in {@code
 * /proc/PID/stat}. Asked of libc once; loading OSHI for it would cost a leak's report OSHI's whole
 * start-up.
 */
public final class ClockTicks {
  private static final int SC_CLK_TCK = 2; // <bits/confname.h>, on every Linux architecture

  public static final long PER_SECOND = LibC.INSTANCE.sysconf(SC_CLK_TCK).longValue();

  private ClockTicks() {}
}
