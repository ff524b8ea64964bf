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

BENCH_NAME=footprint
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"

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
bench_tmp footprint

# --- build --------------------------------------------------------------------------------------
log "building the release binary (cargo build --release)"
build build --release
[[ -x $BIN ]] || die "no binary at $BIN after the build"
# Read now: rustup finds its toolchain through $HOME, which the private session replaces.
RUSTC_VERSION=$(cd "$ROOT" && rustc --version) || die "rustc --version failed"

# --- private session --------------------------------------------------------------------------
# Keep every tool away from the user's own config and state.
private_home
unset NOTIFY_SOCKET DBUS_SESSION_BUS_PID

log "starting dbus-daemon"
start_bus session
export DBUS_SESSION_BUS_ADDRESS=$BUS_ADDRESS

start_xvfb 1024x768x24
export DISPLAY=$XVFB_DISPLAY

start_dunst

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
