#!/usr/bin/env bash
# Renders the SVG master icons/waiverdesk.svg to icons/png/waiverdesk-<size>.png, and packs those PNGs into
# icons/waiverdesk.ico (Windows: the installer, the .exe launcher and shortcuts) and icons/waiverdesk.icns
# (macOS: the .app and the .dmg). jpackage reads both from icons/ (packaging/*/*.args); the build takes the PNGs
# from icons/png (pom.xml). Nothing is copied elsewhere.
#
# Needs rsvg-convert (librsvg), icotool (icoutils), png2icns (libicns) and python3 (standard library only:
# struct, sys). Debian/Ubuntu: `apt-get install -y librsvg2-bin icoutils icnsutils python3`; macOS:
# `brew install librsvg icoutils libicns python`. Run from anywhere: paths are relative to this script.
#
# .ico (icotool): 16, 24, 32, 48, 64 px as 32-bit BMP, 256 px as PNG (--raw, as Windows Vista and later expect).
# .icns: is32+s8mk (16 px) and il32+l8mk (32 px) as RLE RGB with 8-bit masks, made by png2icns (as in Apple's
# own app icons; PNG in the 16/32 @1x slots, icp4/icp5, is reported not to show in Finder); then, written by
# the python3 step below, PNG entries ic11 (16@2x, 32 px), ic12 (32@2x, 64), ic07 (128), ic13 (128@2x, 256),
# ic08 (256), ic14 (256@2x, 512), ic09 (512), ic10 (512@2x, 1024), the PNG files byte for byte.
# (png2icns alone cannot write ic11-ic14 and stores 256-1024 px as JPEG 2000, so it is used only for 16/32.)
# None of these tools writes a time stamp.
#
# Output is deterministic: rsvg-convert (librsvg 2.54, cairo) writes only IHDR, bKGD,
# IDAT and IEND chunks, no tIME or tEXt, so the same librsvg/cairo/zlib versions give
# byte-identical files. Other versions may differ by a few bytes of compression or
# anti-aliasing; regenerate and commit all sizes together when that happens.
#
# Usage: icons/generate.sh            render every size, write the .ico and .icns
#        icons/generate.sh --check    render all of it into a temp dir and fail if any committed
#                                     PNG, the .ico or the .icns differs (same-toolchain drift check)
set -euo pipefail

for tool in rsvg-convert icotool png2icns python3; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "generate.sh: $tool not found." >&2
        echo "  Debian/Ubuntu: apt-get install -y librsvg2-bin icoutils icnsutils python3" >&2
        echo "  macOS: brew install librsvg icoutils libicns python" >&2
        exit 1
    fi
done

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
master="$here/waiverdesk.svg"
sizes=(16 24 32 48 64 128 256 512 1024)
ico_sizes=(16 24 32 48 64)      # plus 256, stored as PNG
icns_rle_sizes=(16 32)          # is32+s8mk, il32+l8mk via png2icns
# icns PNG entries, written in this order: type:pixel size
icns_png_entries=(ic11:32 ic12:64 ic07:128 ic13:256 ic08:256 ic14:512 ic09:512 ic10:1024)

# render_into PNG_DIR ICON_DIR: the PNGs into PNG_DIR, the .ico and .icns made from them into ICON_DIR
render_into() {
    local out="$1" icons="$2"
    mkdir -p "$out"
    for size in "${sizes[@]}"; do
        # --background-color none keeps the corners transparent; -w/-h scale the 256 viewBox.
        rsvg-convert --width "$size" --height "$size" --background-color none \
            --format png --output "$out/waiverdesk-$size.png" "$master"
    done
    local ico_inputs=() icns_inputs=() entry
    for size in "${ico_sizes[@]}"; do ico_inputs+=("$out/waiverdesk-$size.png"); done
    icotool --create --output "$icons/waiverdesk.ico" "${ico_inputs[@]}" --raw "$out/waiverdesk-256.png"
    for size in "${icns_rle_sizes[@]}"; do icns_inputs+=("$out/waiverdesk-$size.png"); done
    png2icns "$icons/waiverdesk.icns" "${icns_inputs[@]}" >/dev/null
    local png_args=()
    for entry in "${icns_png_entries[@]}"; do png_args+=("${entry%%:*}=$out/waiverdesk-${entry##*:}.png"); done
    append_icns_png "$icons/waiverdesk.icns" "${png_args[@]}"
}

# append_icns_png ICNS TYPE=PNG...: appends each PNG file, unchanged, as an entry of that type to the .icns and
# rewrites the total length in its header. icns layout: 'icns' + big-endian u32 file length, then entries of
# 4-byte type + big-endian u32 entry length (including its 8-byte header) + data.
append_icns_png() {
    python3 - "$@" <<'PY'
import struct, sys

path, pairs = sys.argv[1], sys.argv[2:]
with open(path, "rb") as f:
    data = f.read()
magic, length = struct.unpack(">4sI", data[:8])
if magic != b"icns" or length != len(data):
    sys.exit(f"generate.sh: {path} is not a complete icns file")
for pair in pairs:
    kind, png_path = pair.split("=", 1)
    with open(png_path, "rb") as f:
        png = f.read()
    if png[:8] != b"\x89PNG\r\n\x1a\n":
        sys.exit(f"generate.sh: {png_path} is not a PNG")
    data += struct.pack(">4sI", kind.encode("ascii"), 8 + len(png)) + png
data = b"icns" + struct.pack(">I", len(data)) + data[8:]
with open(path, "wb") as f:
    f.write(data)
PY
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
