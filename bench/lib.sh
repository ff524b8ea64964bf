# Shared by bench/compare.sh and assets/screenshot.sh (the benchmarks of stretchd alone are
# `stretchd-bench`, in testkit/); sourced, not run:
#
#   BENCH_NAME=compare   # the prefix of every message
#   source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
#
# Messages and errors (die, log), a temporary directory whose processes are stopped on exit
# (bench_tmp; every background process is recorded in PIDS, or GROUPS_ for setsid session
# leaders), bounded waits (wait_for, alive, pause), bounded builds (build), and a private session:
# dbus-daemon with no service directories (start_bus), Xvfb (start_xvfb) and dunst (start_dunst).
# Every wait has a deadline; every process started is stopped, newest first.

# die MESSAGE...: the message on stderr, exit status 1.
die() {
  echo "$BENCH_NAME: $*" >&2
  exit 1
}

# log MESSAGE...: a progress line on stderr.
log() { echo "$BENCH_NAME: $*" >&2; }

# bench_tmp NAME: makes TMP, a fresh directory stretchd-NAME.XXXXXX under TMPDIR, and installs
# the traps: on exit every recorded process is stopped and TMP removed (kept, and said so, under
# KEEP_TMP=1).
bench_tmp() {
  TMP=$(mktemp -d "${TMPDIR:-/tmp}/stretchd-$1.XXXXXX")
  PIDS=()
  GROUPS_=()
  trap cleanup EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
}

