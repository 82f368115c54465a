#!/usr/bin/env bash
# Throughput benchmark of the recording path (not a test): unpaced capture from the simulated
# interface through the capture thread, the rings and the writer into 24-bit Broadcast WAV files,
# by the real `taperoom record` command. Prints wall time, CPU time, the channel x real-time factor
# and the peak RSS of the process.
#
# Usage: appliance/bench/capture-benchmark.sh [SECONDS_OF_AUDIO [CHANNELS [RATE_HZ]]]
#        (defaults: 600 s, 32 channels, 48000 Hz; the files go to a temporary folder, removed after)
# Needs GNU time (/usr/bin/time, Debian package `time`) and about 2.8 GB free for the defaults.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
seconds=${1:-600}
channels=${2:-32}
rate=${3:-48000}

if [ ! -x /usr/bin/time ]; then
    echo "capture-benchmark: needs GNU time at /usr/bin/time (apt-get install time)" >&2
    exit 1
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/taperoom-bench-XXXXXX")
trap 'rm -rf "$work"' EXIT

# Build the jar first (if sources changed), outside the measurement.
"$root/taperoom" --help >/dev/null

/usr/bin/time -f '%e %U %S %M' -o "$work/time.txt" \
    "$root/taperoom" record --device sim --unpaced --channels "$channels" --rate "$rate" --bits 24 \
    --seconds "$seconds" --min-free-minutes 0 --library "$work/library" >"$work/stdout.txt"

take=$(tail -n 1 "$work/stdout.txt")
read -r wall user sys rss_kb <"$work/time.txt"
bytes=$(du -sb "$take" | cut -f 1)
frames=$(sed -n 's/^ *"frames" : \([0-9]*\),*$/\1/p' "$take/take.json" | head -n 1)
overruns=$(grep -c '"kind"' "$take/take.json" || true)

awk -v wall="$wall" -v user="$user" -v sys="$sys" -v rss="$rss_kb" -v ch="$channels" -v s="$seconds" \
    -v rate="$rate" -v bytes="$bytes" -v frames="$frames" -v overruns="$overruns" 'BEGIN {
    printf "audio:            %d channels x %d Hz x %d s, 24-bit (%d frames per track written)\n", ch, rate, s, frames
    printf "files:            %.2f GB\n", bytes / 1e9
    printf "wall time:        %.1f s\n", wall
    printf "CPU time:         %.1f s (user %.1f + system %.1f)\n", user + sys, user, sys
    printf "real-time factor: %.1f x real time, %.0f channel x real time\n", s / wall, ch * s / wall
    printf "write rate:       %.0f MB/s\n", bytes / wall / 1e6
    printf "peak RSS:         %.0f MiB\n", rss / 1024
    printf "overruns:         %d\n", overruns
}'
