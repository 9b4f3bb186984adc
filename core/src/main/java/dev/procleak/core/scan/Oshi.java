package dev.procleak.core.scan;

import java.util.ServiceLoader;
import oshi.SystemInfo;
import oshi.software.os.OperatingSystem;

/** OSHI's entry point costs about 250 ms to create: created on first use, once per JVM. */
public final class Oshi {
  private Oshi() {}

  private static final class Holder {
    static final OperatingSystem OPERATING_SYSTEM = create();

    private static OperatingSystem create() {
      quietLogging();
      return new SystemInfo().getOperatingSystem();
    }
  }

  /**
   * OSHI logs through SLF4J, which prints three warning lines into the user's test output when the
   * test class path has no logging provider. Only then, choose SLF4J's silent one.
   */
  private static void quietLogging() {
    if (System.getProperty("slf4j.provider") != null || hasLoggingProvider()) {
      return;
    }
    System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
    if (System.getProperty("slf4j.internal.verbosity") == null) {
      System.setProperty("slf4j.internal.verbosity", "WARN");
    }
  }

  private static boolean hasLoggingProvider() {
    try {
      Class<?> provider =
          Class.forName("org.slf4j.spi.SLF4JServiceProvider", false, Oshi.class.getClassLoader());
      return ServiceLoader.load(provider, Oshi.class.getClassLoader()).findFirst().isPresent();
    } catch (ClassNotFoundException slf4j1) {
      // SLF4J 1.x, as inside Maven, which brings its own logging.
      return true;
    }
  }

  public static OperatingSystem operatingSystem() {
    return Holder.OPERATING_SYSTEM;
  }
}
