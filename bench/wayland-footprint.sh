#!/usr/bin/env bash
# stretchd's footprint in a KWin Wayland session with nothing due (issue 10): resident memory
# (VmRSS), anonymous memory (RssAnon), file-backed pages split into the binary's own and the
# shared libraries', the release binary's size, the thread count and the context switches over a
# window, with the Wayland idle source (ext-idle-notify-v1).
#
# Everything runs in a private session: HOME and the XDG directories in a temporary directory,
# a private session bus (no service directories, nothing auto-started), no system bus (logind is
# then skipped, as stretchd logs), and `kwin_wayland --virtual` off every bus, started the way
# bench/idle.sh does (a copy of the binary, which has no file capability). Nobody touches the
# input during the window: with nothing due and the natural break (5 min) longer than the
# window, stretchd should sleep through it.
#
# Prints one markdown table row per run and the smaps_rollup of the last run. Pss shares each
# page among the processes that map it; Uss counts the pages only this process maps (its own
# binary's, its anonymous memory): what it costs the system beyond what is resident anyway.
# Binaries just written may show their pages as Private_Dirty until the page cache is written
# back; that moves nothing between the columns.
#
# Environment knobs:
#   WINDOW=60          seconds over which context switches are counted
#   SETTLE=3           seconds between "stretchd is running" and the first reading
#   RUNS=1             runs per binary (the table has one row per run)
#   BINS=...           the binaries to measure, space-separated (default: the release build);
#                      a label may prefix each, as LABEL=PATH
#   SKIP_BUILD=0       1 measures BINS as they are, without `cargo build --release`
#   XWAYLAND=0         1 also starts Xwayland (KWin's --xwayland) and sets DISPLAY, as in a real
#                      Plasma session (then the X11 full-screen watch has a server to talk to)
#   KEEP_TMP=1         keep the temp dir (logs, configs, smaps) for inspection
set -euo pipefail

WINDOW=${WINDOW:-60}
SETTLE=${SETTLE:-3}
RUNS=${RUNS:-1}
SKIP_BUILD=${SKIP_BUILD:-0}
XWAYLAND=${XWAYLAND:-0}
START_TIMEOUT=20

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
RELEASE="${CARGO_TARGET_DIR:-$ROOT/target}/release/stretchd"
BINS=${BINS:-$RELEASE}

BENCH_NAME=wayland-footprint
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"

[[ $WINDOW =~ ^[0-9]+$ && $WINDOW -gt 0 ]] || die "WINDOW must be a positive number of seconds"
[[ $SETTLE =~ ^[0-9]+$ ]] || die "SETTLE must be a number of seconds"
[[ $RUNS =~ ^[0-9]+$ && $RUNS -gt 0 ]] || die "RUNS must be a positive number"
for tool in dbus-daemon kwin_wayland timeout awk grep; do
  command -v "$tool" >/dev/null 2>&1 || die "missing tool: $tool (Debian: apt-get install dbus-daemon kwin-wayland)"
done

bench_tmp wlfoot

if [[ $SKIP_BUILD != 1 ]]; then
  log "building the release binary"
  BUILD_TIMEOUT=${BUILD_TIMEOUT:-1800}
  build build --release --quiet
fi

# --- private session --------------------------------------------------------------------------
private_home
unset NOTIFY_SOCKET DBUS_SESSION_BUS_PID DISPLAY WAYLAND_DISPLAY WAYLAND_SOCKET RUST_LOG
export DBUS_SYSTEM_BUS_ADDRESS="unix:path=$TMP/no-system-bus"

start_bus session
export DBUS_SESSION_BUS_ADDRESS=$BUS_ADDRESS

KWIN_DIR="$TMP/kwin"
mkdir -p "$KWIN_DIR/run"
chmod 700 "$KWIN_DIR/run"
cp "$(command -v kwin_wayland)" "$KWIN_DIR/kwin_wayland"
KWIN_ARGS=(--virtual --no-lockscreen --no-global-shortcuts --no-kactivities --socket wayland-stretchd --width 640 --height 480)
[[ $XWAYLAND == 1 ]] && KWIN_ARGS+=(--xwayland)
env -u XDG_SESSION_TYPE XDG_RUNTIME_DIR="$KWIN_DIR/run" HOME="$KWIN_DIR" XDG_CONFIG_HOME="$KWIN_DIR/config" \
  DBUS_SESSION_BUS_ADDRESS="unix:path=$KWIN_DIR/no-bus" KWIN_COMPOSE=Q \
  "$KWIN_DIR/kwin_wayland" "${KWIN_ARGS[@]}" >"$TMP/kwin.log" 2>&1 &
