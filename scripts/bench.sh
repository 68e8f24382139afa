#!/usr/bin/env bash
# Runs the benchmarks (bench desk|client|startup|audit|ecert; docs/benchmarks.md). They are not in the program a clerk
# runs: the bench jar (target/waiverdesk-<version>-bench.jar) is built beside target/waiverdesk.jar by
# `mvn -q package -DskipTests`, and starts the program's classes from target/waiverdesk.jar.
# The JVM gets the installed launcher's options (packaging/jvm-options, less the ones naming the install folder and
# --add-exports, moot with JavaFX on the class path), so the figures are those of a clerk's desk. `desk` and
# `startup` need a display: without DISPLAY an Xvfb of their own is started (1600x1000, room for the desk and the
# bare window side by side). The desk runs in a throw-away home.
# Usage: scripts/bench.sh desk|client|startup|audit|ecert [--online] [OPTION...]   (scripts/bench.sh --help lists the options)
# BENCH_JVM adds JVM options, e.g. BENCH_JVM="-Djavafx.pulseLogger=true -Djavafx.pulseLogger.threshold=16";
# BENCH_ERR=FILE keeps the desk's console output (its log, the pulse logger's lines) in FILE.
# BENCH_NICE=-10 (root) runs the JVM, and the Xvfb this script starts, at that priority: on a machine shared with
# other work it approximates a workstation whose CPU is the desk's (docs/benchmarks.md: how noisy it is).
set -euo pipefail
cd "$(dirname "$0")/.."
bench_jar=$(ls target/waiverdesk-*-bench.jar 2>/dev/null | head -1 || true)
[ -f target/waiverdesk.jar ] && [ -n "$bench_jar" ] \
    || { echo "bench.sh: build first: mvn -q package -DskipTests" >&2; exit 1; }
options=()
while read -r option; do options+=("$option"); done \
    < <(sed -e 's/#.*//' -e 's/[[:space:]]*$//' packaging/jvm-options | grep -v '^$' | grep -v 'APPDIR' | grep -v '^--add-exports')
work=$(mktemp -d)
xvfb=""
trap '[ -z "$xvfb" ] || kill "$xvfb" 2>/dev/null || true; rm -rf "$work"' EXIT
if [ -z "${DISPLAY:-}" ] && { [ "${1:-}" = desk ] || [ "${1:-}" = startup ]; }; then
    command -v Xvfb >/dev/null || { echo "bench.sh: $1 needs a display: set DISPLAY or install Xvfb" >&2; exit 1; }
    for n in $(seq 100 199); do [ -e "/tmp/.X$n-lock" ] || break; done
    nice -n "${BENCH_NICE:-0}" Xvfb ":$n" -screen 0 1600x1000x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
    xvfb=$!
    export DISPLAY=:$n
    sleep 1
fi
run() {
    # shellcheck disable=SC2086  # BENCH_JVM is a list of options
    XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data XDG_STATE_HOME=$work/state \
        nice -n "${BENCH_NICE:-0}" java "${options[@]}" -Dprism.order=sw ${BENCH_JVM:-} -cp "target/waiverdesk.jar:$bench_jar" com.waiverdesk.bench.BenchCommand "$@"
}
if [ "${1:-}" = desk ]; then
    # the desk logs to the console as well as to its file, as a clerk's does; the figures stay readable
    status=0
    err=${BENCH_ERR:-$work/desk.err}
    run "$@" 2>"$err" || status=$?
    [ "$status" -eq 0 ] || { tail -40 "$err" >&2; exit "$status"; }
else
    run "$@"
fi
