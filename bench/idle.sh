#!/usr/bin/env bash
# Voluntary context switches per minute of `stretchd run` while the user is active and nothing is
# due, with each idle source that can run here, for the README (issue 4 aims at 2 a minute at
# most). Prints one markdown table and writes it to bench/idle-results.md.
#
# Everything runs in a private session: HOME and the XDG directories in a temporary directory,
# a private session bus, and a second private bus standing in for the system bus
# (DBUS_SYSTEM_BUS_ADDRESS) on which the fake logind of tests/common/logind.rs runs (from
# tests/bench_support.rs), so that every run has logind's suspend and lock signals, as in a real
# session. Per source:
#
#   none     no idle source: the baseline.
#   logind   logind's IdleHint (the fake's stays false, as logind's does while the user is active).
#   x11      Xvfb; the user is kept active by `xdotool mousemove` every ACTIVITY_EVERY seconds,
#            from this script (outside stretchd). Run twice: with the default natural_break,
#            and with a short one (X11_CHECK_BREAK_S) so that the questions the source is asked
#            once per natural_break fall inside the window and their cost shows.
#   wayland  ext-idle-notify-v1 of KWin (`kwin_wayland --virtual`); the user is kept active every
#            ACTIVITY_EVERY seconds by KDE's simulate_user_activity (tests/bench_support.rs).
#            sway is not used: Debian 12's sway 1.7 predates the protocol (sway 1.8).
#   mutter   GNOME's IdleMonitor: needs gnome-shell or mutter on a session bus; listed as not run
#            when neither is installed.
#
# Each run: a config with nothing due (a cron reminder on 1 January) and natural_break
# NATURAL_BREAK_S; start `stretchd run`, wait for "stretchd is running" and for the idle
# source to be the one asked for, let it settle SETTLE s, then sum voluntary_ctxt_switches and
# nonvoluntary_ctxt_switches over /proc/PID/task/*/status at the start and the end of a WINDOW.
# The daemon logs at debug level, so the X11 source's questions ("asked the idle time") in the
# window are counted too. After the window, one `stretchd status` must show in the counters (a
# check that a zero is a zero), and the run fails if the daemon saw the user away or showed a
# reminder during the window.
#
# Environment knobs:
#   WINDOW=120          seconds measured per source
#   SETTLE=3            seconds between "stretchd is running" and the start of the window
#   ACTIVITY_EVERY=5    seconds between two inputs of the simulated user
#   NATURAL_BREAK_S=300 natural_break in seconds (stretchd's default, 5 min)
#   X11_CHECK_BREAK_S=30  a second X11 run with this natural_break, so that the X11 source's
#                       questions (one per natural_break) fall inside the window and their cost
#                       shows; 0 skips it
#   SOURCES="none logind x11 wayland mutter"   which rows, in order
#   SKIP_BUILD=0        1 uses the existing release binary and test helper as they are
#   BUILD_TIMEOUT=1800  bound on each cargo build (it may wait on another build's lock)
#   OUT=bench/idle-results.md   where the table is written
#   KEEP_TMP=1          keep the temp dir (logs of every process, configs) for inspection
set -euo pipefail

WINDOW=${WINDOW:-120}
SETTLE=${SETTLE:-3}
ACTIVITY_EVERY=${ACTIVITY_EVERY:-5}
SOURCES=${SOURCES:-none logind x11 wayland mutter}
SKIP_BUILD=${SKIP_BUILD:-0}
BUILD_TIMEOUT=${BUILD_TIMEOUT:-1800}
START_TIMEOUT=20 # seconds for each bus, Xvfb, KWin, the fake logind and stretchd to come up
NATURAL_BREAK_S=${NATURAL_BREAK_S:-300}
X11_CHECK_BREAK_S=${X11_CHECK_BREAK_S:-30}

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT=${OUT:-$ROOT/bench/idle-results.md}
BIN="${CARGO_TARGET_DIR:-$ROOT/target}/release/stretchd"

BENCH_NAME=idle-bench
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"

