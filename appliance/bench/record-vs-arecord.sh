#!/usr/bin/env bash
# Benchmark (not a test): CPU time of `taperoom record` against arecord doing the same work.
#
# Both record the same SECONDS (default 600) of 32-channel 48 kHz S32_LE audio from the same
# alsa-lib `file`-plugin capture device (unpaced: as fast as each can read) into 24-bit files, one
# per channel: Taperoom into its take (broadcast WAV per track, synced every fsyncIntervalMillis),
# arecord through plug (S32_LE -> S24_3LE) with -I (one file per channel, never synced).
# Each side runs RUNS times (default 3), alternating, so a burst of load elsewhere on the machine
# hits both; prints every run's CPU time (user + sys of the whole process, from GNU time), the
# median of each side, the ratio of the medians, and Taperoom's CPU per thread in its median run.
# Target: ratio <= 1.5.
#
# Usage: appliance/bench/record-vs-arecord.sh [SECONDS [RUNS]]   (needs /usr/bin/time, arecord, a JDK >= 21)
# Environment: TAPEROOM_JAVA_OPTS extra JVM flags (through the launcher, which splits them on
#   spaces); TAPEROOM_CDS=0 measures without the launcher's class-data-sharing archive (what start-up
#   costs without it); TAPEROOM_JAR another jar to measure (default: this tree's; no archive);
#   TAPEROOM_RECORD_OPTS extra flags for `taperoom record` (e.g. "--fsync-interval-millis 60000" to see
#   what syncing costs).
# Scratch space: SECONDS * 32 * 4 * 48000 bytes of input (3.7 GB for 600 s) plus 3/4 of that for
# one recording at a time, under ${TMPDIR:-/tmp}; all of it is deleted at the end.
set -euo pipefail

seconds=${1:-600}
runs=${2:-3}
channels=32
rate=48000
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/taperoom-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

# Build the jar if needed (the launcher does), then run the java command the launcher would run
# (TAPEROOM_LAUNCHER_PRINT=1: its JVM options and class-data-sharing archive) directly, so the
# launcher's own JDK probing is not counted.
"$root/taperoom" --help >/dev/null
mapfile -t java_cmd < <(TAPEROOM_LAUNCHER_PRINT=1 "$root/taperoom" record)
unset 'java_cmd[-1]'
[ "${#java_cmd[@]}" -ge 3 ] || { echo "the launcher printed no java command" >&2; exit 1; }
if [ -n "${TAPEROOM_JAR:-}" ]; then
    # Another jar: the launcher's archive belongs to this tree's jar (the JVM would ignore it).
    for i in "${!java_cmd[@]}"; do
        case "${java_cmd[$i]}" in -XX:SharedArchiveFile=* | -XX:+AutoCreateSharedArchive) unset "java_cmd[$i]" ;; esac
    done
    java_cmd=("${java_cmd[@]}")
    java_cmd[-1]=$TAPEROOM_JAR
fi
read -r -a record_opts <<<"${TAPEROOM_RECORD_OPTS:-}"

input="$work/in32.raw"
bytes=$((seconds * channels * 4 * rate))
echo "generating $((bytes / 1000000)) MB of input: $seconds s x $channels ch x $rate Hz S32_LE ..." >&2
head -c "$bytes" /dev/urandom >"$input"

conf="$work/bench.conf"
printf 'pcm.bench32 { type file slave.pcm { type null } file "/dev/null" infile "%s" format "raw" }\n' "$input" >"$conf"

