package dev.procleak.core.os;

/** A {@code waitpid} status word decoded the way {@code <sys/wait.h>} macros do on Linux. */
public record WaitStatus(int raw) {

  public boolean exited() { // WIFEXITED
    return (raw & 0x7f) == 0;
  }

  public int exitCode() { // WEXITSTATUS
    return (raw >> 8) & 0xff;
  }

  public boolean signaled() { // WIFSIGNALED
    int signal = raw & 0x7f;
    return signal != 0 && signal != 0x7f; // 0x7f marks a stopped child
  }

  public int termSignal() { // WTERMSIG
    return raw & 0x7f;
  }

  public boolean coreDumped() { // WCOREDUMP
    return (raw & 0x80) != 0;
  }

  @Override
  public String toString() {
    if (exited()) {
      return "exited with code " + exitCode();
    }
    if (signaled()) {
      return "killed by signal " + termSignal() + (coreDumped() ? " (core dumped)" : "");
    }
    return "status 0x" + Integer.toHexString(raw);
  }
}
