#!/usr/bin/env bash
# Measures stretchd's footprint for the README: resident memory after ten notifications,
# context switches over a window with nothing due, and the release binary's size.
#
# It runs everything in a private session (its own dbus-daemon, Xvfb and dunst), so it neither
# needs nor touches a desktop session. Prints one markdown table and writes it to
# bench/results.md.
#
# Environment knobs:
#   WINDOW=60           length of the idle window in seconds
#   NOTIFICATIONS=10    how many notifications to wait for before reading memory
#   BUILD_TIMEOUT=1800  bound on `cargo build --release` (it may wait on another build's lock)
#   KEEP_TMP=1          keep the temp dir (logs of every process, configs) for inspection
set -euo pipefail

WINDOW=${WINDOW:-60}
NOTIFICATIONS=${NOTIFICATIONS:-10}
BUILD_TIMEOUT=${BUILD_TIMEOUT:-1800}
START_TIMEOUT=10 # seconds for each of dbus-daemon, Xvfb, dunst and stretchd to come up

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT="$ROOT/bench/results.md"
BIN="${CARGO_TARGET_DIR:-$ROOT/target}/release/stretchd"

die() {
  echo "footprint: $*" >&2
  exit 1
}
log() { echo "footprint: $*" >&2; }

[[ $WINDOW =~ ^[0-9]+$ && $WINDOW -gt 0 ]] || die "WINDOW must be a positive number of seconds, got '$WINDOW'"
[[ $NOTIFICATIONS =~ ^[0-9]+$ && $NOTIFICATIONS -gt 0 ]] || die "NOTIFICATIONS must be a positive number, got '$NOTIFICATIONS'"

