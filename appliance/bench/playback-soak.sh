#!/usr/bin/env bash
# Playback soak (not a test): the playback benchmark's soak with the JVM settings the appliance
# runs with (image-build's taperoom.jvmargs: generational ZGC, the heap), and every JVM-wide
# pause (safepoint) logged, then summarised beside the underruns: how many pauses held all Java
# threads longer than the output's buffer, and how much of each was spent waiting for the last
# thread to reach the safepoint (a runnable thread the kernel has not scheduled yet).
#
#   appliance/bench/playback-soak.sh [SOAK_SECONDS] [BUFFER_PERIODS] [RENDER_THREADS]
#   (defaults: 600 s, 16 periods of 256 frames (85 ms, what a take's playback keeps queued), one
#   render thread a core; 16 tracks, a 30 s take)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
soak=${1:-600}
buffer=${2:-16}
threads=${3:-$(nproc)}
log=$(mktemp "${TMPDIR:-/tmp}/taperoom-safepoints.XXXXXX")
trap 'rm -f "$log"' EXIT
jvmargs=$(grep -v '^#' "$root/image-build/src/deb/share/taperoom.jvmargs" | tr '\n' ' ')
BENCH_JAVA_OPTS="$jvmargs -Xlog:safepoint=info:file=$log:uptime" \
    "$here/playback-benchmark.sh" 16 256 "$soak" 30 "$buffer" "$threads"
buffer_ns=$((buffer * 256 * 1000000000 / 48000))
awk -v limit="$buffer_ns" '
    /Safepoint "/ {
        n++
        match($0, /Reaching safepoint: [0-9]+/); reach = substr($0, RSTART + 20, RLENGTH - 20) + 0
        match($0, /Total: [0-9]+/); total = substr($0, RSTART + 7, RLENGTH - 7) + 0
        if (total > limit) { long++; if (reach > total / 2) reaching++ }
        if (total > max) max = total
        if (reach > maxreach) maxreach = reach
    }
    END {
        printf "safepoints: %d; longer than the %.1f ms buffer: %d (of which %d mostly waiting for a thread to reach it); longest %.1f ms, longest wait to reach one %.1f ms\n",
            n, limit / 1e6, long, reaching, max / 1e6, maxreach / 1e6
    }' "$log"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
