#!/usr/bin/env bash
# Reproduces assets/screenshot-notification.png: the real daemon shows a stretch reminder, with
# its picture, through dunst on a private X server (Xvfb) and session bus; the screen is grabbed
# and cropped to the notification.
#
# Needs: cargo, dbus-daemon, Xvfb, dunst, dunstctl, ImageMagick (import, convert).
#   Debian: apt-get install dbus-daemon xvfb dunst imagemagick
# Usage: assets/screenshot.sh [STRETCH-ID] [OUTPUT.png]
#   (defaults: cat-camel, assets/screenshot-notification.png)
set -euo pipefail
cd "$(dirname "$0")/.."

stretch=${1:-cat-camel}
out=${2:-assets/screenshot-notification.png}

for tool in cargo dbus-daemon Xvfb dunst dunstctl import convert; do
  command -v "$tool" >/dev/null || { echo "screenshot.sh: $tool is missing" >&2; exit 1; }
done
cargo build --quiet
bin=$PWD/target/debug/stretchd

tmp=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Waits up to 10 s for a command to succeed.
wait_for() {
  for _ in $(seq 100); do "$@" >/dev/null 2>&1 && return 0; sleep 0.1; done
  echo "screenshot.sh: timed out waiting for: $*" >&2
  return 1
}

# A session bus of our own, with no service directories: nothing starts by D-Bus activation.
cat >"$tmp/bus.conf" <<EOF
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:tmpdir=$tmp</listen>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
EOF
dbus-daemon --config-file="$tmp/bus.conf" --nofork --print-address=3 3>"$tmp/bus.addr" &
pids+=($!)
wait_for test -s "$tmp/bus.addr"
export DBUS_SESSION_BUS_ADDRESS=$(head -n1 "$tmp/bus.addr")

# An X server of our own on a free display, black root window (so trimming finds the popup).
Xvfb -displayfd 3 -nolisten tcp -br -screen 0 1280x900x24 3>"$tmp/display" 2>/dev/null &
pids+=($!)
wait_for test -s "$tmp/display"
export DISPLAY=:$(head -n1 "$tmp/display")
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
HOME=$tmp XDG_CONFIG_HOME=$tmp/config dunst -config "$tmp/dunstrc" 2>"$tmp/dunst.log" &
pids+=($!)
wait_for dunstctl is-paused

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
pids+=($!)

# The first reminder carries the one-time safety notice; dismiss it and picture the second.
displayed() { [ "$(dunstctl count displayed)" -ge 1 ]; }
wait_for displayed
dunstctl close-all
sleep 0.5
wait_for displayed
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
