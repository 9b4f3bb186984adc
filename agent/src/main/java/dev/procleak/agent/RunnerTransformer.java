package dev.procleak.agent;

import dev.procleak.agent.junit4.Junit4Hook;
import dev.procleak.agent.junit4.RunNotifierRewrite;
import dev.procleak.core.session.JvmSession;
import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;

/**
 * Sees every class the test JVM loads and acts on two: JUnit 4's {@code RunNotifier}, rewritten to
 * call {@link Junit4Hook}, and Surefire's JUnit 3 provider, which runs tests procleak cannot tell
 * apart. Every other class costs one string comparison; ASM loads only with RunNotifier.
 */
final class RunnerTransformer implements ClassFileTransformer {
  static final String RUN_NOTIFIER = "org/junit/runner/notification/RunNotifier";

  /** Surefire's {@code surefire-junit3} provider: JUnit 3 and plain-old-Java tests. */
  static final String JUNIT3_PROVIDER = "org/apache/maven/surefire/junit/JUnit3Provider";

  @Override
  public byte[] transform(
      ClassLoader loader,
      String className,
      Class<?> redefined,
      ProtectionDomain domain,
      byte[] classfile) {
    if (className == null) {
      return null;
    }
    try {
      if (className.equals(RUN_NOTIFIER)) {
        return junit4(loader, classfile);
      }
      if (className.equals(JUNIT3_PROVIDER)) {
        JvmSession.current()
            .ifPresent(
                s ->
                    s.runs()
                        .unscoped(
                            "JUnit 3 (Surefire's surefire-junit3 provider): its tests are"
                                + " not told apart; add junit:junit 4.12 or newer to the test dependencies (Surefire then runs the"
                                + " same tests with surefire-junit4, each one checked)"));
      }
    } catch (Throwable e) {
      // A transformer that throws is ignored by the JVM, silently: say it, once.
      Runners.cannotHook("JUnit 4", e);
    }
    return null;
  }

  private static byte[] junit4(ClassLoader loader, byte[] classfile) throws ClassNotFoundException {
    // The rewritten RunNotifier links to the hook through its own loader: one that does not
    // reach this agent's (an isolated test class loader) would fail every test with
    // NoClassDefFoundError. Better leave it alone and say so.
    if (loader == null
        || Class.forName(Junit4Hook.class.getName(), false, loader) != Junit4Hook.class) {
      Runners.cannotHook(
          "JUnit 4",
          new IllegalStateException(
              "its RunNotifier is loaded by " + loader + ", which does not see procleak's agent"));
      return null;
    }
    return RunNotifierRewrite.rewrite(classfile);
  }
}
