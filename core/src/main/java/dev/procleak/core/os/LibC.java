package dev.procleak.core.os;

import com.sun.jna.Library;
import com.sun.jna.Native;

/** The few libc calls the JDK does not offer. */
interface LibC extends Library {
  int PR_SET_CHILD_SUBREAPER = 36;
  int WNOHANG = 1;

  LibC INSTANCE = Native.load("c", LibC.class);

  int prctl(int option, long arg2, long arg3, long arg4, long arg5);

  int waitpid(int pid, int[] status, int options);

  int setenv(String name, String value, int overwrite);
}
