#!/usr/bin/env bash
# Times the `stretchd status` round trip as a whole process, for the README: start the CLI,
# connect to the running daemon's socket, ask, print the answer, exit.
#
# Runs the release daemon in a private session (its own dbus-daemon; HOME and the XDG
# directories in a temporary directory), so it neither needs nor touches a desktop session, the
# user's config, state or running daemon. Then runs `target/release/stretchd status` RUNS times,
# timing each with `date +%s%N`, and prints the median and the maximum. Also runs bench/stats.sh
# (the `stretchd stats` figure) if it is there.
#
# Environment knobs:
#   RUNS=20             timed runs
#   WARMUP=3            untimed runs first (page cache, dynamic loader)
#   SKIP_BUILD=0        1 uses the existing target/release/stretchd as is
#   BUILD_TIMEOUT=1800  bound on `cargo build --release` (it may wait on another build's lock)
#   STATS=1             0 skips bench/stats.sh
#   KEEP_TMP=1          keep the temp dir (daemon and bus logs) for inspection
set -euo pipefail

RUNS=${RUNS:-20}
WARMUP=${WARMUP:-3}
SKIP_BUILD=${SKIP_BUILD:-0}
BUILD_TIMEOUT=${BUILD_TIMEOUT:-1800}
STATS=${STATS:-1}
START_TIMEOUT=10 # seconds for dbus-daemon and stretchd to come up
CALL_TIMEOUT=10  # seconds for one `stretchd status`

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BIN="${CARGO_TARGET_DIR:-$ROOT/target}/release/stretchd"

BENCH_NAME=control-bench
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"

[[ $RUNS =~ ^[0-9]+$ && $RUNS -gt 0 ]] || die "RUNS must be a positive number, got '$RUNS'"
[[ $WARMUP =~ ^[0-9]+$ ]] || die "WARMUP must be a number, got '$WARMUP'"

missing=()
for tool in dbus-daemon date sort awk timeout grep; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
[[ $SKIP_BUILD == 1 ]] || command -v cargo >/dev/null 2>&1 || missing+=(cargo)
((${#missing[@]} == 0)) || die "missing tool(s): ${missing[*]} (on Debian: apt-get install dbus-daemon)"

# --- clean-up: every process started here is recorded in PIDS and stopped on exit ------------
KEEP_WHAT=logs
bench_tmp control

# --- build --------------------------------------------------------------------------------------
if [[ $SKIP_BUILD != 1 ]]; then
  log "building the release binary (cargo build --release)"
  build build --release --quiet
fi
[[ -x $BIN ]] || die "no binary at $BIN (build it, or unset SKIP_BUILD)"

# --- private session --------------------------------------------------------------------------
private_home
unset NOTIFY_SOCKET DBUS_SESSION_BUS_PID DISPLAY WAYLAND_DISPLAY

log "starting dbus-daemon"
start_bus session
export DBUS_SESSION_BUS_ADDRESS=$BUS_ADDRESS

# No config file: the built-in default schedule, what a new user runs.
log "starting the release daemon"
RUST_LOG=info "$BIN" run >/dev/null 2>"$TMP/stretchd.log" &
DAEMON_PID=$!
PIDS+=("$DAEMON_PID")
running() { alive "$DAEMON_PID" stretchd "$TMP/stretchd.log" && grep -q "stretchd is running" "$TMP/stretchd.log"; }
wait_for "$START_TIMEOUT" "\"stretchd is running\"" running

# One checked run first: it must answer, and from this daemon.
out=$(timeout "$CALL_TIMEOUT" "$BIN" status) || die "\`stretchd status\` failed: $out"
grep -q "(pid $DAEMON_PID)" <<<"$out" || die "\`stretchd status\` did not report pid $DAEMON_PID: $out"

# --- timing --------------------------------------------------------------------------------------
for _ in $(seq 1 "$WARMUP"); do timeout "$CALL_TIMEOUT" "$BIN" status >/dev/null; done
times=()
for _ in $(seq 1 "$RUNS"); do
  t0=$(date +%s%N)
  timeout "$CALL_TIMEOUT" "$BIN" status >/dev/null || die "\`stretchd status\` failed during the timed runs"
  t1=$(date +%s%N)
  times+=($((t1 - t0)))
done
read -r median_ms max_ms < <(printf '%s\n' "${times[@]}" | sort -n | awk '
  { v[NR] = $1 }
  END {
    m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    printf "%.2f %.2f\n", m / 1e6, v[NR] / 1e6
  }')
kill -0 "$DAEMON_PID" 2>/dev/null || die "the daemon exited during the runs"

echo "stretchd status round trip (whole process, release build, $RUNS runs after $WARMUP warm-up, date +%s%N): median ${median_ms} ms, max ${max_ms} ms"

# --- the stats figure -----------------------------------------------------------------------------
if [[ $STATS != 0 && -x $ROOT/bench/stats.sh ]]; then
  log "running bench/stats.sh"
  # The binary was just built (or SKIP_BUILD was asked for): no second build.
  SKIP_BUILD=1 "$ROOT/bench/stats.sh"
elif [[ $STATS != 0 && -f $ROOT/bench/stats.sh ]]; then
  log "running bench/stats.sh"
  SKIP_BUILD=1 bash "$ROOT/bench/stats.sh"
fi
