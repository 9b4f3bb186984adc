#!/usr/bin/env bash
# Builds what the benchmarks need, runs them and prints the tables:
#   1. JMH (benchmarks/target/jmh-result.json): procleak's per-scope check against OSHI's
#      descendant query, OSHI's full process scan and ProcessHandle.descendants(), at 100, 1,000
#      and 10,000 unrelated background processes and 0 or 10 children of the benchmark JVM;
#   2. the suite overhead: 1,000 trivial JUnit tests with and without @DetectProcessLeaks;
#   3. the agent's cost per test JVM (no agent, an empty agent, JaCoCo's, procleak's, a JFR stream)
#      and per process start (benchmarks/target/agent-cost.txt).
#
# Usage: benchmarks/run.sh [--quick] [JMH options...]
#   --quick   one fork and fewer, shorter iterations (a few minutes instead of ~13)
#   anything else goes to JMH, e.g. -p background=1000 or -f 3
# Linux only (the background processes are `sleep 900`s, started detached and killed by pid).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
cd "$root"

quick=()
jmh=()
for arg in "$@"; do
  case "$arg" in
    --quick) quick=(--quick) ;;
    *) jmh+=("$arg") ;;
  esac
done

java="${JAVA_HOME:+$JAVA_HOME/bin/}java"

echo "== building (./mvnw) =="
if grep -q '<module>benchmarks</module>' pom.xml; then
  ./mvnw -B -q package -DskipTests -Dinvoker.skip -pl benchmarks -am
else
  # Not yet a module of the reactor: install what it needs, then build it on its own.
  ./mvnw -B -q install -DskipTests -Dinvoker.skip -pl core,junit-extension -am
  ./mvnw -B -q -f benchmarks/pom.xml package
fi
jar=benchmarks/target/benchmarks.jar
out=benchmarks/target
table="$out/benchmark-table.txt"

machine="$(nproc) CPUs, $(free -g | awk '/^Mem:/ {print $2}') GiB RAM, Linux $(uname -r), $("$java" -version 2>&1 | head -n 1), $(ls /proc | grep -c '^[0-9]') processes and load $(cut -d' ' -f1-3 /proc/loadavg) before the run"

{
  echo "== machine: $machine"
  echo "== started $(date -u '+%Y-%m-%d %H:%M UTC')"
  "$java" -cp "$jar" dev.procleak.benchmarks.BenchmarkTable --out "$out" ${quick[@]+"${quick[@]}"} ${jmh[@]+"${jmh[@]}"}
  echo
  "$java" -cp "$jar" dev.procleak.benchmarks.suite.SuiteOverhead --out "$out" ${quick[@]+"${quick[@]}"}
  echo
  "$java" -cp "$jar" dev.procleak.benchmarks.agent.AgentCost ${quick[@]+"${quick[@]}"}
  echo
  echo "== finished $(date -u '+%Y-%m-%d %H:%M UTC'); load $(cut -d' ' -f1-3 /proc/loadavg); background processes left behind: $(ps -eo args | grep -c '^sleep 900$' || true)"
} 2>&1 | tee "$table"
echo "(this output: $table; JMH's own log: $out/jmh-output.txt; raw results: $out/jmh-result.json)"
