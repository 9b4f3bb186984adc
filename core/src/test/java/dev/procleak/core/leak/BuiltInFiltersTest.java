package dev.procleak.core.leak;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BuiltInFiltersTest {

  @Test
  void surefiresParentPingIsNeverALeak() {
    assertThat(BuiltInFilters.matches("/bin/sh -c ps -o etime,pid 4242")).isTrue();
    assertThat(BuiltInFilters.matches("ps -o etime,pid 4242")).isTrue();
    assertThat(BuiltInFilters.matches("/usr/bin/ps -o etime,pid 4242")).isTrue();
  }

  @Test
  void surefiresWindowsPingIsNeverALeak() {
    assertThat(BuiltInFilters.matches("wmic process where (ProcessId=4242) get CreationDate"))
        .isTrue();
  }

  @Test
  void theJdksLaunchHelperIsNeverALeak() {
    // Caught between spawn and exec on this machine, JDK 17 and Temurin 25.
    assertThat(
            BuiltInFilters.matches(
                "/usr/lib/jvm/java-17-openjdk-amd64/lib/jspawnhelper 17.0.15+6-Debian-1deb12u1 12:13:15"))
        .isTrue();
    assertThat(
            BuiltInFilters.matches(
                "/usr/lib/jvm/temurin-25-jdk-amd64/lib/jspawnhelper 25.0.3+9-LTS 6:14:17"))
        .isTrue();
    assertThat(BuiltInFilters.matches("/opt/jdk/lib/jspawnhelper 12:13:15")).isTrue();
  }

  @Test
  void gradlesWorkerProcessesAreNeverALeak() {
    assertThat(
            BuiltInFilters.matches(
                "/opt/java/bin/java -Dorg.gradle.native=false -Xmx512m -Dfile.encoding=UTF-8 -cp /home/u/.gradle/caches/8.10/workerMain/gradle-worker.jar"
                    + " worker.org.gradle.process.internal.worker.GradleWorkerMain 'Gradle Test Executor 40'"))
        .isTrue();
    assertThat(
            BuiltInFilters.matches(
                "/opt/java/bin/java @/tmp/gradle-worker-classpath1606txt -Xmx512m worker.org.gradle.process.internal.worker.GradleWorkerMain 'Gradle Worker Daemon 3'"))
        .isTrue();
  }

  @Test
  void lookalikesAreStillChecked() {
    assertThat(BuiltInFilters.matches("jspawnhelper-test 12:13:15 --serve")).isFalse();
    assertThat(BuiltInFilters.matches("./my-jspawnhelper.sh 1:2:3")).isFalse();
    assertThat(BuiltInFilters.matches("java -cp x.jar com.example.GradleWorkerMainLike")).isFalse();
    assertThat(BuiltInFilters.matches("ps -o etime,pid,args")).isFalse();
    assertThat(BuiltInFilters.matches("sleep 60")).isFalse();
  }
}
