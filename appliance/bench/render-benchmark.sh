#!/usr/bin/env bash
# Render benchmark: Taperoom against ffmpeg on the same chain, whole process against whole process.
#
#   appliance/bench/render-benchmark.sh [SECONDS] [TRACKS] [RUNS]   (defaults: 180 s, 16 tracks, 3 runs)
#
# Makes TRACKS mono 48 kHz 24-bit tracks of SECONDS with sox, then renders them to a 24-bit
# stereo WAV through per-track high-pass + 3-band EQ + compressor + pan, a mix, and a master
# EQ + compressor + limiter:
#   1. with `taperoom render` (JVM start included; true-peak limiter, loudness normalisation off),
#   2. with one ffmpeg -filter_complex (highpass, equalizer x3, acompressor, pan, amix, equalizer x3,
#      acompressor, alimiter),
# RUNS times each, alternating (taperoom, ffmpeg, taperoom, ...) so that a change in the machine's
# load hits both sides alike, and prints every run, the median wall-clock and CPU (user + system)
# seconds of each side and their ratios. Then renders the full chain (reverb and delay sends,
# loudness normalisation to -14 LUFS) once and prints its speed in x real time.
# Needs sox, ffmpeg and a JDK >= 21; builds the jar first if needed (not timed).
# BENCH_WORK=DIR keeps the generated tracks in DIR and reuses them on the next run.
set -euo pipefail

seconds=${1:-180}
tracks=${2:-16}
runs=${3:-3}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
if [ -n "${BENCH_WORK:-}" ]; then
    work=$BENCH_WORK
    mkdir -p "$work"
else
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
fi
take="$work/take-${tracks}x${seconds}"
mkdir -p "$take"

echo "benchmark: $tracks tracks x $seconds s, 48 kHz 24-bit; work folder $work" >&2
"$root/taperoom" --help >/dev/null

for i in $(seq 1 "$tracks"); do
    file=$(printf '%s/%02d-track%d.wav' "$take" "$i" "$i")
    [ -s "$file" ] && continue
    case $((i % 4)) in
        0) sox -D -n -r 48000 -b 24 -c 1 "$file" synth "$seconds" pinknoise tremolo 1.7 60 vol 0.25 ;;
        1) sox -D -n -r 48000 -b 24 -c 1 "$file" synth "$seconds" square $((50 + i * 20)) tremolo 2 80 vol 0.2 lowpass 2000 ;;
        2) sox -D -n -r 48000 -b 24 -c 1 "$file" synth "$seconds" brownnoise tremolo 4 90 vol 0.4 ;;
        3) sox -D -n -r 48000 -b 24 -c 1 "$file" synth "$seconds" sine 200-2000 vol 0.3 ;;
    esac
done

# Per-track settings, the same for Taperoom and ffmpeg; pans spread from -0.8 to 0.8.
pan_of() { awk -v i="$1" -v n="$tracks" 'BEGIN { printf "%.4f", (n > 1) ? -0.8 + 1.6 * (i - 1) / (n - 1) : 0 }'; }
track_json() {
    printf '"%s": {"pan": %s, "eq": {"high_pass": {"on": true, "frequency_hz": 80, "q": 0.707},' "$1" "$2"
    printf ' "low_shelf": {"frequency_hz": 150, "gain_db": -2, "q": 0.707}, "peak_1": {"frequency_hz": 1000, "gain_db": 1.5, "q": 1},'
    printf ' "peak_2": {"frequency_hz": 5000, "gain_db": -1, "q": 1}},'
    printf ' "compressor": {"on": true, "threshold_db": -18, "ratio": 3, "knee_db": 6, "attack_ms": 10, "release_ms": 120, "detection": "rms"}%s}' "$3"
}
master_json() {
    printf '"master": {"preset": "streaming", "normalize": %s, "ceiling_dbtp": -1,' "$1"
    printf ' "eq": {"low_shelf": {"frequency_hz": 100, "gain_db": 1, "q": 0.707}, "peak_1": {"frequency_hz": 3000, "gain_db": 1, "q": 1},'
    printf ' "high_shelf": {"frequency_hz": 10000, "gain_db": 1.5, "q": 0.707}},'
    printf ' "glue": {"on": true, "threshold_db": -12, "ratio": 2, "knee_db": 6, "attack_ms": 30, "release_ms": 200}}'
}
write_settings() { # $1 file, $2 "true" for the full chain
    local sends="" body="" i
    [ "$2" = true ] && sends=', "reverb_send_db": -14, "delay_send_db": -18'
    for i in $(seq 1 "$tracks"); do
        [ -n "$body" ] && body="$body, "
        body="$body$(track_json "track$i" "$(pan_of "$i")" "$sends")"
    done
    printf '{"mix": {"tempo_bpm": 120, "tracks": {%s}, "delay": {"sync": "1/8d"}}, %s, "output": {"sample_format": "s24", "tail_seconds": 0}}\n' \
        "$body" "$(master_json "$2")" > "$1"
}
write_settings "$work/chain.json" false
write_settings "$work/full.json" true

