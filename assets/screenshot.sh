#!/usr/bin/env bash
# Reproduces assets/screenshot-notification.png: the real daemon shows a stretch reminder, with
# its picture, through dunst on a private X server (Xvfb) and session bus; the screen is grabbed
# and cropped to the notification.
#
# Needs: cargo, dbus-daemon, dbus-send, Xvfb, dunst, dunstctl, ImageMagick (import, convert).
#   Debian: apt-get install dbus-daemon xvfb dunst imagemagick
# Usage: assets/screenshot.sh [STRETCH-ID] [OUTPUT.png]
#   (defaults: cat-camel, assets/screenshot-notification.png)
set -euo pipefail
cd "$(dirname "$0")/.."

BENCH_NAME=screenshot.sh
# shellcheck source=bench/lib.sh
source bench/lib.sh

stretch=${1:-cat-camel}
out=${2:-assets/screenshot-notification.png}

for tool in cargo dbus-daemon dbus-send Xvfb dunst dunstctl import convert; do
  command -v "$tool" >/dev/null || die "$tool is missing"
done
cargo build --quiet
bin=$PWD/target/debug/stretchd

bench_tmp screenshot
tmp=$TMP

# A session bus of our own, with no service directories: nothing starts by D-Bus activation.
start_bus session
export DBUS_SESSION_BUS_ADDRESS=$BUS_ADDRESS

# An X server of our own on a free display, black root window (so trimming finds the popup).
start_xvfb 1280x900x24 -br
export DISPLAY=$XVFB_DISPLAY
unset WAYLAND_DISPLAY

# dunst with room for the picture and the steps.
cat >"$tmp/dunstrc" <<'EOF'
[global]
    width = 620
    height = 400
    origin = top-right
    offset = 20x20
    font = DejaVu Sans 10
    icon_position = left
    min_icon_size = 0
    max_icon_size = 200
    frame_width = 2
    frame_color = "#8fb3d6"
    corner_radius = 6
    padding = 12
    horizontal_padding = 12
    text_icon_padding = 14
    format = "<b>%s</b>\n%b"
    show_indicators = no
[urgency_normal]
    background = "#1f2b36"
    foreground = "#eef2f5"
    timeout = 0
EOF
HOME=$tmp XDG_CONFIG_HOME=$tmp/config start_dunst

# The daemon, in a home of its own, firing the chosen stretch every 2 s.
cat >"$tmp/config.toml" <<EOF
[schedule]
work_days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
work_hours = ["00:00-24:00"]

[presence]
idle_source = "none"

[[reminder]]
id = "stretch"
kind = "stretch"
every = "2s"
stretch = "$stretch"
EOF
mkdir -p "$tmp/home"
HOME=$tmp/home XDG_CONFIG_HOME=$tmp/home/config XDG_STATE_HOME=$tmp/home/state \
  XDG_DATA_HOME=$tmp/home/data XDG_RUNTIME_DIR=$tmp/home/runtime \
  "$bin" run --config "$tmp/config.toml" 2>"$tmp/stretchd.log" &
PIDS+=($!)

# The first reminder carries the one-time safety notice; dismiss it and picture the second.
displayed() { [ "$(dunstctl count displayed 2>/dev/null)" -ge 1 ] 2>/dev/null; }
wait_for 10 "dunst to display the reminder" displayed
dunstctl close-all
sleep 0.5
wait_for 10 "dunst to display the second reminder" displayed
sleep 0.5

import -window root "$tmp/screen.png"
# Crop to the popup (everything that is not the black root window), with a margin.
convert "$tmp/screen.png" -bordercolor black -border 1 -fuzz 2% -trim +repage \
  -bordercolor "#f4f6f8" -border 16 "$out"
echo "wrote $out ($(identify -format '%wx%h' "$out"))"
if grep -q "cannot write the stretch pictures" "$tmp/stretchd.log"; then
  echo "screenshot.sh: the daemon could not write its pictures:" >&2
  grep "cannot write the stretch pictures" "$tmp/stretchd.log" >&2
fi
