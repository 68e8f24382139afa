#!/usr/bin/env bash
# Screenshots of the clerk's window for every outcome the demo people and a faulty service give, at its smallest
# size (720x700) in Chinese and English, plus enlarged text (Ctrl+plus to 150 %) and high contrast (Ctrl+Shift+H):
# typed into the real window under Xvfb with xdotool, as scripts/screenshot.sh does. docs/screens/ is made with it.
# Needs: xvfb xdotool imagemagick libgtk-3-0 fonts-noto-cjk, and target/waiverdesk.jar (mvn -q package -DskipTests).
# Usage: scripts/screens.sh OUTDIR [DISPLAY]     (without DISPLAY, Xvfb picks a free one; PARTS="demo wide faults edges
# ecert enlarged" picks the parts)
set -euo pipefail
out=$(realpath -m "${1:?usage: scripts/screens.sh OUTDIR [DISPLAY]}")
display=${2:-}
cd "$(dirname "$0")/.."
jar=$PWD/target/waiverdesk.jar
mkdir -p "$out"
work=$(mktemp -d)
if [ -n "$display" ]; then
    Xvfb "$display" -screen 0 1280x1100x24 -nolisten tcp >/dev/null 2>&1 &
    xvfb=$!
else
    # a display no other process holds, chosen by Xvfb itself and written to fd 3 once it listens
    Xvfb -displayfd 3 -screen 0 1280x1100x24 -nolisten tcp 3>"$work/display" >/dev/null 2>&1 &
    xvfb=$!
    for _ in $(seq 1 50); do [ -s "$work/display" ] && break; sleep 0.1; done
    [ -s "$work/display" ] || { echo "Xvfb did not start" >&2; exit 1; }
    display=:$(head -1 "$work/display")
fi
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
# a display another process already holds makes this Xvfb exit at once: the keys would go to that one's windows
kill -0 "$xvfb" 2>/dev/null || { echo "display $display is taken: pass a free one" >&2; exit 1; }

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

parts=${PARTS:-demo wide faults edges ecert enlarged}
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