# The ffmpeg graph: the same stages with ffmpeg's own filters.
graph=""
inputs=()
labels=""
for i in $(seq 1 "$tracks"); do
    file=$(printf '%s/%02d-track%d.wav' "$take" "$i" "$i")
    inputs+=(-i "$file")
    p=$(pan_of "$i")
    gl=$(awk -v p="$p" 'BEGIN { printf "%.6f", cos((p + 1) * atan2(1, 1)) }')
    gr=$(awk -v p="$p" 'BEGIN { printf "%.6f", sin((p + 1) * atan2(1, 1)) }')
    graph+="[$((i - 1)):a]highpass=f=80:p=2:t=q:w=0.707,equalizer=f=150:t=q:w=0.707:g=-2,equalizer=f=1000:t=q:w=1:g=1.5,"
    graph+="equalizer=f=5000:t=q:w=1:g=-1,acompressor=threshold=0.125893:ratio=3:knee=2:attack=10:release=120:detection=rms,"
    graph+="pan=stereo|c0=${gl}*c0|c1=${gr}*c0[t$i];"
    labels+="[t$i]"
done
graph+="${labels}amix=inputs=$tracks:normalize=0,equalizer=f=100:t=q:w=0.707:g=1,equalizer=f=3000:t=q:w=1:g=1,"
graph+="equalizer=f=10000:t=q:w=0.707:g=1.5,acompressor=threshold=0.251189:ratio=2:knee=2:attack=30:release=200,"
graph+="alimiter=limit=0.891251:attack=5:release=80:level=0[out]"

# Wall-clock and CPU (user + system) seconds of one whole process; results in the globals wall, cpu.
timed() {
    local TIMEFORMAT='%R %U %S' times
    times=$({ time "$@" >/dev/null 2>"$work/stderr"; } 2>&1) || { cat "$work/stderr" >&2; exit 1; }
    wall=$(awk '{ print $1 }' <<<"$times")
    cpu=$(awk '{ printf "%.2f", $2 + $3 }' <<<"$times")
}

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
t_walls=() t_cpus=() f_walls=() f_cpus=()
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for run in $(seq 1 "$runs"); do
    timed "$root/taperoom" render --quiet --take "$take" --settings "$work/chain.json" --out "$work/taperoom.wav"
    t_walls+=("$wall") t_cpus+=("$cpu")
    echo "run $run taperoom: ${wall} s wall, ${cpu} s CPU" >&2
    timed ffmpeg -nostdin -hide_banner -loglevel error -y "${inputs[@]}" -filter_complex "$graph" -map "[out]" -c:a pcm_s24le "$work/ffmpeg.wav"
    f_walls+=("$wall") f_cpus+=("$cpu")
    echo "run $run ffmpeg:   ${wall} s wall, ${cpu} s CPU" >&2
done
taperoom_s=$(printf '%s\n' "${t_walls[@]}" | median) taperoom_cpu=$(printf '%s\n' "${t_cpus[@]}" | median)
ffmpeg_s=$(printf '%s\n' "${f_walls[@]}" | median) ffmpeg_cpu=$(printf '%s\n' "${f_cpus[@]}" | median)
timed "$root/taperoom" render --quiet --take "$take" --settings "$work/full.json" --out "$work/full.wav"
full_s=$wall full_cpu=$cpu

echo "chain: $tracks x ${seconds}s mono 48 kHz 24-bit -> HPF + 3-band EQ + compressor + pan -> mix -> EQ + compressor + limiter -> 24-bit WAV"
echo "taperoom render: ${taperoom_s} s wall, ${taperoom_cpu} s CPU (median of $runs; runs: ${t_walls[*]} s wall, ${t_cpus[*]} s CPU)"
echo "ffmpeg:          ${ffmpeg_s} s wall, ${ffmpeg_cpu} s CPU (median of $runs; runs: ${f_walls[*]} s wall, ${f_cpus[*]} s CPU)"
awk -v t="$taperoom_s" -v f="$ffmpeg_s" -v tc="$taperoom_cpu" -v fc="$ffmpeg_cpu" \
    'BEGIN { printf "ratio:           %.2fx wall, %.2fx CPU (ffmpeg / taperoom medians; above 1 means taperoom is faster)\n", f / t, fc / tc }'
awk -v s="$seconds" -v t="$full_s" -v c="$full_cpu" \
    'BEGIN { printf "full chain (reverb, delay, normalisation to -14 LUFS): %.2f s wall (%.2f s CPU) = %.1fx real time\n", t, c, s / t }'
echo "load average before / after the runs: $load_before / $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
