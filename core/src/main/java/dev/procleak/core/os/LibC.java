package dev.procleak.core.os;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;

/** The few libc calls the JDK does not offer. */
interface LibC extends Library {
  int PR_SET_CHILD_SUBREAPER = 36;
  int WNOHANG = 1;
  int WEXITED = 4;
  int WNOWAIT = 0x01000000;
  int WALL = 0x40000000;
  int P_ALL = 0;
  int ECHILD = 10;

  LibC INSTANCE = Native.load("c", LibC.class);

  int prctl(int option, long arg2, long arg3, long arg4, long arg5);

  int waitpid(int pid, int[] status, int options);

  int kill(int pid, int signal);

  int setenv(String name, String value, int overwrite);

  String getenv(String name);

  int waitid(int idtype, int id, Pointer infop, int options);

  NativeLong sysconf(int name);
}