# e-certificates: the demo's samples (ecert sample) typed by a "scanner" (xdotool at 1 ms a character) into the empty
# window, the holder filled in and confirmed with Enter; one typed patient who is not the holder; a QR image opened
# with Ctrl+O; without the service: a scan that cannot be verified and the paper certificate's form
java -jar "$jar" ecert sample --out="$work/ecert" >/dev/null
scan() { # FILE SAMPLE [NAME ID]: scans the sample's text (fields empty, or NAME and ID typed first)
    local file=$1 text
    text=$(cat "$work/ecert/$2.txt")
    xdotool key Escape
    sleep 0.3
    if [ -n "${3:-}" ]; then
        for ((i = 0; i < ${#3}; i++)); do xdotool type --delay 60 "${3:i:1}"; sleep 0.1; done
        xdotool key Tab
        xdotool type --delay 5 "$4"
    fi
    xdotool type --delay 1 "$text"
    xdotool key Return
    sleep 1.5
    if [ -z "${3:-}" ]; then
        [ -n "${CONFIRM_SHOT:-}" ] && { import -window "$window" "$work/shot.png";
            convert "$work/shot.png" -colors 96 "PNG8:$out/$CONFIRM_SHOT.png"; echo "saved $out/$CONFIRM_SHOT.png"; }
        xdotool key Return
        sleep "${SETTLE:-1.5}"
    fi
    import -window "$window" "$work/shot.png"
    convert "$work/shot.png" -colors 96 "PNG8:$out/$file.png"
    echo "saved $out/$file.png"
}
for lang in zh en; do
    [[ $parts == *ecert* ]] || continue
    start_desk "ecert-$lang" "{\"language\": \"$lang\", \"standardDeposit\": 5000, \"autoClearSeconds\": 60}"
    CONFIRM_SHOT="$lang-ecert-compare-with-id-card" scan "$lang-ecert-online-waive" valid
    for kind in reduced revoked expired forged unknown-key compromised-key; do
        scan "$lang-ecert-$kind" "$kind"
    done
    scan "$lang-ecert-not-this-patient" someone-else 王秀英 310101195203140028
    # (a QR image opened with Ctrl+O is in EcertScanUITest: under Xvfb the window stays black while GTK's file
    # chooser is open, and a screenshot of it shows nothing)
    stop_desk
    # the service cannot be reached and no lists are held: the e-certificate cannot be verified; then paper
    start_desk "paper-$lang" "$(service "$lang" "$work/mock.secret" "http://127.0.0.1:9/")" 720 900
    # the lists are fetched when first needed: the unreachable service's retries take a while
    SETTLE=12 scan "$lang-ecert-cannot-verify" valid
    SETTLE=4 shoot "$lang-paper-offered" 王秀英 310101195203140028
    xdotool key ctrl+p
    sleep 0.5
    xdotool type --delay 5 "HY-2026-00417"
    xdotool key Tab
    centre=长宁区华阳路街道社区事务受理服务中心
    for ((i = 0; i < ${#centre}; i++)); do xdotool type --delay 60 "${centre:i:1}"; sleep 0.1; done
    xdotool key Tab
    xdotool type --delay 5 "2026/11/2"
    xdotool key Tab
    xdotool key Down
    xdotool key Tab
    sleep 0.3
    import -window "$window" "$work/shot.png"
    convert "$work/shot.png" -colors 96 "PNG8:$out/$lang-paper-form.png"
    xdotool key Return
    sleep 0.5
    import -window "$window" "$work/shot.png"
    convert "$work/shot.png" -colors 96 "PNG8:$out/$lang-paper-form-not-ticked.png"
    # the form put the focus on the box to tick
    xdotool key space
    xdotool key Return
    sleep 1.5
    import -window "$window" "$work/shot.png"
    convert "$work/shot.png" -colors 96 "PNG8:$out/$lang-paper-provisional.png"
    echo "saved $out/$lang-paper-*.png"
    stop_desk
done

# the e-certificate's cards enlarged (Ctrl+plus three times: 150 %) and in high contrast (Ctrl+Shift+H), and the paper
# form in both; 720x700
for lang in zh en; do
    [[ $parts == *enlarged* ]] || continue
    start_desk "enlarged-$lang" "{\"language\": \"$lang\", \"standardDeposit\": 5000, \"autoClearSeconds\": 60}"
    # the keys reach the window only after a first check
    scan warm-up reduced
    rm -f "$out/warm-up.png"
    for _ in 1 2 3; do xdotool key ctrl+plus; sleep 0.3; done
    CONFIRM_SHOT="$lang-ecert-compare-with-id-card-150" scan "$lang-ecert-online-waive-150" valid
    scan "$lang-ecert-revoked-150" revoked
    scan "$lang-ecert-expired-150" expired
    xdotool key ctrl+0
    xdotool key ctrl+shift+h
    CONFIRM_SHOT="$lang-ecert-compare-with-id-card-high-contrast" scan "$lang-ecert-online-waive-high-contrast" valid
    scan "$lang-ecert-revoked-high-contrast" revoked
    scan "$lang-ecert-expired-high-contrast" expired
    stop_desk
    start_desk "enlarged-paper-$lang" "$(service "$lang" "$work/mock.secret" "http://127.0.0.1:9/")"
    SETTLE=12 scan warm-up valid
    rm -f "$out/warm-up.png"
    xdotool key ctrl+shift+h
    SETTLE=4 shoot "$lang-paper-offered-high-contrast" 王秀英 310101195203140028
    xdotool key ctrl+p
    sleep 1
    import -window "$window" "$work/shot.png"
    convert "$work/shot.png" -colors 96 "PNG8:$out/$lang-paper-form-high-contrast.png"
    xdotool key Escape
    xdotool key ctrl+shift+h
    for _ in 1 2 3; do xdotool key ctrl+plus; sleep 0.3; done
    xdotool key ctrl+p
    sleep 1
    import -window "$window" "$work/shot.png"
    convert "$work/shot.png" -colors 96 "PNG8:$out/$lang-paper-form-150.png"
    echo "saved $out/$lang-paper-*-high-contrast.png $out/$lang-paper-form-150.png"
    stop_desk
done

# PARTS=server: a desk whose audit trail is the hospital's audit server (issue 13), with that server down: first a
# workstation that has never reached it (the desk cannot record, so it does not start), then one that has (its
# spool holds the hospital's ID-hash key): the decision shows, the card says the entry waits on this workstation and
# the status bar how many wait. Port 9 (discard) refuses the connection at once.
for lang in zh en; do
    [[ $parts == *server* ]] || continue
    dir=$work/server-$lang
    mkdir -p "$dir/config/waiverdesk" "$dir/data" "$dir/state"
    printf '{"language": "%s", "auditDatabase": "jdbc:postgresql://127.0.0.1:9/audit?user=desk-01"}\n' "$lang" \
        >"$dir/config/waiverdesk/config.json"
    XDG_DATA_HOME=$dir/data XDG_CONFIG_HOME=$dir/config XDG_STATE_HOME=$dir/state \
        java -Dprism.order=sw -jar "$jar" >"$dir/out" 2>"$dir/err" &
    desk=$!
    window=$(xdotool search --sync --name WaiverDesk | head -1)
    xdotool windowsize "$window" 720 700
    sleep 6
    import -window "$window" "$work/shot.png"
    convert "$work/shot.png" -colors 96 "PNG8:$out/$lang-audit-server-never-reached.png"
    echo "saved $out/$lang-audit-server-never-reached.png"
    stop_desk
    # what a first connection would have kept: the hospital's key in the spool's settings
    sqlite3 "$dir/data/waiverdesk/audit-spool.db" "INSERT INTO settings VALUES ('idHashKey', randomblob(32))"
    start_desk "server-$lang" "$(cat "$dir/config/waiverdesk/config.json")"
    SETTLE=4 shoot "$lang-audit-server-offline-waive" 王秀英 310101195203140028
    SETTLE=4 shoot "$lang-audit-server-offline-charge" 赵明远 310109198501010058
    stop_desk
done
