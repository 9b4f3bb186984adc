#!/usr/bin/env bash
# Builds procleak, then runs samples/leaky-build, whose tests leak a zombie and an orphan.
# procleak must fail that build and name both; this script succeeds when it does.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "Building procleak (tests skipped)..."
./mvnw -q -B install -DskipTests -Dinvoker.skip=true -pl junit-extension -am

log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ./mvnw -B -f samples/leaky-build/pom.xml clean verify | tee "$log"; then
  echo "The sample build passed, but its tests leak: procleak did not catch them." >&2
  exit 1
fi
for kind in ZOMBIE ORPHAN; do
  if ! grep -q "^  $kind " "$log"; then
    echo "procleak did not report the $kind the sample leaks." >&2
    exit 1
  fi
done
echo
echo "As expected, procleak failed the sample build and named the zombie, its culprit and the orphan (above)."
