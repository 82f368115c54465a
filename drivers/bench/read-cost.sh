#!/usr/bin/env bash
# Benchmark (not a test): the ALSA driver's own cost per audio second (readi + conversion to S32),
# 32 channels at 48 kHz from a file-plugin device, for S16_LE, S24_3LE and S32_LE.
# Usage: drivers/bench/read-cost.sh [SECONDS]   (default 60; writes SECONDS * 6 MB to a temp dir, deleted after)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"
mvn -B -q -pl drivers test-compile dependency:build-classpath -Dmdep.outputFile="$root/drivers/target/bench.classpath" >&2
java_bin=""
for d in ${JAVA_HOME:-} /usr/lib/jvm/*; do
    [ -x "$d/bin/java" ] || continue
    major=$("$d/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1)
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then java_bin="$d/bin/java"; break; fi
done
[ -n "$java_bin" ] || { echo "no JDK >= 21 found" >&2; exit 1; }
exec "$java_bin" --enable-native-access=ALL-UNNAMED \
    -cp "drivers/target/classes:drivers/target/test-classes:$(cat drivers/target/bench.classpath)" \
    org.taperoom.drivers.alsa.AlsaReadCost "${1:-60}"
