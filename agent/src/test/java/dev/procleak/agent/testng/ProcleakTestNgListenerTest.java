package dev.procleak.agent.testng;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testng.IInvokedMethod;
import org.testng.IInvokedMethodListener;
import org.testng.ITestResult;
import org.testng.TestNG;

/**
 * The names on TestNG 7.5.1, which has no {@code ITestResult.getParameterIndex()}: the listener
 * numbers a data provider's invocations itself. (Newer TestNG's own numbers are proven by the
 * invoker build plugin-testng-fails, on 7.12.) The listener itself, loaded by TestNG from
 * META-INF/services, runs here too, with no session: it must change nothing.
 */
class ProcleakTestNgListenerTest {
  @TempDir Path output;

  @Test
  void namesEachTestInvocationAsThePlatformNamesMethods() {
    List<String> names = Collections.synchronizedList(new ArrayList<>());
    TestNG testng = new TestNG();
    testng.setUseDefaultListeners(false);
    testng.setOutputDirectory(output.toString());
    testng.setTestClasses(new Class<?>[] {DataDriven.class});
    testng.addListener(
        new IInvokedMethodListener() {
          @Override
          public void beforeInvocation(IInvokedMethod method, ITestResult result) {
            if (method.isTestMethod()) {
              names.add(ProcleakTestNgListener.name(result).display());
            }
          }
        });

    testng.run();

    assertThat(testng.getStatus()).isZero();
    String type = DataDriven.class.getName();
    assertThat(names)
        .containsExactlyInAnyOrder(
            type + ".plain()",
            type + ".each(String, int)[1]",
            type + ".each(String, int)[2]",
            type + ".each(String, int)[3]");
  }
}
