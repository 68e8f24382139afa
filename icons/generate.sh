#!/usr/bin/env bash
# Renders the SVG master icons/waiverdesk.svg to icons/png/waiverdesk-<size>.png, and packs those PNGs into
# icons/waiverdesk.ico (Windows: 16, 24, 32, 48, 64 and 256; the installer, the .exe launcher and shortcuts) and
# icons/waiverdesk.icns (macOS: 16, 32, 48, 128, 256, 512, 1024; the .app and the .dmg).
#
# Needs rsvg-convert from librsvg, icotool from icoutils and png2icns from libicns
# (Debian/Ubuntu: `apt-get install -y librsvg2-bin icoutils icnsutils`; macOS: `brew install librsvg icoutils
# libicns`). Run from anywhere: paths are relative to this script.
#
# icotool stores the 256 px image as PNG (--raw, as Windows Vista and later expect) and the small ones as
# 32-bit BMP; png2icns stores 16-128 px as classic RLE images with an 8-bit mask and 256-1024 px as PNG.
# Neither writes a time stamp.
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

for tool in rsvg-convert icotool png2icns; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "generate.sh: $tool not found." >&2
        echo "  Debian/Ubuntu: apt-get install -y librsvg2-bin icoutils icnsutils" >&2
        echo "  macOS: brew install librsvg icoutils libicns" >&2
        exit 1
    fi
done

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
master="$here/waiverdesk.svg"
sizes=(16 24 32 48 64 128 256 512 1024)
ico_sizes=(16 24 32 48 64)      # plus 256, stored as PNG
icns_sizes=(16 32 48 128 256 512 1024)

# render_into PNG_DIR ICON_DIR: the PNGs into PNG_DIR, the .ico and .icns made from them into ICON_DIR
render_into() {
    local out="$1" icons="$2"
    mkdir -p "$out"
    for size in "${sizes[@]}"; do
        # --background-color none keeps the corners transparent; -w/-h scale the 256 viewBox.
        rsvg-convert --width "$size" --height "$size" --background-color none \
            --format png --output "$out/waiverdesk-$size.png" "$master"
    done
    local ico_inputs=() icns_inputs=()
    for size in "${ico_sizes[@]}"; do ico_inputs+=("$out/waiverdesk-$size.png"); done
    for size in "${icns_sizes[@]}"; do icns_inputs+=("$out/waiverdesk-$size.png"); done
    icotool --create --output "$icons/waiverdesk.ico" "${ico_inputs[@]}" --raw "$out/waiverdesk-256.png"
    png2icns "$icons/waiverdesk.icns" "${icns_inputs[@]}" >/dev/null
}

if [[ "${1:-}" == "--check" ]]; then
    tmp="$(mktemp -d)"
    trap 'rm -rf "$tmp"' EXIT
    render_into "$tmp/png" "$tmp"
    status=0
    for size in "${sizes[@]}"; do
        if ! cmp -s "$tmp/png/waiverdesk-$size.png" "$here/png/waiverdesk-$size.png"; then
            echo "differs: png/waiverdesk-$size.png" >&2
            status=1
        fi
    done
    for file in waiverdesk.ico waiverdesk.icns; do
        if ! cmp -s "$tmp/$file" "$here/$file"; then
            echo "differs: $file" >&2
            status=1
        fi
    done
    [[ $status -eq 0 ]] && echo "all ${#sizes[@]} PNGs, the .ico and the .icns match the master"
    exit $status
fi

render_into "$here/png" "$here"

echo "rendered ${#sizes[@]} sizes into $here/png, and $here/waiverdesk.ico and waiverdesk.icns"
