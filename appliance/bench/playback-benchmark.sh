#!/usr/bin/env bash
# Playback benchmark (not a test): CPU of the playback thread per period as a share of one core,
# for TRACKS tracks through the full chain (per-track EQ, RMS compressor, reverb and delay sends,
# pan; both buses; master EQ, glue and the true-peak limiter) at PERIOD-frame periods, 48 kHz;
# then SOAK seconds of paced playback on the simulated outputs (which count a period written
# after its playing time as an underrun) while full renders of the same take run beside it.
#
#   appliance/bench/playback-benchmark.sh [TRACKS] [PERIOD] [SOAK_SECONDS] [TAKE_SECONDS] [BUFFER_PERIODS] [RENDER_THREADS]
#   (defaults: 16 tracks, 256 frames, 600 s, a 30 s take played in a loop, 4 periods, one render thread a core)
#
# Needs a JDK >= 21; compiles the appliance's tests first (not timed). BENCH_JAVA_OPTS adds JVM
# options (e.g. BENCH_JAVA_OPTS=-XX:+UseZGC to compare garbage collectors).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"
mvn -B -q -pl appliance -am test-compile dependency:build-classpath -Dmdep.outputFile="$root/appliance/target/bench.classpath" >&2
java_bin=""
for d in ${JAVA_HOME:-} /usr/lib/jvm/*; do
    [ -x "$d/bin/java" ] || continue
    major=$("$d/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1)
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then java_bin="$d/bin/java"; break; fi
done
[ -n "$java_bin" ] || { echo "no JDK >= 21 found" >&2; exit 1; }
# shellcheck disable=SC2086 # BENCH_JAVA_OPTS is a list of options
exec "$java_bin" --enable-native-access=ALL-UNNAMED ${BENCH_JAVA_OPTS:-} \
    -cp "appliance/target/classes:appliance/target/test-classes:drivers/target/classes:$(cat appliance/target/bench.classpath)" \
    org.taperoom.appliance.playback.PlaybackBenchmark "$@"
