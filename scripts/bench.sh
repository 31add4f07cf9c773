#!/usr/bin/env bash
# Benchmarks Capwatch against its peers in one run and prints one table (issue #3).
#
#   scripts/bench.sh                 install peers, build, prepare inputs, run `capwatch bench all`
#
# Environment:
#   BENCH_WORK=DIR        keep inputs in DIR and reuse them on the next run (default: a temp dir, removed at the end)
#   BENCH_SKIP_INSTALL=1  do not run pip/apt-get (peers that are absent then say "not installed")
#   BENCH_SCRATCH=DIR     SwiftPM scratch path of the benchmarked build (default .build/static)
#   BENCH_SIZES="…"       analyze sizes (default "100000 1000000 10000000")
#   PYTHON=python3        interpreter for the Python peers (pip installs into it)
#
# The peers: pyais 3.3.1, libais and rapidfuzz (the screening baseline) from pip (libais compiles its C++ core from source: if that fails,
# the table says so), gpsdecode from Debian's gpsd-clients. Nothing here is timed by the shell: all
# timings are taken by `capwatch bench all`, in the same run, on the same files.
set -uo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
SIZES=${BENCH_SIZES:-100000 1000000 10000000}
SCRATCH=${BENCH_SCRATCH:-.build/static}
if [ -n "${BENCH_WORK:-}" ]; then
    WORK=$BENCH_WORK
    mkdir -p "$WORK"
else
    WORK=$(mktemp -d "${TMPDIR:-/tmp}/capwatch-bench.XXXXXX")
    trap 'rm -rf "$WORK"' EXIT
fi
STATUS=$WORK/peer-status.txt
: > "$STATUS"
say() { echo "bench.sh: $*" >&2; }
# Records why a peer is missing: the table prints this reason instead of a number.
missing() { printf '%s\t%s\n' "$1" "$2" >> "$STATUS"; say "$1: $2"; }
last_error() { grep -iE 'error|failed' "$1" | tail -n 1 | cut -c1-120; }

# 1. Peers.
if [ "${BENCH_SKIP_INSTALL:-0}" != 1 ]; then
    say "installing pyais 3.3.1 and libais with pip"
    "$PYTHON" -m pip install --quiet pyais==3.3.1 > "$WORK/pip-pyais.log" 2>&1 \
        || missing pyais "pip install pyais==3.3.1 failed: $(last_error "$WORK/pip-pyais.log")"
    "$PYTHON" -m pip install --quiet libais > "$WORK/pip-libais.log" 2>&1 \
        || missing libais "pip install libais failed to build from source: $(last_error "$WORK/pip-libais.log")"
    say "installing rapidfuzz with pip (the screening baseline)"
    "$PYTHON" -m pip install --quiet rapidfuzz > "$WORK/pip-rapidfuzz.log" 2>&1 \
        || missing rapidfuzz "pip install rapidfuzz failed: $(last_error "$WORK/pip-rapidfuzz.log")"
    if ! command -v gpsdecode > /dev/null; then
        say "installing gpsd-clients (gpsdecode) with apt-get"
        SUDO=""
        [ "$(id -u)" != 0 ] && command -v sudo > /dev/null && SUDO=sudo
        { $SUDO apt-get update && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y gpsd-clients; } > "$WORK/apt.log" 2>&1 \
            || missing gpsdecode "apt-get install gpsd-clients failed: $(last_error "$WORK/apt.log")"
    fi
fi
"$PYTHON" -c 'import pyais' 2> /dev/null || grep -q '^pyais' "$STATUS" || missing pyais "not importable by $PYTHON (BENCH_SKIP_INSTALL?)"
"$PYTHON" -c 'import ais' 2> /dev/null || grep -q '^libais' "$STATUS" || missing libais "not importable by $PYTHON (BENCH_SKIP_INSTALL?)"
command -v gpsdecode > /dev/null || grep -q '^gpsdecode' "$STATUS" || missing gpsdecode "gpsdecode not on PATH (Debian package gpsd-clients)"

# 2. Capwatch, release, with the Swift runtime and Foundation linked in (--static-swift-stdlib, as a
# Linux executable is deployed): each run then starts in about 15 ms instead of 30 ms (no shared
# libraries to load and bind, fewer conformance tables to scan). Its own scratch path, so that the
# everyday build in .build is not rebuilt. The first build takes about 5 minutes.
say "building capwatch (release, static Swift runtime)"
swift build -c release --static-swift-stdlib --scratch-path "$SCRATCH" --product capwatch >&2 || { say "build failed"; exit 1; }
BIN=$(swift build -c release --static-swift-stdlib --scratch-path "$SCRATCH" --show-bin-path)/capwatch

# 3. Inputs.
SAMPLE=../shared/data/ais/gpsd/ais-nmea-sample.log
[ -f "$SAMPLE" ] || SAMPLE=Samples/ais-nmea-sample.log
if [ ! -s "$WORK/aishub-x12.nmea" ]; then
    say "AISHub capture ×12"
    for _ in $(seq 12); do cat "$SAMPLE"; done > "$WORK/aishub-x12.nmea"
fi
say "$(grep -c 'VDM' "$WORK/aishub-x12.nmea") sentences in aishub-x12.nmea"
[ -s "$WORK/aishub-x12.nmea.gz" ] || gzip -c "$WORK/aishub-x12.nmea" > "$WORK/aishub-x12.nmea.gz"
if [ ! -s "$WORK/big.nmea" ]; then
    say "~1 GB NMEA file by repetition"
    one=$(stat -c %s "$WORK/aishub-x12.nmea")
    for _ in $(seq $(( (1000000000 + one - 1) / one ))); do cat "$WORK/aishub-x12.nmea"; done > "$WORK/big.nmea"
fi
for n in $SIZES; do
    [ -s "$WORK/tracks-$n.csv" ] || "$BIN" bench make-tracks --positions "$n" --out "$WORK/tracks-$n.csv" || { say "make-tracks failed"; exit 1; }
    [ -s "$WORK/tracks-same-$n.csv" ] || "$BIN" bench make-tracks --same-vessels --positions "$n" --out "$WORK/tracks-same-$n.csv" \
        || { say "make-tracks --same-vessels failed"; exit 1; }
done

# 4. The measurements, one table.
say "load average before the run: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
# shellcheck disable=SC2086
"$BIN" bench all --work "$WORK" --peers-dir scripts/peers --python "$PYTHON" --sizes $SIZES
