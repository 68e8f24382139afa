#!/usr/bin/env bash
# Renders the SVG master icons/waiverdesk.svg to icons/png/waiverdesk-<size>.png.
#
# Needs rsvg-convert from librsvg (Debian/Ubuntu: `apt-get install -y librsvg2-bin`;
# macOS: `brew install librsvg`). Run from anywhere: paths are relative to this script.
#
# Output is deterministic: rsvg-convert (librsvg 2.54, cairo) writes only IHDR, bKGD,
# IDAT and IEND chunks, no tIME or tEXt, so the same librsvg/cairo/zlib versions give
# byte-identical files. Other versions may differ by a few bytes of compression or
# anti-aliasing; regenerate and commit all sizes together when that happens.
#
# Usage: icons/generate.sh            render every size
#        icons/generate.sh --check    render to a temp dir and fail if any committed
#                                     PNG differs (same-toolchain drift check)
set -euo pipefail

if ! command -v rsvg-convert >/dev/null 2>&1; then
    echo "generate.sh: rsvg-convert not found." >&2
    echo "  Debian/Ubuntu: apt-get install -y librsvg2-bin   macOS: brew install librsvg" >&2
    exit 1
fi

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
master="$here/waiverdesk.svg"
sizes=(16 24 32 48 64 128 256 512 1024)

render_into() {
    local out="$1"
    mkdir -p "$out"
    for size in "${sizes[@]}"; do
        # --background-color none keeps the corners transparent; -w/-h scale the 256 viewBox.
        rsvg-convert --width "$size" --height "$size" --background-color none \
            --format png --output "$out/waiverdesk-$size.png" "$master"
    done
}

if [[ "${1:-}" == "--check" ]]; then
    tmp="$(mktemp -d)"
    trap 'rm -rf "$tmp"' EXIT
    render_into "$tmp"
    status=0
    for size in "${sizes[@]}"; do
        if ! cmp -s "$tmp/waiverdesk-$size.png" "$here/png/waiverdesk-$size.png"; then
            echo "differs: png/waiverdesk-$size.png" >&2
            status=1
        fi
    done
    [[ $status -eq 0 ]] && echo "all ${#sizes[@]} PNGs match the master"
    exit $status
fi

render_into "$here/png"

# Windows .ico and macOS .icns go here (a later issue): build them from the PNGs above,
# e.g. waiverdesk.ico from 16/24/32/48/64/256 and waiverdesk.icns from 16..1024
# (macOS @2x slots reuse the next size up: 32 for 16@2x, 64 for 32@2x, ... 1024 for 512@2x).

echo "rendered ${#sizes[@]} sizes into $here/png"