[[ $WINDOW =~ ^[0-9]+$ && $WINDOW -gt 0 ]] || die "WINDOW must be a positive number of seconds, got '$WINDOW'"
[[ $SETTLE =~ ^[0-9]+$ ]] || die "SETTLE must be a number of seconds, got '$SETTLE'"
[[ $ACTIVITY_EVERY =~ ^[0-9]+$ && $ACTIVITY_EVERY -gt 0 ]] || die "ACTIVITY_EVERY must be a positive number of seconds, got '$ACTIVITY_EVERY'"
[[ $NATURAL_BREAK_S =~ ^[0-9]+$ && $NATURAL_BREAK_S -gt $ACTIVITY_EVERY ]] || die "NATURAL_BREAK_S must be a number of seconds above ACTIVITY_EVERY, got '$NATURAL_BREAK_S'"
[[ $X11_CHECK_BREAK_S =~ ^[0-9]+$ && ($X11_CHECK_BREAK_S == 0 || $X11_CHECK_BREAK_S -gt $ACTIVITY_EVERY) ]] ||
  die "X11_CHECK_BREAK_S must be 0 or a number of seconds above ACTIVITY_EVERY, got '$X11_CHECK_BREAK_S'"
for s in $SOURCES; do
  [[ $s =~ ^(none|logind|x11|wayland|mutter)$ ]] || die "unknown source '$s' in SOURCES (none logind x11 wayland mutter)"
done

