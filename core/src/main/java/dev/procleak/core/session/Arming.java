package dev.procleak.core.session;

import dev.procleak.core.cleanup.ZombieReaper;
import dev.procleak.core.os.EnvironmentCookie;
import dev.procleak.core.os.Subreaper;
import dev.procleak.core.scan.ProcfsScanner;
import dev.procleak.core.scan.SubtreeScanner;

/**
 * Makes a test JVM ready for children, once: the subreaper of everything below it (unless {@code
 * procleak.subreaper=false}), with a thread that reaps what it adopts. Armed lazily (procleak's
 * agent sees every start through Java), it waits until right before the first child, or until
 * native code that could start one loads, and then puts the JVM's cookie into the native
 * environment too; until then no scan asks the kernel for children.
 */
final class Arming {
  private final boolean subreaperWanted;
  private final boolean lazily;
  private final ZombieReaper reaper;
  private final SubtreeScanner scanner;
  private final long pid;
  private final Object lock = new Object();
  private volatile String nativeCookie;
  private volatile boolean armed;
  private volatile Thread armingThread;
  private volatile boolean subreaper;
  private volatile boolean nativeCodeLoaded;

  Arming(
      boolean subreaperWanted,
      boolean lazily,
      ZombieReaper reaper,
      SubtreeScanner scanner,
      long pid) {
    this.subreaperWanted = subreaperWanted;
    this.lazily = lazily;
    this.reaper = reaper;
    this.scanner = scanner;
    this.pid = pid;
    if (lazily) {
      // Until then this JVM can have no child: the kernel need not be asked at every scope.
      ProcfsScanner.assumeNoChildrenUnless(() -> armed || nativeCodeLoaded);
    }
  }

  /** The cookie a lazy arming puts into the native environment, for children of native code. */
  void markNativeChildrenWith(String cookie) {
    nativeCookie = cookie;
  }

  void arm() {
    if (armed || armingThread == Thread.currentThread()) {
      return; // JNA, while it loads for this, starts a process of its own (ldconfig)
    }
    synchronized (lock) {
      if (armed) {
        return;
      }
      armingThread = Thread.currentThread();
      try {
        subreaper = subreaperWanted && Subreaper.arm();
      } catch (RuntimeException | LinkageError e) {
        System.err.println(
            "procleak: could not make the test JVM a subreaper; orphans are found by their cookie: "
                + e);
      }
      if (subreaper) {
        reaper.startInBackground(scanner, pid);
      }
      if (lazily && nativeCookie != null) {
        try {
          EnvironmentCookie.setNativeOnly(nativeCookie);
        } catch (RuntimeException | LinkageError e) {
          System.err.println(
              "procleak: could not mark children of native code with "
                  + EnvironmentCookie.VARIABLE
                  + ": "
                  + e);
        }
      }
      armed = true;
      armingThread = null;
    }
  }

  void nativeCodeLoaded() {
    nativeCodeLoaded = true;
  }

  /** Arms now if native code loaded since: before a scope's baseline, so that it sees children. */
  void armIfNativeCodeLoaded() {
    if (nativeCodeLoaded && !armed) {
      arm();
    }
  }

  boolean isArmed() {
    return armed;
  }

  boolean isLazy() {
    return lazily;
  }

  boolean subreaper() {
    return subreaper;
  }
}
