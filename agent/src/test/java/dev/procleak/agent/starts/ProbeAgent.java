package dev.procleak.agent.starts;

import dev.procleak.agent.boot.ProcessStartBridge;
import java.io.IOException;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A child JVM's agent for {@link ProcessBuilderRewriteTest}: the rewrite and the bridge as the real
 * agent installs them, listeners that print what they hear; then {@link #main} starts processes
 * every way Java can.
 */
public final class ProbeAgent {
  private ProbeAgent() {}

  public static void premain(String when, Instrumentation instrumentation) throws Exception {
    if ("late".equals(when)) {
      new ProcessBuilder(); // loaded before the agent hooks it: rewritten by retransformation
    }
    instrumentation.redefineModule(
        Object.class.getModule(),
        Set.of(ProcessStartBridge.class.getModule()),
        Map.of(),
        Map.of(),
        Set.of(),
        Map.of());
    ProcessStartBridge.listen(
        builder -> System.out.println("starting " + ((ProcessBuilder) builder).command()),
        (builder, process) ->
            System.out.println(
                "started "
                    + ((ProcessBuilder) builder).command()
                    + " as "
                    + ((Process) process).pid()));
    instrumentation.addTransformer(
        new ClassFileTransformer() {
          @Override
          public byte[] transform(
              ClassLoader loader,
              String name,
              Class<?> redefined,
              ProtectionDomain domain,
              byte[] bytes) {
            return loader == null && "java/lang/ProcessBuilder".equals(name)
                ? ProcessBuilderRewrite.rewrite(bytes)
                : null;
          }
        },
        true);
    for (Class<?> loaded : instrumentation.getAllLoadedClasses()) {
      if (loaded == ProcessBuilder.class) {
        instrumentation.retransformClasses(loaded);
      }
    }
  }

  public static void main(String[] args) throws Exception {
    Process plain = new ProcessBuilder("true").start();
    System.out.println("pid " + plain.pid());
    plain.waitFor();
    Runtime.getRuntime().exec(new String[] {"true", "exec"}).waitFor();
    for (Process process :
        ProcessBuilder.startPipeline(
            List.of(new ProcessBuilder("echo", "x"), new ProcessBuilder("cat")))) {
      process.waitFor();
    }
    try {
      new ProcessBuilder("/nonexistent/procleak").start();
    } catch (IOException expected) {
      System.out.println("failed /nonexistent/procleak");
    }
  }
}
