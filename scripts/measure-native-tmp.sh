#!/usr/bin/env bash
# Counts what `java -jar waiverdesk.jar check` leaves in java.io.tmpdir: 5 runs killed (kill -9) once SQLite has
# opened the database, then 5 checks started at once. Before the native library went to the per-user cache, each
# run left sqlite-jdbc's extracted library (1.1 MB) and its .lck there.
# Usage: scripts/measure-native-tmp.sh [JAR]    (default target/waiverdesk.jar)
set -uo pipefail
jar=$(realpath "${1:-target/waiverdesk.jar}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/tmp" "$work/db" "$work/cache"
echo '{}' >"$work/config.json"
export XDG_CACHE_HOME=$work/cache XDG_DATA_HOME=$work/data XDG_CONFIG_HOME=$work/config XDG_STATE_HOME=$work/state
check() { java -Djava.io.tmpdir="$work/tmp" -jar "$jar" check --config "$work/config.json" --audit-db "$1" \
    --name 王秀英 --id 310101195203140028; }
for i in 1 2 3 4 5; do
    check "$work/db/k$i.db" >/dev/null 2>&1 &
    pid=$!
    for _ in $(seq 1 200); do [ -e "$work/db/k$i.db-wal" ] && break; sleep 0.05; done
    kill -9 "$pid"
    wait "$pid" 2>/dev/null
done
echo "after 5 killed runs: $(find "$work/tmp" -type f | wc -l) files in java.io.tmpdir"
for i in 1 2 3 4 5; do check "$work/db/c.db" >"$work/out$i" 2>"$work/err$i" & done
wait
echo "5 concurrent checks: $(grep -l '"decision":"WAIVE"' "$work"/out* | wc -l)/5 waived," \
    "$(cat "$work"/err* | grep -c SEVERE) SEVERE lines, $(find "$work/tmp" -type f | wc -l) files in java.io.tmpdir," \
    "$(find "$work/cache" -type f | wc -l) file(s) in the per-user native cache"
