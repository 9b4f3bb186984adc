package dev.procleak.core.os;

import com.sun.jna.Platform;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;

/**
 * Marks every process this JVM starts from now on with a variable all its descendants inherit,
 * double-forked daemons included, so that they can be found after they escaped the JVM.
 */
public final class EnvironmentCookie {
  public static final String VARIABLE = "PROCLEAK_COOKIE";

  private EnvironmentCookie() {}

  /**
   * Sets the cookie in both places a child's environment comes from: the native environment
   * (children whose builder never called {@code environment()}) and the JDK's cached copy
   * (children whose builder did). The second needs {@code java.lang} opened, which only an
   * agent can do for itself.
   *
   * @throws ReflectiveOperationException when this JDK keeps its environment differently
   */
  public static void set(String value, Instrumentation instrumentation) throws ReflectiveOperationException {
    if (!Platform.isLinux() && !Platform.isMac()) {
      throw new UnsupportedOperationException("environment cookies are implemented for Linux and macOS only");
    }
    LibC.INSTANCE.setenv(VARIABLE, value, 1);
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
    map.put(valueOf("java.lang.ProcessEnvironment$Variable", VARIABLE), valueOf("java.lang.ProcessEnvironment$Value", value));
  }

  private static Object valueOf(String className, String text) throws ReflectiveOperationException {
    Method valueOf = Class.forName(className).getDeclaredMethod("valueOf", String.class);
    valueOf.setAccessible(true);
    return valueOf.invoke(null, text);
  }
}
