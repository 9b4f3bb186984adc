package dev.procleak.core.origin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class CallersTest {

  @Test
  void theJdkProcleakAndTestFrameworksAreNotCallers() {
    assertThat(
            List.of(
                "java.lang.ProcessBuilder",
                "jdk.internal.reflect.X",
                "sun.nio.Y",
                "dev.procleak.agent.Z",
                "org.junit.platform.A",
                "junit.framework.TestCase",
                "org.testng.B",
                "org.apache.maven.surefire.C",
                "org.codehaus.groovy.runtime.ProcessGroovyMethods"))
        .allMatch(Callers::isFramework);
    assertThat(
            List.of(
                "com.example.Indexer",
                "org.apache.commons.exec.DefaultExecutor",
                "demo.OrphanTest"))
        .noneMatch(Callers::isFramework);
  }

  @Test
  void theFirstFramesOutsideThemAreKeptAsAStackTracePrintsThem() {
    Stream<StackWalker.StackFrame> stack =
        Stream.of(
            frame("java.lang.ProcessBuilder", "start", "ProcessBuilder.java", 1107),
            frame("org.apache.commons.exec.DefaultExecutor", "launch", "DefaultExecutor.java", 270),
            frame("jdk.internal.reflect.NativeMethodAccessorImpl", "invoke0", null, -2),
            frame("demo.OrphanTest", "orphan", "OrphanTest.java", 15),
            frame("org.junit.platform.X", "run", "X.java", 1));

    assertThat(Callers.of(stack))
        .containsExactly(
            "org.apache.commons.exec.DefaultExecutor.launch(DefaultExecutor.java:270)",
            "demo.OrphanTest.orphan(OrphanTest.java:15)");
    assertThat(Callers.frame("a.B", "c", null, -1)).isEqualTo("a.B.c(Unknown Source)");
  }

  @Test
  void atMostEightAreKept() {
    Stream<StackWalker.StackFrame> deep =
        IntStream.range(0, 20).mapToObj(i -> frame("lib.L" + i, "m", "L.java", i));

    assertThat(Callers.of(deep)).hasSize(Callers.KEPT).first().isEqualTo("lib.L0.m(L.java:0)");
  }

  private static StackWalker.StackFrame frame(String type, String method, String file, int line) {
    StackTraceElement element = new StackTraceElement(type, method, file, line);
    return new StackWalker.StackFrame() {
      @Override
      public String getClassName() {
        return type;
      }

      @Override
      public String getMethodName() {
        return method;
      }

      @Override
      public Class<?> getDeclaringClass() {
        throw new UnsupportedOperationException();
      }

      @Override
      public int getByteCodeIndex() {
        return 0;
      }

      @Override
      public String getFileName() {
        return file;
      }

      @Override
      public int getLineNumber() {
        return line;
      }

      @Override
      public boolean isNativeMethod() {
        return line == -2;
      }

      @Override
      public StackTraceElement toStackTraceElement() {
        return element;
      }
    };
  }
}
