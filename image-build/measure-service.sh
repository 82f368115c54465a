#!/bin/bash
# Measures `taperoom serve` with the service's JVM options (src/deb/share/service.jvmargs) on the
# simulated interface, and prints the figures image-build/README.md quotes:
#   - milliseconds from exec to the first 200 of GET /api/state, without and with the AppCDS archive;
#   - peak resident memory (VmRSS) while recording 16 tracks for SECONDS with the panel polled
#     ~50 times a second, and the longest safepoint pause (GC included) after the first 5 s.
# Usage: image-build/measure-service.sh [SECONDS] [RUNS]   (after mvn package; JAVA=... picks the java)
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
jar="$here/../appliance/target/taperoom.jar"
seconds=${1:-60}
runs=${2:-3}
java=${JAVA:-java}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
[ -f "$jar" ] || { echo "measure-service: build first (mvn package)" >&2; exit 2; }

sed "s#/var/cache/taperoom/taperoom.jsa#$work/taperoom.jsa#" "$here/src/deb/share/service.jvmargs" > "$work/cds.jvmargs"
grep -v -e SharedArchiveFile -e AutoCreateSharedArchive "$work/cds.jvmargs" > "$work/nocds.jvmargs"

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

config() { # config FILE PORT CHANNELS EXTRA...
    local file=$1 port=$2 channels=$3
    shift 3
    printf 'panelAddress = 127.0.0.1\npanelPort = %s\ngpio = off\nlibrary = %s/library\nchannels = %s\n' \
        "$port" "$work" "$channels" > "$file"
    for line in "$@"; do printf '%s\n' "$line" >> "$file"; done
}

# The training run postinst does (same options, archive written at exit).
config "$work/train.conf" 0 2
"$java" "@$work/cds.jvmargs" -jar "$jar" serve --exit-when-ready --config "$work/train.conf" > "$work/train.log" 2>&1

start_ms() { # start_ms ARGFILE
    local port pid t0 t1
    port=$(free_port)
    config "$work/start.conf" "$port" 16
    t0=$(date +%s%N)
    "$java" "@$1" -jar "$jar" serve --config "$work/start.conf" > "$work/start.log" 2>&1 &
    pid=$!
    until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/api/state")" = 200 ]; do
        kill -0 "$pid" 2>/dev/null || { echo "measure-service: serve exited; see $work/start.log" >&2; cat "$work/start.log" >&2; exit 1; }
        sleep 0.01
    done
    t1=$(date +%s%N)
    kill -TERM "$pid"
    wait "$pid" || true
    echo $(( (t1 - t0) / 1000000 ))
}

for run in $(seq 1 "$runs"); do
    echo "start $run: GET /api/state answered after $(start_ms "$work/nocds.jvmargs") ms without AppCDS, $(start_ms "$work/cds.jvmargs") ms with it"
done

port=$(free_port)
config "$work/record.conf" "$port" 16 "autoRecord = true"
"$java" "@$work/cds.jvmargs" -Xlog:safepoint:file="$work/safepoint.log":uptime -jar "$jar" serve --config "$work/record.conf" > "$work/record.log" 2>&1 &
pid=$!
sleep 3
end=$((SECONDS + seconds - 5))
( while [ $SECONDS -lt $end ]; do curl -s -o /dev/null "http://127.0.0.1:$port/api/state"; sleep 0.02; done ) &
poller=$!
peak_kb=0
for _ in $(seq 1 "$seconds"); do
    sleep 1
    rss=$(awk '/^VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
    if [ "${rss:-0}" -gt "$peak_kb" ]; then peak_kb=$rss; fi
done
kill "$poller" 2>/dev/null || true
kill -TERM "$pid"
wait "$pid" || true
tracks=$(find "$work/library" -name '*.wav' | wc -l)
pause=$(awk '/Total:/ { t = substr($1, 2) + 0; if (t < 5) next;
        for (i = 1; i <= NF; i++) if ($i == "Total:") { v = $(i + 1) / 1e6; n++; if (v > m) m = v } }
        END { printf "%d safepoints, longest %.2f ms", n, m }' "$work/safepoint.log")
echo "recording 16 tracks for $seconds s ($tracks track files) with the panel polled: peak RSS $((peak_kb / 1024)) MiB; after 5 s: $pause"
