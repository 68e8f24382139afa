#!/usr/bin/env bash
# Screenshots of the supervisor's review queue and of the detail of a reviewed paper entry and of e-certificate
# entries, in the real window (AuditWindow, GTK glass) under Xvfb, driven with the keyboard through xdotool: sign in,
# Ctrl+R, A (approve, with a reason), R (reject, with a reason), Ctrl+D and the arrows to the entries; then a queue of
# three pages, and End to the last loaded entry, which brings the next page.
# The window runs over a fresh audit log of synthetic checks (ReviewScreensLauncher, in the test classes).
# Needs: xvfb xdotool imagemagick libgtk-3-0 fonts-noto-cjk, and compiled classes (mvn -q test-compile) plus one test
# run for the class path (target/surefire-reports/*.xml), or CP set to the test class path.
# Usage: scripts/review-screens.sh OUTDIR [LANG...]   (LANG defaults to "zh-CN en"; a free display of its own)
set -euo pipefail
out=$(realpath -m "${1:?usage: scripts/review-screens.sh OUTDIR [LANG...]}")
shift
langs=${*:-zh-CN en}
cd "$(dirname "$0")/.."
if [ -z "${CP:-}" ]; then
    report=$(ls target/surefire-reports/TEST-*.xml | head -1)
    CP=$(sed -n 's/.*name="surefire.test.class.path" value="\([^"]*\)".*/\1/p' "$report" | tr ':' '\n' \
        | grep -v monocle | paste -sd:)
fi
mkdir -p "$out"
work=$(mktemp -d)
# a display no one else uses: Xvfb picks a free number and says which (other scripts on this machine take :92, :93…)
exec 3<> "$work/displayfd"
Xvfb -displayfd 3 -screen 0 1400x1000x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
for _ in $(seq 1 50); do [ -s "$work/displayfd" ] && break; sleep 0.1; done
display=:$(head -1 "$work/displayfd")
kill -0 "$xvfb" || { echo "Xvfb did not start" >&2; exit 1; }
app=
cleanup() {
    [ -n "$app" ] && kill "$app" 2>/dev/null || true
    kill "$xvfb" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
export DISPLAY=$display
sleep 1

shot() {
    sleep "${2:-1.5}"
    # the screen, cut to the window: a dialog is a window of its own, which a capture of the main one leaves black
    eval "$(xdotool getwindowgeometry --shell "$window")"
    import -window root -crop "${WIDTH}x${HEIGHT}+${X}+${Y}" +repage "$out/$1"
    echo "wrote $out/$1"
}

# open_signed_in NAME LANG [MORE]: the window over a log of its own (MORE paper certificates more), signed in;
# sets $app and $window
open_signed_in() {
    java -Duser.timezone=Asia/Shanghai -Dprism.order=sw -cp "$CP" com.waiverdesk.ui.audit.ReviewScreensLauncher \
        "$work/$1" "$2" ${3:+"$3"} >"$work/$1.out" 2>&1 &
    app=$!
    window=$(xdotool search --sync --onlyvisible --pid "$app" | head -1)
    echo "window $window on $display"
    xdotool windowsize "$window" 1280 960
    xdotool windowfocus "$window"
    sleep 2
    xdotool type --delay 40 "Zhou Min"
    xdotool key Tab
    xdotool type --delay 20 "ward seven ledger"
    xdotool key Return
    sleep 4 # the passphrase's key derivation, then the first page
}

close_window() {
    kill "$app" 2>/dev/null || true
    wait "$app" 2>/dev/null || true
    app=
}

for lang in $langs; do
    short=${lang%%-*}
    open_signed_in "$short" "$lang"
    xdotool key ctrl+r
    shot "audit-$short-review-queue.png"
    xdotool key a
    sleep 1
    xdotool type --delay 30 "Original seen at the desk; stamp and date match"
    shot "audit-$short-review-approve-dialog.png" 0.5
    xdotool key Return
    sleep 1.5
    xdotool key r
    sleep 1
    xdotool type --delay 30 "Centre stamp belongs to another district"
    xdotool key Return
    shot "audit-$short-review-after.png"
    # the entries, newest first: row 7 is the approved paper certificate, row 5 the offline e-certificate,
    # row 6 the online one
    xdotool key ctrl+d
    sleep 0.5
    xdotool key Home
    for _ in 1 2 3 4 5 6 7; do xdotool key Down; sleep 0.1; done
    shot "audit-$short-detail-paper-reviewed.png"
    xdotool key Up Up
    shot "audit-$short-detail-ecert-offline.png"
    xdotool key Down
    shot "audit-$short-detail-ecert-online.png"
    xdotool key ctrl+Tab ctrl+Tab
    shot "audit-$short-charts-channel.png" 2.5
    close_window
done

# a queue of three pages (250 more paper certificates): the oldest hundred listed, the next when the list reaches its end
for lang in $langs; do
    short=${lang%%-*}
    open_signed_in "$short-pages" "$lang" 250
    xdotool key ctrl+r
    shot "audit-$short-review-queue-pages.png"
    xdotool key End
    shot "audit-$short-review-queue-more.png"
    close_window
done