# stop_pid PID: SIGTERM, up to 2 s to exit, then SIGKILL; reaps it.
stop_pid() {
  local pid=$1
  kill -TERM "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 20); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

# stop_group PID: stop_pid for the whole process group of session leader PID (3 s to exit).
stop_group() {
  local pid=$1
  kill -TERM -- "-$pid" 2>/dev/null || {
    wait "$pid" 2>/dev/null || true
    return 0
  }
  for _ in $(seq 1 30); do
    kill -0 -- "-$pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -KILL -- "-$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

# cleanup: the EXIT trap of bench_tmp.
cleanup() {
  local i
  # Stop in reverse order of start.
  for ((i = ${#GROUPS_[@]} - 1; i >= 0; i--)); do stop_group "${GROUPS_[i]}"; done
  GROUPS_=()
  for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do stop_pid "${PIDS[i]}"; done
  PIDS=()
  if [[ ${KEEP_TMP:-0} == 1 ]]; then
    echo "$BENCH_NAME: logs and configs kept in $TMP" >&2
  else
    rm -rf "$TMP"
  fi
}

# drop ARRAY PID: removes PID from the array named ARRAY (PIDS or GROUPS_), once it has been
# waited for, so that the clean-up never signals a process id the system may have handed to
# someone else since.
drop() {
  local -n arr=$1
  local keep=() p
  for p in "${arr[@]}"; do [[ $p == "$2" ]] || keep+=("$p"); done
  arr=(${keep[@]+"${keep[@]}"})
}

# forget PID: drop PIDS PID.
forget() { drop PIDS "$1"; }

# stop PID: stops one process started here and forgets it.
stop() {
  stop_pid "$1"
  forget "$1"
}

# stop_program PID: stops one session leader's process group and forgets it.
stop_program() {
  stop_group "$1"
  drop GROUPS_ "$1"
}

# wait_for SECONDS DESCRIPTION COMMAND...: polls COMMAND every 0.1 s until it succeeds; dies
# after SECONDS.
wait_for() {
  local secs=$1 what=$2
  shift 2
  local deadline=$((SECONDS + secs))
  until "$@"; do
    ((SECONDS < deadline)) || die "timed out after ${secs}s waiting for $what"
    sleep 0.1
  done
}

# alive PID NAME LOGFILE: fails with the process's log (its last ALIVE_LINES lines if set) when
# it has died.
alive() {
  kill -0 "$1" 2>/dev/null && return 0
  echo "$BENCH_NAME: $2 exited early; its log:" >&2
  tail -n "${ALIVE_LINES:-+1}" "$3" | sed 's/^/    /' >&2 || true
  exit 1
}

# pause SECONDS: a background sleep and `wait`, so that an INT or TERM is handled at once.
pause() {
  sleep "$1" &
  local pid=$!
  PIDS+=("$pid")
  wait "$pid" || true
  forget "$pid"
}

# build ARGS...: one cargo run in ROOT bounded by BUILD_TIMEOUT, in the background and waited
# for so that INT or TERM reaches the trap (which stops it).
build() {
  (cd "$ROOT" && exec timeout "$BUILD_TIMEOUT" cargo "$@") &
  local pid=$!
  PIDS+=("$pid")
  wait "$pid" || die "cargo $* failed or took longer than ${BUILD_TIMEOUT}s"
  forget "$pid"
}

# bus_config TYPE DIR: a dbus-daemon config for a bus of TYPE (session or system) listening in
# DIR, with no service directories, so that nothing is ever auto-started.
bus_config() {
  cat <<EOF
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>$1</type>
  <listen>unix:dir=$2</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
EOF
}

# start_bus NAME: a private dbus-daemon of type NAME (session or system), its files in
# TMP/NAME-bus*, waited for (START_TIMEOUT, default 10 s). Sets BUS_PID and BUS_ADDRESS.
start_bus() {
  local name=$1
  mkdir -p "$TMP/$name-bus"
  bus_config "$name" "$TMP/$name-bus" >"$TMP/$name-bus.conf"
  dbus-daemon --config-file="$TMP/$name-bus.conf" --nofork --nopidfile --print-address=3 \
    3>"$TMP/$name-bus.address" >"$TMP/$name-bus.log" 2>&1 &
  BUS_PID=$!
  PIDS+=("$BUS_PID")
  bus_ready() { alive "$BUS_PID" "dbus-daemon ($name)" "$TMP/$name-bus.log" && [[ -s $TMP/$name-bus.address ]]; }
  wait_for "${START_TIMEOUT:-10}" "the $name bus to print its address" bus_ready
  BUS_ADDRESS=$(head -n1 "$TMP/$name-bus.address")
}

# start_xvfb SIZE [ARGS...]: Xvfb with one screen of SIZE (e.g. 1024x768x24) on a free display:
# it picks one itself and writes its number to fd 3 once it accepts connections. Sets XVFB_PID
# and XVFB_DISPLAY (":N").
start_xvfb() {
  local size=$1
  shift
  log "starting Xvfb"
  : >"$TMP/display"
  Xvfb -displayfd 3 -screen 0 "$size" -nolisten tcp "$@" 3>"$TMP/display" >"$TMP/xvfb.log" 2>&1 &
  XVFB_PID=$!
  PIDS+=("$XVFB_PID")
  x_ready() { alive "$XVFB_PID" Xvfb "$TMP/xvfb.log" && grep -qE '^[0-9]+$' "$TMP/display"; }
  wait_for "${START_TIMEOUT:-10}" "Xvfb to report its display" x_ready
  XVFB_DISPLAY=":$(head -n1 "$TMP/display")"
}

# start_dunst: dunst on DISPLAY and the session bus with the config TMP/dunstrc (made empty,
# dunst's built-in defaults, if missing: never the user's or the system's dunstrc), waited for
# until it owns org.freedesktop.Notifications. Sets DUNST_PID.
start_dunst() {
  log "starting dunst on $DISPLAY"
  [[ -e $TMP/dunstrc ]] || : >"$TMP/dunstrc"
  dunst -config "$TMP/dunstrc" >"$TMP/dunst.log" 2>&1 &
  DUNST_PID=$!
  PIDS+=("$DUNST_PID")
  notifications_owned() {
    alive "$DUNST_PID" dunst "$TMP/dunst.log" &&
      timeout 2 dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
        org.freedesktop.DBus.NameHasOwner string:org.freedesktop.Notifications 2>/dev/null |
      grep -q 'boolean true'
  }
  wait_for "${START_TIMEOUT:-10}" "dunst to own org.freedesktop.Notifications" notifications_owned
}
