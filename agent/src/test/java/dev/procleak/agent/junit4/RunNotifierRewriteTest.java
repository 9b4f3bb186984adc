package dev.procleak.agent.junit4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.procleak.agent.junit4.fixture.TwoMethods;
import dev.procleak.agent.junit4.fixture.TwoParameters;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * JUnit 4's own {@code RunNotifier}, of 4.12 and of 4.13.2, rewritten and run: JUnitCore runs real
 * JUnit 4 tests in a class loader of that JUnit alone, and the hook hears each test start and end,
 * on its own thread, named as reports name it.
 */
class RunNotifierRewriteTest {
  private static final String RUN_NOTIFIER = "org.junit.runner.notification.RunNotifier";
  private final List<String> heard = Collections.synchronizedList(new ArrayList<>());
  private final List<String> suites = Collections.synchronizedList(new ArrayList<>());
  private final Junit4Hook.Scopes original = Junit4Hook.scopes;

  @AfterEach
  void restoreTheHook() {
    Junit4Hook.scopes = original;
  }

  @ParameterizedTest
  @ValueSource(strings = {"4.12", "4.13.2"})
  void theHookHearsEveryTestStartAndEndOnItsThread(String version) throws Exception {
    Junit4Hook.scopes =
        new Junit4Hook.Scopes() {
          @Override
          public void started(Object description) {
            heard.add("started " + named(description) + " on " + Thread.currentThread().getName());
          }

          @Override
          public void finished(Object description) {
            heard.add("finished " + named(description) + " on " + Thread.currentThread().getName());
          }

          @Override
          public void suiteStarted(Object description) throws ReflectiveOperationException {
            suites.add("started " + Junit4Hook.testClass(description));
          }

          @Override
          public void suiteFinished(Object description) {
            suites.add("finished " + description);
          }
        };
    try (JunitLoader junit = new JunitLoader(version)) {
      assertThat(junit.loadClass(RUN_NOTIFIER).getClassLoader()).isSameAs(junit);
      assertThat(junit.loadClass("junit.runner.Version").getMethod("id").invoke(null))
          .isEqualTo(version);

      Object result = junit.run(TwoMethods.class, TwoParameters.class);

      assertThat(result.getClass().getMethod("getRunCount").invoke(result)).isEqualTo(4);
      assertThat(result.getClass().getMethod("wasSuccessful").invoke(result)).isEqualTo(true);
    }
    String thread = Thread.currentThread().getName();
    String methods = TwoMethods.class.getName();
    String parameters = TwoParameters.class.getName();
    assertThat(heard)
        .containsExactlyInAnyOrder(
            "started " + methods + ".first() on " + thread,
            "finished " + methods + ".first() on " + thread,
            "started " + methods + ".second() on " + thread,
            "finished " + methods + ".second() on " + thread,
            "started " + parameters + ".each()[0] on " + thread,
            "finished " + parameters + ".each()[0] on " + thread,
            "started " + parameters + ".each()[1] on " + thread,
            "finished " + parameters + ".each()[1] on " + thread);
    for (int i = 0; i < heard.size(); i += 2) {
      assertThat(heard.get(i + 1)).isEqualTo(heard.get(i).replace("started ", "finished "));
    }
    // JUnit 4.13 tells each runner's start and end too: the test classes are named, the
    // Parameterized run's inner runners ([0], [1]) and JUnitCore's own suite are not classes.
    if (version.equals("4.12")) {
      assertThat(suites).isEmpty();
    } else {
      assertThat(suites)
          .containsExactly(
              "started null",
              "started " + methods,
              "finished " + methods,
              "started " + parameters,
              "started null",
              "finished [0]",
              "started null",
              "finished [1]",
              "finished " + parameters,
              "finished classes");
    }
  }