# Runs "$@" under GNU time; prints user+sys seconds of the whole process. With a second
# argument THREADS_OUT, also samples /proc/<pid>/task/*/stat every 0.1 s while it runs and
# writes the last seen user and sys seconds of every thread to THREADS_OUT ("name user sys").
cpu_of() {
    local threads_out=$1
    shift
    local t="$work/time.txt"
    /usr/bin/time -f '%U %S' -o "$t" "$@" >/dev/null &
    local time_pid=$!
    if [ -n "$threads_out" ]; then
        local pid="" snap="$work/threads.last"
        : >"$snap"
        while kill -0 "$time_pid" 2>/dev/null; do
            [ -n "$pid" ] || pid=$(pgrep -P "$time_pid" | head -n 1 || true)
            # comm may hold spaces; fields after ')' are stable: utime is the 12th, stime the 13th.
            [ -n "$pid" ] && cat /proc/"$pid"/task/*/stat 2>/dev/null | sed -n 's/^\([0-9]*\) (\(.*\)) \(.*\)$/\1 \2|\3/p' \
                | awk -F'|' '{ split($2, f, " "); n = split($1, a, " "); tid = a[1]; name = substr($1, length(tid) + 2); gsub(/ /, "_", name);
                               print tid, name, f[12], f[13] }' >>"$snap"
            sleep 0.1
        done
        # Last sample per thread id, then summed per thread name (GC and compiler threads come in numbered families).
        awk -v hz="$(getconf CLK_TCK)" '{ name[$1] = $2; u[$1] = $3; s[$1] = $4 }
             END { for (t in name) { n = name[t]; sub(/#?[0-9]+$/, "#", n); U[n] += u[t]; S[n] += s[t] }
                   for (n in U) if (U[n] + S[n] > 0) printf "%-18s %7.2f %7.2f\n", n, U[n] / hz, S[n] / hz }' "$snap" | sort -k2,2nr >"$threads_out"
    fi
    wait "$time_pid"
    awk '{ printf "%.2f\n", $1 + $2 }' "$t"
}

median() {
    sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}

taperoom_once() {
    local i=$1
    rm -rf "$work/library"
    cpu_of "$work/threads.$i" "${java_cmd[@]}" record --device bench32 --alsa-config "$conf" --alsa-format S32_LE --channels "$channels" --rate "$rate" --bits 24 \
        --seconds "$seconds" --library "$work/library" --min-free-minutes 0 --realtime-priority 0 "${record_opts[@]}"
    find "$work/library" -name '*.wav' -printf '%s\n' | awk '{ s += $1 } END { printf "%d files, %.0f bytes\n", NR, s }' >"$work/taperoom.out"
    rm -rf "$work/library"
}

arecord_once() {
    rm -rf "$work/arecord"
    mkdir "$work/arecord"
    ALSA_CONFIG_PATH="/usr/share/alsa/alsa.conf:$conf" cpu_of "" arecord -q -D plug:bench32 -I -c "$channels" -r "$rate" \
        -f S24_3LE -d "$seconds" -t wav "$work/arecord/take.wav"
    find "$work/arecord" -type f -printf '%s\n' | awk '{ s += $1 } END { printf "%d files, %.0f bytes\n", NR, s }' >"$work/arecord.out"
    rm -rf "$work/arecord"
}

printf 'audio:    %s s x %s channels x %s Hz, S32_LE in, 24-bit out; %s runs each, alternating\n' "$seconds" "$channels" "$rate" "$runs"
printf 'jvm:      %s\n' "${java_cmd[*]}"
# The launcher writes a command's class-data-sharing archive at the end of that command's first run
# after a build; one short recording here does that, so the measured runs are what every later
# `taperoom record` costs.
echo "warm-up: 1 s recording (writes the launcher's class-data-sharing archive if missing) ..." >&2
rm -rf "$work/library"
"${java_cmd[@]}" record --device bench32 --alsa-config "$conf" --alsa-format S32_LE --channels "$channels" --rate "$rate" \
    --bits 24 --seconds 1 --library "$work/library" --min-free-minutes 0 --realtime-priority 0 "${record_opts[@]}" >/dev/null 2>&1
rm -rf "$work/library"
: >"$work/taperoom.cpu"
: >"$work/arecord.cpu"
for i in $(seq 1 "$runs"); do
    echo "run $i/$runs: taperoom record ..." >&2
    t_cpu=$(taperoom_once "$i")
    echo "$t_cpu $i" >>"$work/taperoom.cpu"
    echo "run $i/$runs: arecord ..." >&2
    a_cpu=$(arecord_once)
    echo "$a_cpu" >>"$work/arecord.cpu"
    printf 'run %s:    taperoom %7.2f s   arecord %7.2f s CPU (user+sys)\n' "$i" "$t_cpu" "$a_cpu"
done
taperoom_med=$(cut -d' ' -f1 "$work/taperoom.cpu" | median)
arecord_med=$(median <"$work/arecord.cpu")
median_run=$(sort -n "$work/taperoom.cpu" | awk '{ v[NR] = $2 } END { print v[int((NR + 1) / 2)] }')
printf 'taperoom: median %8.2f s CPU (user+sys); last run wrote %s\n' "$taperoom_med" "$(cat "$work/taperoom.out")"
printf 'arecord:  median %8.2f s CPU (user+sys); last run wrote %s\n' "$arecord_med" "$(cat "$work/arecord.out")"
awk -v t="$taperoom_med" -v a="$arecord_med" 'BEGIN { printf "ratio:    %.2f (median taperoom / median arecord; target <= 1.5)\n", t / a }'
printf 'taperoom threads in its median run (run %s; user s, sys s; last sample, up to 0.1 s before exit):\n' "$median_run"
sed 's/^/  /' "$work/threads.$median_run"
