#!/usr/bin/env bash
# Benchmark (not a test): CPU time of `taperoom record` against arecord doing the same work.
#
# Both record the same SECONDS (default 600) of 32-channel 48 kHz S32_LE audio from the same
# alsa-lib `file`-plugin capture device (unpaced: as fast as each can read) into 24-bit files, one
# per channel: Taperoom into its take (broadcast WAV per track), arecord through plug (S32_LE ->
# S24_3LE) with -I (one file per channel). Prints each whole process's CPU time (user + sys, from
# GNU time) and Taperoom's ratio to arecord. Target: ratio <= 1.5.
#
# Usage: appliance/bench/record-vs-arecord.sh [SECONDS]      (needs /usr/bin/time, arecord, a JDK >= 21)
# Scratch space: SECONDS * 32 * 4 * 48000 bytes of input (3.7 GB for 600 s) plus 3/4 of that for
# each recording, under ${TMPDIR:-/tmp}; all of it is deleted at the end.
set -euo pipefail

seconds=${1:-600}
channels=32
rate=48000
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/taperoom-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

# Build the jar if needed (the launcher does), then run java directly so the launcher's own JDK
# probing is not counted.
"$root/taperoom" --help >/dev/null
java_bin=""
for d in ${JAVA_HOME:-} /usr/lib/jvm/*; do
    [ -x "$d/bin/java" ] || continue
    major=$("$d/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1)
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then java_bin="$d/bin/java"; break; fi
done
[ -n "$java_bin" ] || { echo "no JDK >= 21 found" >&2; exit 1; }

input="$work/in32.raw"
bytes=$((seconds * channels * 4 * rate))
echo "generating $((bytes / 1000000)) MB of input: $seconds s x $channels ch x $rate Hz S32_LE ..." >&2
head -c "$bytes" /dev/urandom >"$input"

conf="$work/bench.conf"
printf 'pcm.bench32 { type file slave.pcm { type null } file "/dev/null" infile "%s" format "raw" }\n' "$input" >"$conf"

cpu_of() {
    # Runs "$@" under GNU time; prints user+sys seconds of the whole process.
    local t="$work/time.txt"
    /usr/bin/time -f '%U %S' -o "$t" "$@" >/dev/null
    awk '{ printf "%.2f\n", $1 + $2 }' "$t"
}

echo "taperoom record ..." >&2
# TAPEROOM_JAVA_OPTS: extra JVM flags, split on spaces as the launcher does.
read -r -a java_opts <<<"${TAPEROOM_JAVA_OPTS:-}"
taperoom_cpu=$(cpu_of "$java_bin" "${java_opts[@]}" --enable-native-access=ALL-UNNAMED -jar "$root/appliance/target/taperoom.jar" \
    record --device bench32 --alsaConfig "$conf" --alsaFormat S32_LE --channels "$channels" --rate "$rate" --bits 24 \
    --seconds "$seconds" --library "$work/library" --minFreeMinutes 0 --realtimePriority 0)
taperoom_files=$(find "$work/library" -name '*.wav' | wc -l)
taperoom_bytes=$(find "$work/library" -name '*.wav' -printf '%s\n' | awk '{ s += $1 } END { printf "%d\n", s }')
rm -rf "$work/library"

echo "arecord ..." >&2
mkdir "$work/arecord"
arecord_cpu=$(ALSA_CONFIG_PATH="/usr/share/alsa/alsa.conf:$conf" cpu_of arecord -q -D plug:bench32 -I -c "$channels" -r "$rate" \
    -f S24_3LE -d "$seconds" -t wav "$work/arecord/take.wav")
arecord_files=$(find "$work/arecord" -type f | wc -l)
arecord_bytes=$(find "$work/arecord" -type f -printf '%s\n' | awk '{ s += $1 } END { printf "%d\n", s }')

printf 'audio:    %s s x %s channels x %s Hz, S32_LE in, 24-bit out\n' "$seconds" "$channels" "$rate"
printf 'taperoom: %8.2f s CPU (user+sys), %s files, %s bytes\n' "$taperoom_cpu" "$taperoom_files" "$taperoom_bytes"
printf 'arecord:  %8.2f s CPU (user+sys), %s files, %s bytes\n' "$arecord_cpu" "$arecord_files" "$arecord_bytes"
awk -v t="$taperoom_cpu" -v a="$arecord_cpu" 'BEGIN { printf "ratio:    %.2f (taperoom / arecord; target <= 1.5)\n", t / a }'
