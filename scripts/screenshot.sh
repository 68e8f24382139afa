#!/usr/bin/env bash
# Opens the packaged desk under Xvfb on the demo service, verifies a demo person by typing into the real window,
# and saves the window as a PNG (the README's screenshot is made this way). Needs: xvfb xdotool imagemagick
# libgtk-3-0 fonts-noto-cjk fonts-wqy-microhei (JavaFX's fallback takes TrueType CJK fonts only), and target/waiverdesk.jar (mvn -q package -DskipTests).
# Usage: scripts/screenshot.sh OUT.png [NAME] [ID]
set -euo pipefail
out=${1:?usage: scripts/screenshot.sh OUT.png [NAME] [ID]}
name=${2:-张美玲}
id=${3:-310105197609200064}
cd "$(dirname "$0")/.."
work=$(mktemp -d)
display=:$((90 + RANDOM % 50))
Xvfb "$display" -screen 0 1280x900x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $desk $xvfb 2>/dev/null || true; rm -rf "$work"' EXIT
export DISPLAY=$display
XDG_DATA_HOME=$work/data XDG_CONFIG_HOME=$work/config XDG_STATE_HOME=$work/state \
    java -Dprism.order=sw -jar target/waiverdesk.jar >"$work/out" 2>"$work/err" &
desk=$!
# ready when the desk's own log says so (the program prints no markers)
ready() { grep -qs "desk ready: " "$work/state/waiverdesk/logs/waiverdesk0.log"; }
for _ in $(seq 1 120); do ready && break; sleep 0.5; done
ready || { echo "the desk did not start:" >&2; cat "$work/err" >&2; exit 1; }
window=$(xdotool search --sync --name WaiverDesk | head -1)
xdotool windowfocus "$window"
# one character at a time: xdotool drops CJK characters typed in a burst
for ((i = 0; i < ${#name}; i++)); do xdotool type --delay 100 "${name:i:1}"; sleep 0.2; done
xdotool key Tab
xdotool type --delay 5 "$id"
xdotool key Return
sleep 2
import -window "$window" "$out"
echo "saved $out"
