// Runs this build only where Temurin 25 is installed (as on this project's machines).
def java25 = new File('/usr/lib/jvm/temurin-25-jdk-amd64/bin/java')
if (!java25.canExecute()) {
  println "[WARNING] annotation-java25-logger-finder-not-recorded-fails SKIPPED: no JDK 25 at ${java25.parent - '/bin'}; install Temurin 25 there to run it"
  return false
}
return true
