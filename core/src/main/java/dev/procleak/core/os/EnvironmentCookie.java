package dev.procleak.core.os;

import com.sun.jna.Platform;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Marks every process this JVM starts from now on with a variable all its descendants inherit,
 * double-forked and {@code setsid} daemons included, so that they can be found after they escaped
 * the JVM.
 *
 * <p>Cookies nest: a module build's cookie is {@code <artifactId>-<uuid>}, each of its test JVMs
 * marks its children with {@code <module cookie>/jvm-<pid>-<start time>} (the name of its report
 * file). A search for a cookie finds the processes of every cookie below it, and of no other: the
 * UUID makes the prefix unique to one build.
 */
public final class EnvironmentCookie {
  public static final String VARIABLE = "PROCLEAK_COOKIE";
  public static final char SEPARATOR = '/';

  /** The first part of a cookie a test JVM made for itself, outside any build that marked it. */
  public static final String OWN_ROOT = "procleak-";

  private EnvironmentCookie() {}

  /**
   * A new cookie for one build of a module, below the cookie this process inherited (a build run by
   * another build's test), so that the outer build still finds what this one leaks.
   */
  public static String forModule(String artifactId, Optional<String> inherited) {
    String own = artifactId + "-" + UUID.randomUUID();
    return inherited
        .filter(value -> !value.isBlank())
        .map(value -> value + SEPARATOR + own)
        .orElse(own);
  }

  /** The cookie of one test JVM, below its build's; without a build, below a fresh one. */
  public static String forJvm(Optional<String> build, long pid, long startTime) {
    String parent =
        build.filter(value -> !value.isBlank()).orElseGet(() -> OWN_ROOT + UUID.randomUUID());
    return parent + SEPARATOR + "jvm-" + pid + "-" + startTime;
  }

  /** The cookie of the build a test JVM's cookie is below: {@code a/b} of {@code a/b/jvm-1-2}. */
  public static String buildOf(String jvmCookie) {
    int last = jvmCookie.lastIndexOf(SEPARATOR);
    return last < 0 ? jvmCookie : jvmCookie.substring(0, last);
  }

  /** Whether a process whose variable holds {@code value} belongs to {@code cookie}. */
  public static boolean belongsTo(String value, String cookie) {
    return value != null
        && !cookie.isEmpty()
        && (value.equals(cookie) || value.startsWith(cookie + SEPARATOR));
  }

  /**
   * The cookie this process inherited, read from the native environment: {@code System.getenv}
   * would make the JDK cache its copy of the environment before {@link #setNatively} can add to it.
   */
  public static Optional<String> inherited() {
    if (!Platform.isLinux() && !Platform.isMac()) {
      return Optional.ofNullable(System.getenv(VARIABLE));
    }
    return Optional.ofNullable(LibC.INSTANCE.getenv(VARIABLE));
  }

  /**
   * Sets the cookie in both places a child's environment comes from: the native environment
   * (children whose builder never called {@code environment()}) and the JDK's cached copy (children
   * whose builder did). The second needs {@code java.lang} opened, which only an agent can do for
   * itself.
   *
   * @throws ReflectiveOperationException when this JDK keeps its environment differently
   */
  public static void set(String value, Instrumentation instrumentation)
      throws ReflectiveOperationException {
    setNativeOnly(value);
    setInJdkCopy(value, instrumentation);
  }

  /**
   * Sets the cookie in the JDK's cached copy of the environment only, which the children of
   * builders that call {@code environment()} get; procleak's hook in {@code ProcessBuilder} gives
   * every other child of Java its own, so that the native environment waits for {@link
   * #setNativeOnly} (a call through JNA, costly to load).
   */
  public static void setInJdkCopy(String value, Instrumentation instrumentation)
      throws ReflectiveOperationException {
    requireSupportedPlatform();
    Module ours = EnvironmentCookie.class.getModule();
    instrumentation.redefineModule(
        Object.class.getModule(),
        Set.of(),
        Map.of(),
        Map.of("java.lang", Set.of(ours), "java.util", Set.of(ours)),
        Set.of(),
        Map.of());
    Class<?> environment = Class.forName("java.lang.ProcessEnvironment");
    Field cached = environment.getDeclaredField("theEnvironment");
    cached.setAccessible(true);
    @SuppressWarnings("unchecked")
    Map<Object, Object> map = (Map<Object, Object>) cached.get(null);
    map.put(
        valueOf("java.lang.ProcessEnvironment$Variable", VARIABLE),
        valueOf("java.lang.ProcessEnvironment$Value", value));
  }

  /**
   * Sets the cookie without an agent: in the native environment, which children of builders that
   * never called {@code environment()} inherit, and in the JDK's cached copy, which the others get.
   * JNA itself makes the JDK cache that copy before {@code setenv} can be called, so on JDK 17 to
   * 23 the copy is changed through {@code sun.misc.Unsafe}; from JDK 24 on, which warns on every
   * such use, it is left alone.
   *
   * @return whether children of builders that call {@code environment()} carry the cookie too
   */
  public static boolean setNatively(String value) {
    requireSupportedPlatform();
    LibC.INSTANCE.setenv(VARIABLE, value, 1);
    if (!reachesBuilderCopies(value) && Runtime.version().feature() < 24) {
      try {
        putIntoJdkCopy(value);
      } catch (ReflectiveOperationException | RuntimeException e) {
        // Only children of builders that never call environment() carry the cookie then.
      }
    }
    return reachesBuilderCopies(value);
  }

  /** Sets the cookie in the native environment, which children started by native code inherit. */
  public static void setNativeOnly(String value) {
    requireSupportedPlatform();
    LibC.INSTANCE.setenv(VARIABLE, value, 1);
  }

  private static boolean reachesBuilderCopies(String value) {
    return value.equals(new ProcessBuilder().environment().get(VARIABLE));
  }

  /**
   * {@code System.getenv()} is an unmodifiable view of a map that writes through to the JDK's copy;
   * only the view's field is out of reach without {@code --add-opens}.
   */
  @SuppressWarnings("unchecked")
  private static void putIntoJdkCopy(String value) throws ReflectiveOperationException {
    Class<?> unsafeClass = Class.forName("sun.misc.Unsafe");
    Field theUnsafe = unsafeClass.getDeclaredField("theUnsafe");
    theUnsafe.setAccessible(true);
    Object unsafe = theUnsafe.get(null);
    Map<String, String> view = System.getenv();
    Field wrapped = view.getClass().getDeclaredField("m");
    long offset =
        (long) unsafeClass.getMethod("objectFieldOffset", Field.class).invoke(unsafe, wrapped);
    Map<String, String> environment =
        (Map<String, String>)
            unsafeClass
                .getMethod("getObject", Object.class, long.class)
                .invoke(unsafe, view, offset);
    environment.put(VARIABLE, value);
  }

  private static void requireSupportedPlatform() {
    // The JDK's own name for the system: JNA's Platform would load JNA for it.
    String system = System.getProperty("os.name", "");
    if (!system.startsWith("Linux") && !system.startsWith("Mac")) {
      throw new UnsupportedOperationException(
          "environment cookies are implemented for Linux and macOS only");
    }
  }

  private static Object valueOf(String className, String text) throws ReflectiveOperationException {
    Method valueOf = Class.forName(className).getDeclaredMethod("valueOf", String.class);
    valueOf.setAccessible(true);
    return valueOf.invoke(null, text);
  }
}