  @Test
  void aHookThatThrowsNeverFailsTheTests() throws Exception {
    Junit4Hook.scopes =
        new Junit4Hook.Scopes() {
          @Override
          public void started(Object description) {
            throw new IllegalStateException("broken on purpose");
          }

          @Override
          public void finished(Object description) {
            throw new LinkageError("broken on purpose");
          }

          @Override
          public void suiteStarted(Object description) {
            throw new IllegalStateException("broken on purpose");
          }

          @Override
          public void suiteFinished(Object description) {
            throw new LinkageError("broken on purpose");
          }
        };
    try (JunitLoader junit = new JunitLoader("4.13.2")) {
      Object result = junit.run(TwoMethods.class);

      assertThat(result.getClass().getMethod("wasSuccessful").invoke(result)).isEqualTo(true);
    }
  }

  @Test
  void aClassWithoutTheTwoMethodsIsRefused() throws Exception {
    byte[] description;
    try (JunitLoader junit = new JunitLoader("4.13.2");
        InputStream in = junit.own("org/junit/runner/Description.class")) {
      description = in.readAllBytes();
    }

    assertThatThrownBy(() -> RunNotifierRewrite.rewrite(description))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("fireTestStarted");
  }

  private static String named(Object description) {
    try {
      return Junit4Hook.name(description).display();
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  /**
   * One JUnit 4's jar, its own classes first: RunNotifier rewritten as the agent's transformer
   * does, the fixtures defined here so that their annotations are this JUnit's; everything else,
   * the hook among it, from this test's class path, as the agent's is the system class path.
   */
  private static final class JunitLoader extends URLClassLoader {
    JunitLoader(String version) {
      super(jars(version), RunNotifierRewriteTest.class.getClassLoader());
    }

    private static URL[] jars(String version) {
      Path directory = Path.of(System.getProperty("procleak.test.junit4Jars"));
      try {
        return new URL[] {
          directory.resolve("junit-" + version + ".jar").toUri().toURL(),
          directory.resolve("hamcrest-core-1.3.jar").toUri().toURL()
        };
      } catch (MalformedURLException e) {
        throw new UncheckedIOException(e);
      }
    }

    Object run(Class<?>... tests) throws ReflectiveOperationException {
      Class<?>[] here = new Class<?>[tests.length];
      for (int i = 0; i < tests.length; i++) {
        here[i] = loadClass(tests[i].getName());
      }
      Method run = loadClass("org.junit.runner.JUnitCore").getMethod("runClasses", Class[].class);
      return run.invoke(null, (Object) here);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      synchronized (getClassLoadingLock(name)) {
        Class<?> loaded = findLoadedClass(name);
        if (loaded == null && name.startsWith(TwoMethods.class.getPackageName() + ".")) {
          loaded =
              define(
                  name, getParent().getResourceAsStream(name.replace('.', '/') + ".class"), false);
        } else if (loaded == null
            && (name.startsWith("org.junit.")
                || name.startsWith("junit.")
                || name.startsWith("org.hamcrest."))) {
          loaded = define(name, own(name.replace('.', '/') + ".class"), name.equals(RUN_NOTIFIER));
        }
        return loaded != null ? loaded : super.loadClass(name, resolve);
      }
    }

    /** From this JUnit's jar only: the parent, this test's class path, holds JUnit 4.13.2 too. */
    private InputStream own(String resource) throws ClassNotFoundException {
      URL url = findResource(resource);
      try {
        return url == null ? null : url.openStream();
      } catch (IOException e) {
        throw new ClassNotFoundException(resource, e);
      }
    }

    private Class<?> define(String name, InputStream in, boolean rewrite)
        throws ClassNotFoundException {
      if (in == null) {
        throw new ClassNotFoundException(name);
      }
      try (in) {
        byte[] classfile = in.readAllBytes();
        byte[] defined = rewrite ? RunNotifierRewrite.rewrite(classfile) : classfile;
        return defineClass(name, defined, 0, defined.length);
      } catch (IOException e) {
        throw new ClassNotFoundException(name, e);
      }
    }
  }
}
