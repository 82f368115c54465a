#!/usr/bin/env bash
# Benchmark (not a test): the ALSA driver's own cost per audio second (readi + conversion to S32),
# 32 channels at 48 kHz from a file-plugin device, for S16_LE, S24_3LE and S32_LE.
# Usage: drivers/bench/read-cost.sh [SECONDS]   (default 60; writes SECONDS * 6 MB to a temp dir, deleted after)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"
mvn -B -q -pl drivers test-compile dependency:build-classpath -Dmdep.outputFile="$root/drivers/target/bench.classpath" >&2
taperoom_share="$root/image-build/src/deb/share"
# shellcheck source=image-build/src/deb/share/java-runtime.sh
. "$taperoom_share/java-runtime.sh"
java_bin=$(taperoom_find_java)
[ -n "$java_bin" ] || { echo "no JDK >= 21 found" >&2; exit 1; }
exec "$java_bin" --enable-native-access=ALL-UNNAMED \
    -cp "drivers/target/classes:drivers/target/test-classes:$(cat drivers/target/bench.classpath)" \
    org.taperoom.drivers.alsa.AlsaReadCost "${1:-60}"
