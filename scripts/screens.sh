#!/usr/bin/env bash
# Screenshots of the clerk's window for every outcome the demo people and a faulty service give, at its smallest
# size (720x700) in Chinese and English, plus enlarged text (Ctrl+plus to 150 %) and high contrast (Ctrl+Shift+H):
# typed into the real window under Xvfb with xdotool, as scripts/screenshot.sh does. docs/screens/ is made with it.
# Needs: xvfb xdotool imagemagick libgtk-3-0 fonts-noto-cjk, and target/waiverdesk.jar (mvn -q package -DskipTests).
# Usage: scripts/screens.sh OUTDIR [DISPLAY]     (DISPLAY defaults to :92; PARTS="demo wide faults edges" picks the parts)
set -euo pipefail
out=$(realpath -m "${1:?usage: scripts/screens.sh OUTDIR [DISPLAY]}")
display=${2:-:92}
cd "$(dirname "$0")/.."
jar=$PWD/target/waiverdesk.jar
mkdir -p "$out"
work=$(mktemp -d)
Xvfb "$display" -screen 0 1280x1100x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
desk=
mock=
cleanup() {
    [ -n "$desk" ] && kill "$desk" 2>/dev/null || true
    [ -n "$mock" ] && kill "$mock" 2>/dev/null || true
    kill "$xvfb" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
export DISPLAY=$display
sleep 1

# start_desk NAME CONFIG_JSON [WIDTH HEIGHT]: a desk with its own configuration and data; sets $desk and $window
start_desk() {
    local dir=$work/$1
    mkdir -p "$dir/config/waiverdesk" "$dir/data" "$dir/state"
    printf '%s\n' "$2" >"$dir/config/waiverdesk/config.json"
    XDG_DATA_HOME=$dir/data XDG_CONFIG_HOME=$dir/config XDG_STATE_HOME=$dir/state \
        java -Dprism.order=sw -jar "$jar" >"$dir/out" 2>"$dir/err" &
    desk=$!
    # the desk's own log line (console and file) once its service, policy and audit log are up
    for _ in $(seq 1 120); do grep -q "desk ready:" "$dir/err" && break; sleep 0.5; done
    grep -q "desk ready:" "$dir/err" || { echo "the desk did not start:" >&2; cat "$dir/err" >&2; exit 1; }
    window=$(xdotool search --sync --name WaiverDesk | head -1)
    xdotool windowsize "$window" "${3:-720}" "${4:-700}"
    xdotool windowfocus "$window"
    sleep 1.5 # the health check's answer reaches the status bar
}

stop_desk() {
    kill "$desk" 2>/dev/null || true
    wait "$desk" 2>/dev/null || true
    desk=
}

# shoot FILE NAME ID: clears, types the name (one character at a time: xdotool drops CJK typed in a burst) and the ID,
# presses Enter and saves the window as a small PNG
shoot() {
    local file=$1 name=$2 id=$3
    xdotool key Escape
    sleep 0.3
    for ((i = 0; i < ${#name}; i++)); do xdotool type --delay 60 "${name:i:1}"; sleep 0.1; done
    xdotool key Tab
    [ -n "$id" ] && xdotool type --delay 5 "$id"
    xdotool key Return
    sleep "${SETTLE:-1.5}"
    import -window "$window" "$work/shot.png"
    convert "$work/shot.png" -colors 96 "PNG8:$out/$file.png"
    echo "saved $out/$file.png"
}

# each demo person (README) and input error
demo_people() {
    local lang=$1
    shoot "$lang-waive" 王秀英 310101195203140028
    shoot "$lang-waive-15-digit-id" 王秀英 310101520314002
    shoot "$lang-waive-minority-name" 阿依古丽·买买提 310110199008150022
    shoot "$lang-reduce" 张美玲 310105197609200064
    shoot "$lang-charge-no-reduction" 刘德顺 310106196411050031
    shoot "$lang-charge-expired" 陈玉兰 310107194807220081
    shoot "$lang-charge-no-record" 赵明远 310109198501010058
    shoot "$lang-charge-name-mismatch" 王秀云 310101195203140028
    shoot "$lang-input-check-digit" 王秀英 310101195203140029
    shoot "$lang-input-wrong-length" 王秀英 3101011952
    shoot "$lang-input-name-digits" 王秀英2 310101195203140028
    shoot "$lang-input-no-id" 王秀英 ""
}

parts=${PARTS:-demo wide faults edges}
for lang in zh en; do
    [[ $parts == *demo* ]] || continue
    start_desk "demo-$lang" "{\"language\": \"$lang\", \"standardDeposit\": 5000, \"autoClearSeconds\": 30}"
    demo_people "$lang"
    # 150 %: Ctrl+plus three times (110, 125, 150)
    for _ in 1 2 3; do xdotool key ctrl+plus; sleep 0.2; done
    shoot "$lang-150-reduce" 张美玲 310105197609200064
    shoot "$lang-150-charge-name-mismatch" 王秀云 310101195203140028
    xdotool key ctrl+0
    xdotool key ctrl+shift+h
    shoot "$lang-high-contrast-waive" 王秀英 310101195203140028
    shoot "$lang-high-contrast-charge-name-mismatch" 王秀云 310101195203140028
    shoot "$lang-high-contrast-input-check-digit" 王秀英 310101195203140029
    stop_desk
done
for lang in zh en; do
    [[ $parts == *wide* ]] || continue
    # 150 % in a window wide enough for it (the clerk who enlarges the text also enlarges the window); the keys
    # reach the window only after a first check (sent at once they were lost)
    start_desk "wide-$lang" "{\"language\": \"$lang\", \"standardDeposit\": 5000}" 1080 900
    shoot warm-up 王秀英 310101195203140028
    rm -f "$out/warm-up.png"
    for _ in 1 2 3; do xdotool key ctrl+plus; sleep 0.3; done
    shoot "$lang-150-wide-reduce" 张美玲 310105197609200064
    shoot "$lang-150-wide-charge-name-mismatch" 王秀云 310101195203140028
    stop_desk
done

# could not verify: the bundled mock as a real service on this computer, with faults or a wrong secret
port=18093
printf 'screens-secret-%s\n' "$RANDOM$RANDOM" >"$work/mock.secret"
printf 'not-the-secret\n' >"$work/wrong.secret"
start_mock() {
    java -jar "$jar" mock-server --port "$port" --secret-file "$work/mock.secret" --faults "$1" \
        >"$work/mock.out" 2>"$work/mock.err" &
    mock=$!
    for _ in $(seq 1 60); do grep -q "127.0.0.1" "$work/mock.out" && break; sleep 0.5; done
}
stop_mock() {
    kill "$mock" 2>/dev/null || true
    wait "$mock" 2>/dev/null || true
    mock=
}
service() { # LANG SECRET_FILE [ENDPOINT]
    echo "{\"language\": \"$1\", \"standardDeposit\": 5000, \"endpoint\": \"${3:-http://127.0.0.1:$port/}\",
        \"accountId\": \"H310000-DEMO\", \"secretFile\": \"$2\", \"timeoutMs\": 3000}"
}
for lang in zh en; do
    [[ $parts == *faults* ]] || continue
    start_mock "error=1:503"
    start_desk "fault-$lang" "$(service "$lang" "$work/mock.secret")"
    SETTLE=4 shoot "$lang-cannot-verify-server-error" 王秀英 310101195203140028
    stop_desk
    stop_mock
    start_mock none
    start_desk "secret-$lang" "$(service "$lang" "$work/wrong.secret")"
    shoot "$lang-cannot-verify-call-it" 王秀英 310101195203140028
    stop_desk
    stop_mock
    start_desk "down-$lang" "$(service "$lang" "$work/mock.secret" "http://127.0.0.1:9/")"
    SETTLE=4 shoot "$lang-cannot-verify-unreachable" 王秀英 310101195203140028
    stop_desk
done
for lang in zh en; do
    [[ $parts == *edges* ]] || continue
    # a three-day-old waiver replayed by a caching gateway: never decides
    start_mock "malformed=1:stale"
    start_desk "stale-$lang" "$(service "$lang" "$work/mock.secret")"
    shoot "$lang-cannot-verify-stale-answer" 王秀英 310101195203140028
    stop_desk
    stop_mock
    # an emoji is no part of a name: refused before anything is sent
    start_desk "emoji-$lang" "{\"language\": \"$lang\", \"standardDeposit\": 5000}"
    shoot "$lang-input-name-emoji" 王秀英😀 310101195203140028
    stop_desk
done
