package dev.procleak.core.scan;

import oshi.SystemInfo;
import oshi.software.os.OperatingSystem;

/** OSHI's entry point costs about 250 ms to create: created on first use, once per JVM. */
public final class Oshi {
  private Oshi() {}

  private static final class Holder {
    static final OperatingSystem OPERATING_SYSTEM = new SystemInfo().getOperatingSystem();
  }

  public static OperatingSystem operatingSystem() {
    return Holder.OPERATING_SYSTEM;
  }
}
