#!/usr/bin/env bash
# Resident memory of the desk with a large audit log open in the supervisor's screen (issue 3's <= 300 MB).
# Opens the packaged desk under Xvfb on DB, signs in to the supervisor's screen with xdotool, waits, scrolls the
# table, and prints VmRSS/VmHWM of the desk's process. Needs xvfb xdotool; DB e.g. target/bench/bench-audit.db from
# `scripts/bench.sh audit`. Usage: scripts/bench-supervisor-rss.sh DB [JVM_OPTION...]
# INSTALLED=1 measures the installed program instead (the .deb: /usr/bin/waiverdesk, with its launcher's JVM options
# and the menu entry's environment); JVM_OPTIONs are then ignored. NMT=1 / HISTO=1 / PMAP=1 add breakdowns.
set -euo pipefail
db=${1:?usage: scripts/bench-supervisor-rss.sh DB [JVM_OPTION...]}
shift
cd "$(dirname "$0")/.."
work=$(mktemp -d)
passphrase="bench passphrase $(date +%s)"
printf '%s' "$passphrase" > "$work/pp"
if [ -n "${INSTALLED:-}" ]; then cli=(/usr/bin/waiverdesk); else cli=(java -jar target/waiverdesk.jar); fi
"${cli[@]}" audit reset-passphrase --audit-db "$db" >/dev/null
"${cli[@]}" audit set-passphrase --audit-db "$db" --passphrase-file "$work/pp" >/dev/null
display=:$((90 + RANDOM % 50))
Xvfb "$display" -screen 0 1400x900x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $desk $xvfb 2>/dev/null || true; rm -rf "$work"' EXIT
export DISPLAY=$display
if [ -n "${INSTALLED:-}" ]; then
    XDG_CONFIG_HOME=$work/config XDG_STATE_HOME=$work/state JAVA_TOOL_OPTIONS="-Dprism.order=sw" \
        /usr/bin/waiverdesk --audit-db "$db" >"$work/out" 2>"$work/err" &
else
    XDG_CONFIG_HOME=$work/config XDG_STATE_HOME=$work/state java -Dprism.order=sw "$@" \
        -jar target/waiverdesk.jar --audit-db "$db" >"$work/out" 2>"$work/err" &
fi
desk=$!
# ready when the desk's own log says so (the program prints no markers)
for _ in $(seq 1 120); do grep -qs "desk ready: " "$work/state/waiverdesk/logs/waiverdesk0.log" && break; sleep 0.5; done
window=$(xdotool search --sync --onlyvisible --name WaiverDesk | head -1)
xdotool windowfocus "$window"
xdotool key ctrl+shift+a
sleep 3
audit=$(xdotool search --sync --onlyvisible --name "审计记录" | head -1)
xdotool windowfocus "$audit"
xdotool type --delay 20 "bench-supervisor"
xdotool key Tab
xdotool type --delay 20 "$passphrase"
xdotool key Return
sleep 8
for _ in 1 2 3 4 5; do xdotool key Page_Down; sleep 0.5; done
sleep 3
if [ -n "${CHARTS:-}" ]; then
    # the charts tab (second tab, top left of the table), computed over the whole log
    xdotool mousemove --window "$audit" 52 138 click 1
    sleep 15
fi
import -window root "$work/../supervisor-rss.png" 2>/dev/null || true
grep -E "VmRSS|VmHWM" "/proc/$desk/status"
if [ -n "${NMT:-}" ]; then jcmd "$desk" VM.native_memory summary | grep -E "committed" | head -25; fi
if [ -n "${HISTO:-}" ]; then jcmd "$desk" GC.class_histogram | head -25; fi
if [ -n "${PMAP:-}" ]; then pmap -x "$desk" | sort -k3 -n -r | head -40; fi