missing=()
for tool in cargo jq dbus-daemon dbus-send timeout awk grep; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
((${#missing[@]} == 0)) || die "missing tool(s): ${missing[*]} (on Debian: apt-get install dbus-daemon dbus-bin jq)"
[[ -r /proc/self/status ]] || die "/proc is not mounted; cannot read context switches"

# --- clean-up: every process started here is recorded in PIDS and stopped on exit ------------
bench_tmp idle

# --- build --------------------------------------------------------------------------------------
if [[ $SKIP_BUILD != 1 ]]; then
  log "building the release binary (cargo build --release)"
  build build --release --quiet
fi
[[ -x $BIN ]] || die "no binary at $BIN (build it, or unset SKIP_BUILD)"
log "building the benchmark helpers (tests/bench_support.rs)"
# Cargo knows whether the helper is up to date; with SKIP_BUILD=1 this only reads its path.
build test --test bench_support --no-run --quiet --message-format=json >"$TMP/helper.json"
HELPER=$(jq -r 'select(.reason == "compiler-artifact" and .target.name == "bench_support") | .executable // empty' \
  "$TMP/helper.json" | tail -n1)
[[ -n $HELPER && -x $HELPER ]] || die "cannot find the bench_support test binary"
# Read now: rustup finds its toolchain through $HOME, which the private session replaces.
RUSTC_VERSION=$(cd "$ROOT" && rustc --version) || die "rustc --version failed"

# --- private session --------------------------------------------------------------------------
private_home
unset NOTIFY_SOCKET DBUS_SESSION_BUS_PID DISPLAY WAYLAND_DISPLAY WAYLAND_SOCKET

log "starting the private session and system buses"
start_bus session
export DBUS_SESSION_BUS_ADDRESS=$BUS_ADDRESS
start_bus system
SYSTEM_BUS=$BUS_ADDRESS

# --- the fake logind ------------------------------------------------------------------------------
n_runs=$(($(wc -w <<<"$SOURCES") + 1)) # x11 may run twice
FAKE_SECONDS=$((n_runs * (WINDOW + SETTLE + 4 * START_TIMEOUT) + 60))
log "starting the fake logind"
STRETCHD_BENCH_BUS=$SYSTEM_BUS STRETCHD_BENCH_SECONDS=$FAKE_SECONDS \
  "$HELPER" --ignored --exact serve_fake_logind --nocapture >"$TMP/logind.log" 2>&1 &
LOGIND_PID=$!
PIDS+=("$LOGIND_PID")
logind_owned() {
  alive "$LOGIND_PID" "the fake logind" "$TMP/logind.log" &&
    timeout 2 dbus-send --bus="$SYSTEM_BUS" --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
      org.freedesktop.DBus.NameHasOwner string:org.freedesktop.login1 2>/dev/null | grep -q 'boolean true'
}
wait_for "$START_TIMEOUT" "the fake logind to own org.freedesktop.login1" logind_owned

# --- one measurement --------------------------------------------------------------------------
CFG="$TMP/config" # a directory of its own: stretchd watches its config's directory
mkdir -p "$CFG"

# ctxt_switches PID: "<voluntary> <nonvoluntary> <threads>" summed over the process's threads.
ctxt_switches() {
  local v=0 n=0 t=0 f a b
  for f in /proc/"$1"/task/*/status; do
    read -r a b < <(awk '/^voluntary_ctxt_switches:/ {v=$2} /^nonvoluntary_ctxt_switches:/ {n=$2}
                          END {print v+0, n+0}' "$f" 2>/dev/null) || continue
    v=$((v + a)) n=$((n + b)) t=$((t + 1))
  done
  echo "$v $n $t"
}
per_min() { awk -v c="$1" -v w="$WINDOW" 'BEGIN {printf "%.1f", c * 60 / w}'; }

ROWS=()
# row SOURCE SESSION ACTIVITY NATURAL_BREAK VOL NONVOL ASKS THREADS EXPECTED
row() { ROWS+=("| $1 | $2 | $3 | $4 | $5 | $6 | $7 | $8 | $9 |"); }

# nb_text SECONDS: "5 min" or "30 s".
nb_text() { if (($1 % 60 == 0)); then echo "$(($1 / 60)) min"; else echo "$1 s"; fi; }

# measure NAME SOURCE NATURAL_BREAK_S SESSION ACTIVITY EXPECTED [VAR=VALUE...]: runs `stretchd
# run` with idle_source SOURCE, that natural_break and the variables given, measures it over
# WINDOW, adds a row. NAME tells the run's files apart.
measure() {
  local name=$1 source=$2 nb=$3 session=$4 activity=$5 expected=$6
  shift 6
  local cfg="$CFG/$name.toml" slog="$TMP/stretchd-$name.log"
  cat >"$cfg" <<EOF
[schedule]
work_days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
work_hours = ["00:00-24:00"]

[presence]
idle_source = "$source"
natural_break = "${nb}s"

[[reminder]]
id = "new-year"
kind = "stretch"
cron = "0 0 1 1 *"
EOF
  : >"$slog"
  env "$@" DBUS_SYSTEM_BUS_ADDRESS="$SYSTEM_BUS" RUST_LOG=stretchd=debug \
    "$BIN" run --config "$cfg" 2>"$slog" >/dev/null &
  local pid=$!
  PIDS+=("$pid")
  running() { alive "$pid" stretchd "$slog" && grep -q 'stretchd is running' "$slog"; }
  wait_for "$START_TIMEOUT" "stretchd ($source) to log \"stretchd is running\"" running
  grep -q "idle source: $source" "$slog" ||
    die "stretchd did not pick the idle source $source; its log: $(cat "$slog")"
  grep -q 'logind: following the session' "$slog" ||
    die "stretchd did not follow the fake logind's session; its log: $(cat "$slog")"
  pause "$SETTLE"

  log "measuring $name for ${WINDOW}s ($activity)"
  alive "$pid" stretchd "$slog"
  local v0 n0 t0 v1 n1 t1 lines0
  read -r v0 n0 t0 < <(ctxt_switches "$pid")
  lines0=$(wc -l <"$slog")
  pause "$WINDOW"
  alive "$pid" stretchd "$slog"
  read -r v1 n1 t1 < <(ctxt_switches "$pid")
  local window_log="$TMP/window-$name.log"
  tail -n +"$((lines0 + 1))" "$slog" >"$window_log"
  # A check on the counting itself: one `stretchd status` wakes the daemon, which must show.
  local v2 n2 t2
  timeout 10 "$BIN" status >/dev/null || die "stretchd status failed after the $source window"
  read -r v2 n2 t2 < <(ctxt_switches "$pid")
  ((v2 > v1)) || die "a status request did not show in the context switches of $source; the counting is broken"
  stop "$pid"

  local asks away shown threads=$t1
  asks=$(grep -c 'asked the idle time' "$window_log" || true)
  away=$(grep -c ' away reason=' "$window_log" || true)
  shown=$(grep -cE ': reminder reminder=' "$window_log" || true)
  ((away == 0)) || die "stretchd saw the user away during the $source window; the user should be active: $(cat "$window_log")"
  ((shown == 0)) || die "a reminder fired during the $source window, but nothing was due"
  [[ $t0 == "$t1" ]] || threads="$t0 → $t1"
  log "$name: $((v1 - v0)) voluntary, $((n1 - n0)) non-voluntary context switches, $asks idle-time questions"
  row "$source" "$session" "$activity" "$(nb_text "$nb")" "$((v1 - v0)) ($(per_min $((v1 - v0))))" \
    "$((n1 - n0)) ($(per_min $((n1 - n0))))" "$asks" "$threads" "$expected"
}

# not_run SOURCE WHY EXPECTED
not_run() { row "$1" "not run: $2" "" "" "" "" "" "" "$3"; }

# --- the sources ------------------------------------------------------------------------------
EXPECT_PUSH="0 (pushed: stretchd sleeps until the source writes)"
for source in $SOURCES; do
  case $source in
    none)
      measure none none "$NATURAL_BREAK_S" "private buses only" "n/a" "0 (nothing due, no idle source)"
      ;;
    logind)
      measure logind logind "$NATURAL_BREAK_S" "fake logind on a private system bus" \
        "IdleHint stays false (logind signals only on a change)" \
        "0 (pushed: PropertiesChanged on IdleHint changes only)"
      ;;
    x11)
      if ! command -v Xvfb >/dev/null || ! command -v xdotool >/dev/null; then
        not_run x11 "Xvfb or xdotool missing (apt-get install xvfb xdotool)" \
          "one X round trip per natural_break while active"
        continue
      fi
      start_xvfb 1024x768x24
      X_DISPLAY=$XVFB_DISPLAY
      DISPLAY=$X_DISPLAY timeout 10 xdotool mousemove 10 10 || die "xdotool cannot move the pointer on $X_DISPLAY"
      # The simulated user: a pointer move every ACTIVITY_EVERY seconds, alternating between two
      # places so that each is a real motion.
      (
        trap 'kill "$sp" 2>/dev/null; exit 0' TERM
        x=100
        while :; do
          DISPLAY=$X_DISPLAY timeout 10 xdotool mousemove "$x" "$x" || exit 1
          x=$((300 - x))
          sleep "$ACTIVITY_EVERY" &
          sp=$!
          wait "$sp"
        done
      ) >"$TMP/xdotool.log" 2>&1 &
      ACT_PID=$!
      PIDS+=("$ACT_PID")
      x11_expected() {
        echo "$(awk -v nb="$1" 'BEGIN {printf "%.1f", 60 / nb}') (one X round trip per natural_break while active, the first one natural_break after the start)"
      }
      measure x11 x11 "$NATURAL_BREAK_S" "Xvfb" "xdotool mousemove every ${ACTIVITY_EVERY}s" \
        "$(x11_expected "$NATURAL_BREAK_S")" DISPLAY="$X_DISPLAY"
      # The questions do not show in a window shorter than natural_break: once more with a short
      # one, for what each question costs.
      if ((X11_CHECK_BREAK_S > 0)); then
        measure x11-short x11 "$X11_CHECK_BREAK_S" "Xvfb" "xdotool mousemove every ${ACTIVITY_EVERY}s" \
          "$(x11_expected "$X11_CHECK_BREAK_S")" DISPLAY="$X_DISPLAY"
      fi
      alive "$ACT_PID" "the xdotool loop" "$TMP/xdotool.log"
      stop "$ACT_PID"
      stop "$XVFB_PID"
      ;;
    wayland)
      if ! command -v kwin_wayland >/dev/null; then
        not_run wayland "kwin_wayland missing (apt-get install kwin-wayland); sway 1.7 lacks ext-idle-notify-v1" \
          "$EXPECT_PUSH"
        continue
      fi
      log "starting KWin (kwin_wayland --virtual)"
      KWIN_DIR="$TMP/kwin"
      mkdir -p "$KWIN_DIR/run"
      chmod 700 "$KWIN_DIR/run"
      # Debian gives kwin_wayland a file capability, and exec fails where that capability is not
      # in the bounding set (containers); a copy has none.
      cp "$(command -v kwin_wayland)" "$KWIN_DIR/kwin_wayland"
      # Off every bus: KWin needs none for this, and must not talk to stretchd's.
      env -u XDG_SESSION_TYPE -u DISPLAY -u WAYLAND_DISPLAY \
        XDG_RUNTIME_DIR="$KWIN_DIR/run" HOME="$KWIN_DIR" XDG_CONFIG_HOME="$KWIN_DIR/config" \
        DBUS_SESSION_BUS_ADDRESS="unix:path=$KWIN_DIR/no-bus" KWIN_COMPOSE=Q \
        "$KWIN_DIR/kwin_wayland" --virtual --no-lockscreen --no-global-shortcuts --no-kactivities \
        --socket wayland-stretchd --width 640 --height 480 >"$TMP/kwin.log" 2>&1 &
      KWIN_PID=$!
      PIDS+=("$KWIN_PID")
      WL_SOCKET="$KWIN_DIR/run/wayland-stretchd"
      kwin_ready() { alive "$KWIN_PID" kwin_wayland "$TMP/kwin.log" && [[ -S $WL_SOCKET ]]; }
      wait_for "$START_TIMEOUT" "KWin's Wayland socket" kwin_ready
      STRETCHD_BENCH_WAYLAND=$WL_SOCKET STRETCHD_BENCH_EVERY=$ACTIVITY_EVERY \
        STRETCHD_BENCH_SECONDS=$((WINDOW + SETTLE + 2 * START_TIMEOUT)) \
        "$HELPER" --ignored --exact kwin_activity --nocapture >"$TMP/kwin-activity.log" 2>&1 &
      ACT_PID=$!
      PIDS+=("$ACT_PID")
      acting() {
        alive "$ACT_PID" "the KWin activity helper" "$TMP/kwin-activity.log" &&
          grep -q 'simulating user activity' "$TMP/kwin-activity.log"
      }
      wait_for "$START_TIMEOUT" "the KWin activity helper to start" acting
      measure wayland wayland "$NATURAL_BREAK_S" "KWin $("$KWIN_DIR/kwin_wayland" --version 2>/dev/null | awk '{print $2}' || true) --virtual" \
        "simulate_user_activity every ${ACTIVITY_EVERY}s" "$EXPECT_PUSH" \
        WAYLAND_DISPLAY="$WL_SOCKET"
      alive "$ACT_PID" "the KWin activity helper" "$TMP/kwin-activity.log"
      stop "$ACT_PID"
      stop "$KWIN_PID"
      ;;
    mutter)
      if command -v gnome-shell >/dev/null || command -v mutter >/dev/null; then
        not_run mutter "needs a GNOME session on the bus; not automated here" "$EXPECT_PUSH"
      else
        not_run mutter "no gnome-shell or mutter installed" "$EXPECT_PUSH"
      fi
      ;;
  esac
done

# --- report -------------------------------------------------------------------------------------
CPU=$(awk -F': *' '/^model name/ {print $2; exit}' /proc/cpuinfo)
COMMIT=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
if [[ $COMMIT != unknown && -n $(git -C "$ROOT" status --porcelain -- src Cargo.toml Cargo.lock 2>/dev/null) ]]; then
  COMMIT="$COMMIT (with uncommitted changes to src/ or Cargo.*)"
fi
TABLE=$(
  echo "| Idle source | Session | User activity | natural_break | Voluntary ctxt switches in ${WINDOW} s (per min) | Non-voluntary (per min) | Idle-time questions in the window | Threads | Expected wakeups per min (design) |"
  echo "|---|---|---|---|---|---|---|---|---|"
  printf '%s\n' "${ROWS[@]}"
  echo
  echo "Nothing due (one cron reminder on 1 January), every run with the fake logind on a private system bus (suspend and lock signals), release build, counters summed over /proc/PID/task/*/status, window started ${SETTLE} s after \"stretchd is running\"; after each window one \`stretchd status\` was checked to show in the counters."
  echo "$(date -u '+%Y-%m-%d %H:%M UTC'); $(uname -srm); ${CPU:-unknown CPU} ($(nproc 2>/dev/null || echo '?') CPUs); $RUSTC_VERSION; stretchd $COMMIT."
)
printf '%s\n' "$TABLE" | tee "$OUT"
log "written to ${OUT#"$ROOT"/} in ${SECONDS}s"