missing=()
for tool in cargo rustc dbus-daemon dbus-send Xvfb dunst timeout uname grep awk; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
if ((${#missing[@]})); then
  die "missing tool(s): ${missing[*]} (on Debian: apt-get install dbus-daemon dbus-bin xvfb dunst)"
fi
[[ -r /proc/self/status ]] || die "/proc is not mounted; cannot read memory and context switches"

# --- clean-up: every process started here is recorded in PIDS and stopped on exit ------------
TMP=$(mktemp -d "${TMPDIR:-/tmp}/stretchd-footprint.XXXXXX")
PIDS=()
cleanup() {
  local pid i
  # Stop in reverse order of start: stretchd, dunst, Xvfb, dbus-daemon.
  for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do
    pid=${PIDS[i]}
    kill -TERM "$pid" 2>/dev/null || continue
    for _ in $(seq 1 20); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  PIDS=()
  if [[ ${KEEP_TMP:-0} == 1 ]]; then
    echo "footprint: logs and configs kept in $TMP" >&2
  else
    rm -rf "$TMP"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# stop PID: stops one process started here and forgets it.
stop() {
  local pid=$1
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 20); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  forget "$pid"
}

# forget PID: drops a process that has been waited for from PIDS, so that the clean-up never
# signals a process id the system may have handed to someone else since.
forget() {
  local keep=() p
  for p in "${PIDS[@]}"; do [[ $p == "$1" ]] || keep+=("$p"); done
  PIDS=(${keep[@]+"${keep[@]}"})
}

# wait_for SECONDS DESCRIPTION COMMAND...: polls COMMAND every 0.1 s until it succeeds.
wait_for() {
  local secs=$1 what=$2
  shift 2
  local deadline=$((SECONDS + secs))
  until "$@"; do
    ((SECONDS < deadline)) || die "timed out after ${secs}s waiting for $what"
    sleep 0.1
  done
}

# alive PID NAME LOGFILE: fails with the process's log when it has died.
alive() {
  kill -0 "$1" 2>/dev/null && return 0
  echo "footprint: $2 exited early; its log:" >&2
  sed 's/^/    /' "$3" >&2 || true
  exit 1
}

# --- build --------------------------------------------------------------------------------------
log "building the release binary (cargo build --release)"
# In the background and waited for, so that an INT or TERM reaches the trap (which stops the
# build) instead of waiting for the build to end.
(cd "$ROOT" && exec timeout "$BUILD_TIMEOUT" cargo build --release) &
BUILD_PID=$!
PIDS+=("$BUILD_PID")
wait "$BUILD_PID" || die "cargo build --release failed or took longer than ${BUILD_TIMEOUT}s"
forget "$BUILD_PID"
[[ -x $BIN ]] || die "no binary at $BIN after the build"
# Read now: rustup finds its toolchain through $HOME, which the private session replaces.
RUSTC_VERSION=$(cd "$ROOT" && rustc --version) || die "rustc --version failed"

# --- private session --------------------------------------------------------------------------
# Keep every tool away from the user's own config and state.
export HOME="$TMP/home" XDG_CONFIG_HOME="$TMP/home/.config" XDG_STATE_HOME="$TMP/home/.local/state"
export XDG_DATA_HOME="$TMP/home/.local/share" XDG_CACHE_HOME="$TMP/home/.cache"
export XDG_RUNTIME_DIR="$TMP/run"
mkdir -p "$HOME" "$XDG_CONFIG_HOME" "$XDG_STATE_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
unset NOTIFY_SOCKET DBUS_SESSION_BUS_PID

# A minimal session bus: no service directories, so nothing is ever auto-started.
cat >"$TMP/bus.conf" <<EOF
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir=$TMP</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
EOF
log "starting dbus-daemon"
dbus-daemon --config-file="$TMP/bus.conf" --nofork --nopidfile --print-address=3 \
  3>"$TMP/bus.address" >"$TMP/dbus.log" 2>&1 &
DBUS_PID=$!
PIDS+=("$DBUS_PID")
bus_ready() { alive "$DBUS_PID" dbus-daemon "$TMP/dbus.log" && [[ -s $TMP/bus.address ]]; }
wait_for "$START_TIMEOUT" "dbus-daemon to print its address" bus_ready
DBUS_SESSION_BUS_ADDRESS=$(head -n1 "$TMP/bus.address")
export DBUS_SESSION_BUS_ADDRESS

# Xvfb picks a free display itself and writes its number to fd 3 once it accepts connections.
log "starting Xvfb"
Xvfb -displayfd 3 -screen 0 1024x768x24 -nolisten tcp 3>"$TMP/display" >"$TMP/xvfb.log" 2>&1 &
XVFB_PID=$!
PIDS+=("$XVFB_PID")
x_ready() { alive "$XVFB_PID" Xvfb "$TMP/xvfb.log" && grep -qE '^[0-9]+$' "$TMP/display"; }
wait_for "$START_TIMEOUT" "Xvfb to report its display" x_ready
DISPLAY=":$(head -n1 "$TMP/display")"
export DISPLAY

log "starting dunst on $DISPLAY"
: >"$TMP/dunstrc" # built-in defaults only, never the user's or the system's dunstrc
dunst -config "$TMP/dunstrc" >"$TMP/dunst.log" 2>&1 &
DUNST_PID=$!
PIDS+=("$DUNST_PID")
notifications_owned() {
  alive "$DUNST_PID" dunst "$TMP/dunst.log" &&
    timeout 2 dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
      org.freedesktop.DBus.NameHasOwner string:org.freedesktop.Notifications 2>/dev/null |
    grep -q 'boolean true'
}
wait_for "$START_TIMEOUT" "dunst to own org.freedesktop.Notifications" notifications_owned

# start_stretchd CONFIG LOG: starts `stretchd run` in the background; sets STRETCHD_PID.
start_stretchd() {
  : >"$2"
  RUST_LOG=info "$BIN" run --config "$1" 2>"$2" >/dev/null &
  STRETCHD_PID=$!
  PIDS+=("$STRETCHD_PID")
}

# A line `... INFO stretchd::daemon: reminder reminder=... item=... title=...` per notification.
count_shown() { grep -cE ': reminder reminder=[^ ]+ item=[^ ]+ title=' "$1" || true; }

# --- 1. resident memory after N notifications ------------------------------------------------
# The configs get a directory of their own: stretchd watches its config's directory, and the
# logs written next to it would wake the watcher.
CFG="$TMP/config"
mkdir -p "$CFG"
ALL_DAY='work_days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
work_hours = ["00:00-24:00"]'
cat >"$CFG/busy.toml" <<EOF
[schedule]
$ALL_DAY

[[reminder]]
id = "stretch"
kind = "stretch"
every = "1s"
EOF
log "measuring memory: waiting for $NOTIFICATIONS notifications"
start_stretchd "$CFG/busy.toml" "$TMP/busy.log"
BUSY_PID=$STRETCHD_PID
enough_shown() {
  alive "$BUSY_PID" stretchd "$TMP/busy.log" && (($(count_shown "$TMP/busy.log") >= NOTIFICATIONS))
}
wait_for $((NOTIFICATIONS * 3 + START_TIMEOUT)) "$NOTIFICATIONS notifications from stretchd" enough_shown
sleep 0.5 # the line is logged just before the Notify call; let the last call complete
alive "$BUSY_PID" stretchd "$TMP/busy.log"
SHOWN=$(count_shown "$TMP/busy.log")
VMHWM=$(awk '/^VmHWM:/ {print $2}' "/proc/$BUSY_PID/status")
VMRSS=$(awk '/^VmRSS:/ {print $2}' "/proc/$BUSY_PID/status")
BUSY_THREADS=$(awk '/^Threads:/ {print $2}' "/proc/$BUSY_PID/status")
if grep -q 'cannot show the reminder' "$TMP/busy.log"; then
  die "stretchd could not show a notification; its log: $(cat "$TMP/busy.log")"
fi
stop "$BUSY_PID"

# --- 2. context switches with nothing due ------------------------------------------------------
cat >"$CFG/idle.toml" <<EOF
[schedule]
$ALL_DAY

[[reminder]]
id = "new-year"
kind = "stretch"
cron = "0 0 1 1 *"
EOF
log "measuring wakeups: ${WINDOW}s with nothing due"
start_stretchd "$CFG/idle.toml" "$TMP/idle.log"
IDLE_PID=$STRETCHD_PID
running() { alive "$IDLE_PID" stretchd "$TMP/idle.log" && grep -q 'stretchd is running' "$TMP/idle.log"; }
wait_for "$START_TIMEOUT" "stretchd to log \"stretchd is running\"" running
sleep 2

# ctxt_switches: "<voluntary> <nonvoluntary> <threads>" summed over the process's threads.
ctxt_switches() {
  local v=0 n=0 t=0 f a b
  for f in /proc/"$IDLE_PID"/task/*/status; do
    read -r a b < <(awk '/^voluntary_ctxt_switches:/ {v=$2} /^nonvoluntary_ctxt_switches:/ {n=$2}
                          END {print v+0, n+0}' "$f" 2>/dev/null) || continue
    v=$((v + a)) n=$((n + b)) t=$((t + 1))
  done
  echo "$v $n $t"
}
alive "$IDLE_PID" stretchd "$TMP/idle.log"
read -r VOL0 NONVOL0 THREADS0 < <(ctxt_switches)
# A background sleep and `wait`, so that an INT or TERM is handled at once.
sleep "$WINDOW" &
SLEEP_PID=$!
PIDS+=("$SLEEP_PID")
wait "$SLEEP_PID"
forget "$SLEEP_PID"
alive "$IDLE_PID" stretchd "$TMP/idle.log"
read -r VOL1 NONVOL1 THREADS1 < <(ctxt_switches)
VOL=$((VOL1 - VOL0))
NONVOL=$((NONVOL1 - NONVOL0))
IDLE_REMINDERS=$(count_shown "$TMP/idle.log")
stop "$IDLE_PID"

# --- 3. binary size -----------------------------------------------------------------------------
SIZE=$(stat -c %s "$BIN")

# --- report -------------------------------------------------------------------------------------
mib() { awk -v b="$1" 'BEGIN {printf "%.2f", b / 1048576}'; }
kib_to_mib() { awk -v k="$1" 'BEGIN {printf "%.2f", k / 1024}'; }
CPU=$(awk -F': *' '/^model name/ {print $2; exit}' /proc/cpuinfo)
[[ -n $CPU ]] || CPU=$(awk -F': *' '/^(Hardware|cpu model|Processor)/ {print $2; exit}' /proc/cpuinfo)
COMMIT=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
if [[ $COMMIT != unknown && -n $(git -C "$ROOT" status --porcelain -- src Cargo.toml Cargo.lock 2>/dev/null) ]]; then
  COMMIT="$COMMIT (with uncommitted changes to src/ or Cargo.*)"
fi
THREADS=$THREADS1
[[ $THREADS0 == "$THREADS1" ]] || THREADS="$THREADS0 at the start, $THREADS1 at the end"

TABLE=$(
  cat <<EOF
| Measure | Value |
|---|---|
| Resident memory, peak (VmHWM) after $SHOWN notifications | $VMHWM kB ($(kib_to_mib "$VMHWM") MiB) |
| Resident memory, current (VmRSS) after $SHOWN notifications | $VMRSS kB ($(kib_to_mib "$VMRSS") MiB) |
| Threads while showing notifications | $BUSY_THREADS |
| Voluntary context switches over ${WINDOW} s, nothing due | $VOL |
| Non-voluntary context switches over ${WINDOW} s, nothing due | $NONVOL |
| Reminders shown during that window | $IDLE_REMINDERS |
| Threads while idle | $THREADS |
| Release binary size (stripped, LTO, opt-level "z") | $SIZE bytes ($(mib "$SIZE") MiB) |
| Date | $(date -u '+%Y-%m-%d %H:%M UTC') |
| Kernel | $(uname -srm) |
| CPU | ${CPU:-unknown} ($(nproc 2>/dev/null || echo '?') CPUs online) |
| rustc | $RUSTC_VERSION |
| stretchd commit | $COMMIT |
| Notification server | dunst $(dunst -v 2>/dev/null | grep -oE '[0-9]+\.[0-9]+(\.[0-9]+)?' | head -n1) on Xvfb, private dbus-daemon |
EOF
)
printf '%s\n' "$TABLE" | tee "$OUT"
log "written to ${OUT#"$ROOT"/} in ${SECONDS}s"