KWIN_PID=$!
PIDS+=("$KWIN_PID")
export WAYLAND_DISPLAY="$KWIN_DIR/run/wayland-stretchd"
kwin_ready() { alive "$KWIN_PID" kwin_wayland "$TMP/kwin.log" && [[ -S $WAYLAND_DISPLAY ]]; }
wait_for "$START_TIMEOUT" "KWin's Wayland socket" kwin_ready
KWIN_VERSION=$("$KWIN_DIR/kwin_wayland" --version 2>/dev/null | awk '{print $2}' || true)
if [[ $XWAYLAND == 1 ]]; then
  x_ready() { alive "$KWIN_PID" kwin_wayland "$TMP/kwin.log" && ls /tmp/.X11-unix/X* >/dev/null 2>&1; }
  wait_for "$START_TIMEOUT" "Xwayland" x_ready
  DISPLAY=$(grep -oE 'DISPLAY=:[0-9]+' "$TMP/kwin.log" | tail -n1 | cut -d= -f2 || true)
  [[ -n $DISPLAY ]] || DISPLAY=":$(ls /tmp/.X11-unix | sed 's/^X//' | sort -n | tail -n1)"
  export DISPLAY
  log "Xwayland on $DISPLAY"
fi

CFG="$TMP/config"
mkdir -p "$CFG"
cat >"$CFG/idle.toml" <<EOF
[schedule]
work_days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
work_hours = ["00:00-24:00"]

[presence]
idle_source = "wayland"

[[reminder]]
id = "new-year"
kind = "stretch"
cron = "0 0 1 1 *"
EOF

kb() { awk -v k="$1" 'BEGIN {printf "%.2f MiB", k / 1024}'; }
status_kb() { awk -v f="$2:" '$1 == f {print $2}' "/proc/$1/status"; }
ctxt() {
  local v=0 f a
  for f in /proc/"$1"/task/*/status; do
    a=$(awk '/^voluntary_ctxt_switches:|^nonvoluntary_ctxt_switches:/ {s += $2} END {print s + 0}' "$f" 2>/dev/null) || continue
    v=$((v + a))
  done
  echo "$v"
}

echo "| Binary | Size | VmRSS | RssAnon | RssFile: own binary | RssFile: libraries | Pss | Uss (private) | Threads | Context switches in ${WINDOW} s |"
echo "|---|---|---|---|---|---|---|---|---|---|"
for spec in $BINS; do
  label=${spec%%=*} bin=${spec#*=}
  [[ $spec == *=* ]] || label=$(basename "$bin")
  [[ -x $bin ]] || die "no binary at $bin"
  for run in $(seq 1 "$RUNS"); do
    slog="$TMP/stretchd-$label-$run.log"
    : >"$slog"
    "$bin" run --config "$CFG/idle.toml" 2>"$slog" >/dev/null &
    pid=$!
    PIDS+=("$pid")
    running() { alive "$pid" stretchd "$slog" && grep -q 'stretchd is running' "$slog"; }
    wait_for "$START_TIMEOUT" "stretchd to run" running
    grep -q 'idle source: wayland' "$slog" || die "stretchd did not pick the Wayland idle source: $(cat "$slog")"
    pause "$SETTLE"
    c0=$(ctxt "$pid")
    pause "$WINDOW"
    alive "$pid" stretchd "$slog"
    c1=$(ctxt "$pid")
    rss=$(status_kb "$pid" VmRSS) anon=$(status_kb "$pid" RssAnon) threads=$(status_kb "$pid" Threads)
    # The binary's own file pages, and every other file mapping's.
    real=$(readlink -f "$bin")
    read -r own libs < <(awk -v b="$real" '
      /^[0-9a-f]+-[0-9a-f]+ / {cur = $6}
      $1 == "Rss:" && cur != "" && cur !~ /^\[/ { if (cur == b) o += $2; else l += $2 }
      END {print o + 0, l + 0}' "/proc/$pid/smaps")
    pss=$(awk '$1 == "Pss:" {print $2}' "/proc/$pid/smaps_rollup")
    uss=$(awk '$1 == "Private_Clean:" || $1 == "Private_Dirty:" {s += $2} END {print s}' "/proc/$pid/smaps_rollup")
    cp "/proc/$pid/smaps" "$TMP/smaps-$label-$run"
    cp "/proc/$pid/smaps_rollup" "$TMP/smaps_rollup-$label-$run"
    ls "/proc/$pid/task" | while read -r t; do cat "/proc/$pid/task/$t/comm"; done | paste -sd, >"$TMP/threads-$label-$run"
    stop "$pid"
    ! grep -qE ': reminder reminder=' "$slog" || die "a reminder fired, but nothing was due"
    echo "| $label | $(stat -c %s "$bin") B | $rss kB ($(kb "$rss")) | $anon kB | $own kB | $libs kB | $pss kB | $uss kB | $threads ($(cat "$TMP/threads-$label-$run")) | $((c1 - c0)) |"
  done
done
echo
echo "KWin ${KWIN_VERSION:-?} --virtual$([[ $XWAYLAND == 1 ]] && echo ' --xwayland'), private session bus, no system bus, nothing due, window started ${SETTLE} s after \"stretchd is running\"; $(date -u '+%Y-%m-%d %H:%M UTC'); $(uname -srm)."
if [[ ${SMAPS:-1} == 1 ]]; then
  echo
  echo "smaps_rollup of the last run ($label):"
  sed 's/^/    /' "$TMP/smaps_rollup-$label-$RUNS"
fi
