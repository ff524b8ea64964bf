#!/usr/bin/env bash
# stretchd side by side with Safe Eyes and Workrave, in one private session and one run.
#
# Starts its own session (a session dbus-daemon and a stand-in system dbus-daemon, both with a
# minimal config without service directories so nothing is ever auto-started; Xvfb on a free
# display via -displayfd; dunst as the notification server; a simulated user who moves the
# pointer every ACTIVITY_EVERY seconds), installs `safeeyes` and `workrave` with apt-get when
# they are missing, and measures, one program at a time:
#
#   - resident memory (VmRSS and VmHWM summed over every process in the program's session; each
#     program is started under `setsid`) SETTLE seconds after start-up, with nothing due;
#   - wakeups: voluntary + involuntary context switches of every thread of every process of the
#     program over WINDOW seconds with nothing due (threads are sampled every 0.25 s, so threads
#     that end during the window keep their last count), and the CPU time used meanwhile;
#   - resident memory again after REMINDERS reminders, each program at the shortest interval its
#     config allows (see below);
#   - for stretchd alone: start to ready (spawn to READY=1 on a NOTIFY_SOCKET bound here), the
#     lateness of LATENESS reminders of a `* * * * * *` cron against their second (the log line's
#     timestamp, and the Notify call's arrival on the bus), the `stretchd status` round trip, the
#     `stretchd stats` time over a year of history (`stretchd-bench stats`, testkit/) and the
#     release binary size.
#
# The short intervals: stretchd `every = "1s"`. Safe Eyes: `short_break_interval` is in minutes
# and its settings dialog stops at 1, but its JSON file takes any number: SAFEEYES_INTERVAL
# (0.05 min = 3 s) with the shortest warning and break (1 s each) the dialog allows. Workrave:
# the micro-break `limit` (seconds, of active time) WORKRAVE_LIMIT=3 with `auto-reset` 2 s; its
# timers only run while the user is active, so during that phase this script moves the pointer
# until Workrave shows its micro-break prelude, then stops until Workrave counts the pause as
# taken (its idle threshold is 5 s), and counts preludes. Workrave's settings go through GSettings'
# keyfile backend (GSETTINGS_BACKEND=keyfile), since dconf's writer cannot be D-Bus-activated on a
# bus without service directories.
#
# Before the peers are measured, each runs once for WARMUP seconds, unmeasured: the first GTK 3
# program on a fresh X server loads Mesa to choose its GL visuals and caches the choice on the root
# window (GDK_VISUALS), which on a desktop some other GTK program has always done.
#
# Prints one markdown table and writes it, with the date, machine and versions, to
# bench/compare-results.md.
#
# Environment knobs:
#   WINDOW=60              seconds of each wakeup window
#   SETTLE=10              seconds between start-up and the first memory reading
#   REMINDERS=20           reminders before the second memory reading
#   LATENESS=50            reminders whose lateness is measured
#   READY_RUNS=10          timed start-ups of stretchd (after one untimed)
#   STATUS_RUNS=20         timed `stretchd status` calls (after 3 untimed)
#   ACTIVITY_EVERY=5       seconds between two pointer moves of the simulated user
#   SAFEEYES_INTERVAL=0.05 Safe Eyes short_break_interval (minutes) for the reminder phase
#   WORKRAVE_LIMIT=3       Workrave micro-break limit (seconds) for the reminder phase
#   PEERS="safeeyes workrave"  which peers to run (empty: stretchd alone)
#   WARMUP=5               seconds each peer runs once, unmeasured, before the measurements
#   SKIP_BUILD=0           1 uses the existing release binary as it is
#   BUILD_TIMEOUT=1800     bound on `cargo build --release` (it may wait on another build's lock)
#   KEEP_TMP=1             keep the temp dir (logs of every process, configs) for inspection
set -euo pipefail

WINDOW=${WINDOW:-60}
SETTLE=${SETTLE:-10}
REMINDERS=${REMINDERS:-20}
LATENESS=${LATENESS:-50}
READY_RUNS=${READY_RUNS:-10}
STATUS_RUNS=${STATUS_RUNS:-20}
ACTIVITY_EVERY=${ACTIVITY_EVERY:-5}
SAFEEYES_INTERVAL=${SAFEEYES_INTERVAL:-0.05}
WORKRAVE_LIMIT=${WORKRAVE_LIMIT:-3}
PEERS=${PEERS-safeeyes workrave}
WARMUP=${WARMUP:-5}
SKIP_BUILD=${SKIP_BUILD:-0}
BUILD_TIMEOUT=${BUILD_TIMEOUT:-1800}
START_TIMEOUT=20 # seconds for each bus, Xvfb, dunst and stretchd to come up
CALL_TIMEOUT=10  # seconds for one `stretchd status` or dbus-send

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT="$ROOT/bench/compare-results.md"
BIN="${CARGO_TARGET_DIR:-$ROOT/target}/release/stretchd"
# The benchmark binary of testkit/ (a debug build), for the `stretchd stats` figure.
BENCH_BIN="${CARGO_TARGET_DIR:-$ROOT/target}/debug/stretchd-bench"

BENCH_NAME=compare
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"

posint() { [[ $2 =~ ^[0-9]+$ && $2 -gt 0 ]] || die "$1 must be a positive whole number, got '$2'"; }
posint WINDOW "$WINDOW"
posint SETTLE "$SETTLE"
posint REMINDERS "$REMINDERS"
posint LATENESS "$LATENESS"
posint READY_RUNS "$READY_RUNS"
posint STATUS_RUNS "$STATUS_RUNS"
posint ACTIVITY_EVERY "$ACTIVITY_EVERY"
posint WORKRAVE_LIMIT "$WORKRAVE_LIMIT"
posint WARMUP "$WARMUP"
[[ $SAFEEYES_INTERVAL =~ ^[0-9]*\.?[0-9]+$ ]] || die "SAFEEYES_INTERVAL must be a number of minutes, got '$SAFEEYES_INTERVAL'"
for p in $PEERS; do
  [[ $p =~ ^(safeeyes|workrave)$ ]] || die "unknown peer '$p' in PEERS (safeeyes workrave)"
done

# --- tools ------------------------------------------------------------------------------------
# Safe Eyes runs on the system's python3 (its own #!/usr/bin/python3); the helpers here use the
# same one, which does not depend on $HOME (a pyenv shim would, and HOME is replaced below).
PY=/usr/bin/python3
[[ -x $PY ]] || PY=$(command -v python3 || true)
missing=()
for tool in dbus-daemon dbus-send dbus-monitor Xvfb dunst xdotool setsid timeout awk grep sed sort date uname; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
[[ -n $PY ]] || missing+=(python3)
[[ $SKIP_BUILD == 1 ]] || command -v cargo >/dev/null 2>&1 || missing+=(cargo)
if ((${#missing[@]})); then
  die "missing tool(s): ${missing[*]} (on Debian: apt-get install dbus-daemon dbus-bin xvfb dunst xdotool python3 util-linux)"
fi
[[ -r /proc/self/status ]] || die "/proc is not mounted; cannot read memory and context switches"

# --- the peers --------------------------------------------------------------------------------
need=()
for p in $PEERS; do command -v "$p" >/dev/null 2>&1 || need+=("$p"); done
if ((${#need[@]})); then
  if [[ $(id -u) != 0 ]]; then
    die "${need[*]} not installed, and installing needs root: run 'apt-get install -y --no-install-recommends ${need[*]}' (or PEERS=\"\" to measure stretchd alone)"
  fi
  command -v apt-get >/dev/null 2>&1 || die "${need[*]} not installed and no apt-get to install them with"
  log "installing ${need[*]} (apt-get install -y --no-install-recommends)"
  timeout 1800 env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${need[@]}" >&2 ||
    die "apt-get install ${need[*]} failed (try apt-get update first)"
  for p in "${need[@]}"; do command -v "$p" >/dev/null 2>&1 || die "$p still missing after apt-get install"; done
fi
# Safe Eyes refuses to start when it sees another Safe Eyes on the machine (any user's); say so
# up front rather than measure nothing.
if [[ " $PEERS " == *" safeeyes "* ]]; then
  for c in /proc/[0-9]*/cmdline; do
    if tr '\0' ' ' <"$c" 2>/dev/null | grep -qE '^[^ ]*python[0-9.]* [^ ]*safeeyes'; then
      die "a Safe Eyes process is already running on this machine ($(dirname "$c")); Safe Eyes would not start a second one"
    fi
  done
fi

# --- clean-up: every process started here is recorded and stopped on exit -----------------------
# PIDS: plain background processes (buses, Xvfb, dunst, helpers); GROUPS_: session leaders
# started with setsid, whose whole process group is stopped.
bench_tmp compare
# A dead process's log: its last 40 lines.
ALIVE_LINES=40

# --- build --------------------------------------------------------------------------------------
if [[ $SKIP_BUILD != 1 ]]; then
  log "building the release binary (cargo build --release)"
  build build --release --quiet
  log "building stretchd-bench (cargo build -p testkit --bin stretchd-bench)"
  build build -p testkit --bin stretchd-bench --quiet
fi
[[ -x $BIN ]] || die "no binary at $BIN (build it, or unset SKIP_BUILD)"
# Read now: rustup finds its toolchain through $HOME, which the private session replaces.
RUSTC_VERSION=$(cd "$ROOT" && rustc --version 2>/dev/null) || RUSTC_VERSION="rustc (unknown)"

# --- the helpers (python) -------------------------------------------------------------------------
cat >"$TMP/helper.py" <<'PY'
"""Measuring helpers for bench/compare.sh.

  mem SID                      "<rss kB> <hwm kB> <processes> <threads> <processes with Mesa
                               (libLLVM or a DRI driver) mapped>" over the program
  window SID SECONDS           context switches and CPU time of every thread over SECONDS
  lateness LOG N MONITOR_LOG   lateness of the first N reminders in stretchd's LOG
  ready RUNS BIN CONFIG LOG    spawn to READY=1 on a NOTIFY_SOCKET, RUNS times after one untimed

A program is every process in the session SID (started with setsid) plus any descendant of SID
that left it.
"""
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import time

TICK = os.sysconf("SC_CLK_TCK")


def stat_fields(path):
    with open(path, "rb") as f:
        data = f.read()
    # The fields after the command name, which may hold spaces and parentheses.
    return data[data.rindex(b")") + 2 :].split()


def program_pids(sid):
    ppid, members = {}, set()
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            rest = stat_fields(f"/proc/{name}/stat")
        except (OSError, ValueError):
            continue
        pid = int(name)
        ppid[pid] = int(rest[1])
        if int(rest[3]) == sid:
            members.add(pid)
    if sid in ppid:
        members.add(sid)
    changed = True
    while changed:  # descendants that started a session of their own
        changed = False
        for pid, parent in ppid.items():
            if parent in members and pid not in members:
                members.add(pid)
                changed = True
    return sorted(members)


def status(path):
    out = {}
    try:
        with open(path) as f:
            for line in f:
                key, _, value = line.partition(":")
                out[key] = value.strip()
    except OSError:
        pass
    return out


def kb(value):
    return int(value.split()[0]) if value else 0


def mesa_mapped(pid):
    try:
        with open(f"/proc/{pid}/maps") as f:
            return any("libLLVM" in line or "_dri.so" in line for line in f)
    except OSError:
        return False


def mem(sid):
    rss = hwm = threads = mesa = 0
    pids = program_pids(sid)
    for pid in pids:
        s = status(f"/proc/{pid}/status")
        rss += kb(s.get("VmRSS"))
        hwm += kb(s.get("VmHWM"))
        threads += int(s.get("Threads", "0"))
        mesa += mesa_mapped(pid)
    print(rss, hwm, len(pids), threads, mesa)


def snapshot(sid):
    """{(pid, tid, start time): (voluntary, involuntary, cpu ticks)} for every thread."""
    snap, pids = {}, program_pids(sid)
    for pid in pids:
        try:
            tids = os.listdir(f"/proc/{pid}/task")
        except OSError:
            continue
        for tid in tids:
            base = f"/proc/{pid}/task/{tid}"
            try:
                rest = stat_fields(f"{base}/stat")
            except (OSError, ValueError):
                continue
            s = status(f"{base}/status")
            if "voluntary_ctxt_switches" not in s:
                continue
            key = (pid, int(tid), rest[19])
            snap[key] = (
                int(s["voluntary_ctxt_switches"]),
                int(s["nonvoluntary_ctxt_switches"]),
                int(rest[11]) + int(rest[12]),
                s.get("Name", "?"),
            )
    return snap, pids


def window(sid, seconds):
    start, pids0 = snapshot(sid)
    seen, pids_seen = dict(start), set(pids0)
    t0 = time.monotonic()
    end = t0 + seconds
    while True:
        left = end - time.monotonic()
        if left <= 0:
            break
        time.sleep(min(0.25, left))
        snap, pids = snapshot(sid)
        seen.update(snap)
        pids_seen.update(pids)
    final, pids1 = snapshot(sid)
    seen.update(final)
    zero = (0, 0, 0, "")
    vol = sum(v[0] - start.get(k, zero)[0] for k, v in seen.items())
    inv = sum(v[1] - start.get(k, zero)[1] for k, v in seen.items())
    cpu = sum(v[2] - start.get(k, zero)[2] for k, v in seen.items())
    # Which threads woke, by name (the thread's comm; a name can stand for several threads).
    by_name = {}
    for k, v in seen.items():
        b = start.get(k, zero)
        n = v[0] - b[0] + v[1] - b[1]
        if n:
            by_name[v[3]] = by_name.get(v[3], 0) + n
    top = sorted(by_name.items(), key=lambda kv: -kv[1])[:5]
    print(json.dumps({
        "seconds": round(time.monotonic() - t0, 2),
        "voluntary": vol,
        "involuntary": inv,
        "cpu_ms": round(cpu * 1000 / TICK),
        "processes": len(pids1),
        "threads": len(final),
        "processes_seen": len(pids_seen),
        "threads_seen": len(seen),
        "threads_gone": len(set(seen) - set(final)),
        "by_thread": ", ".join(f"{name} {n}" for name, n in top),
    }))


def parse_log_time(text):
    """'2026-11-24T12:52:53.001764Z' -> (whole seconds since the epoch, fraction)."""
    import calendar
    date, _, clock = text.rstrip("Z").partition("T")
    whole, _, frac = clock.partition(".")
    y, mo, d = (int(x) for x in date.split("-"))
    h, mi, s = (int(x) for x in whole.split(":"))
    return calendar.timegm((y, mo, d, h, mi, s)), float("0." + (frac or "0"))


def lateness(logfile, n, monitor_log):
    fires = []
    with open(logfile) as f:
        for line in f:
            if ": reminder reminder=" in line:
                fires.append(parse_log_time(line.split()[0]))
    fires = fires[:n]
    if not fires:
        print(json.dumps({"count": 0}))
        return
    late = [frac * 1000 for _, frac in fires]
    seconds = [s for s, _ in fires]
    gaps = sum(b - a - 1 for a, b in zip(seconds, seconds[1:]) if b - a > 1)
    # Notify calls seen on the bus from the first fire's second on, matched in order.
    calls = []
    with open(monitor_log) as f:
        for line in f:
            if line.startswith("method call ") and "member=Notify" in line:
                t = float(line.split("time=")[1].split()[0])
                if t >= seconds[0]:
                    calls.append(t)
    bus = None
    if len(calls) >= len(fires):
        bus = [(t - s) * 1000 for t, s in zip(calls, seconds)]
    out = {
        "count": len(fires),
        "skipped_seconds": gaps,
        "median_ms": round(statistics.median(late), 2),
        "max_ms": round(max(late), 2),
        "min_ms": round(min(late), 2),
    }
    if bus is not None and all(0 <= b < 1000 for b in bus):
        out["bus_median_ms"] = round(statistics.median(bus), 2)
        out["bus_max_ms"] = round(max(bus), 2)
    print(json.dumps(out))


def ready(runs, binary, config, logfile):
    child = None

    def stop_child(*_):
        if child is not None and child.poll() is None:
            try:
                os.killpg(child.pid, signal.SIGKILL)
            except OSError:
                pass
        sys.exit(143)

    signal.signal(signal.SIGTERM, stop_child)
    signal.signal(signal.SIGINT, stop_child)
    path = os.path.join(os.path.dirname(logfile), "notify.sock")
    times = []
    with open(logfile, "w") as log:
        for i in range(runs + 1):
            if os.path.exists(path):
                os.unlink(path)
            sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
            sock.bind(path)
            sock.settimeout(20)
            env = dict(os.environ, NOTIFY_SOCKET=path, RUST_LOG="info")
            t0 = time.monotonic()
            child = subprocess.Popen([binary, "run", "--config", config], env=env,
                                     stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                     stderr=log, start_new_session=True)
            try:
                while True:
                    data = sock.recv(4096)
                    if b"READY=1" in data.split(b"\n"):
                        break
            except socket.timeout:
                stop_child()
                sys.exit("no READY=1 within 20 s")
            t1 = time.monotonic()
            child.terminate()
            try:
                child.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(child.pid, signal.SIGKILL)
                child.wait()
            child = None
            sock.close()
            if i > 0:  # the first run warms the page cache
                times.append((t1 - t0) * 1000)
    print(json.dumps({
        "runs": len(times),
        "median_ms": round(statistics.median(times), 2),
        "max_ms": round(max(times), 2),
        "min_ms": round(min(times), 2),
    }))


if __name__ == "__main__":
    cmd, args = sys.argv[1], sys.argv[2:]
    if cmd == "mem":
        mem(int(args[0]))
    elif cmd == "window":
        window(int(args[0]), float(args[1]))
    elif cmd == "lateness":
        lateness(args[0], int(args[1]), args[2])
    elif cmd == "ready":
        ready(int(args[0]), args[1], args[2], args[3])
    else:
        sys.exit(f"unknown command {cmd}")
PY
helper() { "$PY" "$TMP/helper.py" "$@"; }
# run_bg OUTFILE COMMAND...: runs COMMAND in the background with its output in OUTFILE and waits
# for it, so that an INT or TERM reaches the trap (which stops it) at once.
run_bg() {
  local out=$1 pid rc=0
  shift
  "$@" >"$out" &
  pid=$!
  PIDS+=("$pid")
  wait "$pid" || rc=$?
  drop PIDS "$pid"
  return "$rc"
}
# jget JSON KEY: one value of a flat JSON object (empty when absent).
jget() { "$PY" -c 'import json,sys; v=json.loads(sys.argv[1]).get(sys.argv[2]); print("" if v is None else v)' "$1" "$2"; }

# --- private session --------------------------------------------------------------------------
export XDG_RUNTIME_DIR="$TMP/run" HOME="$TMP/home"
mkdir -p "$XDG_RUNTIME_DIR" "$HOME"
chmod 700 "$XDG_RUNTIME_DIR"
unset NOTIFY_SOCKET DBUS_SESSION_BUS_PID WAYLAND_DISPLAY WAYLAND_SOCKET XDG_SESSION_TYPE
unset XDG_CONFIG_HOME XDG_STATE_HOME XDG_DATA_HOME XDG_CACHE_HOME

log "starting the private session bus and a stand-in system bus"
start_bus session
export DBUS_SESSION_BUS_ADDRESS=$BUS_ADDRESS
# Safe Eyes dies without a system bus (it listens for logind's PrepareForSleep) and Workrave
# complains; every program gets this empty one (no logind on it), stretchd included.
start_bus system
export DBUS_SYSTEM_BUS_ADDRESS=$BUS_ADDRESS

start_xvfb 1280x800x24
export DISPLAY=$XVFB_DISPLAY

start_dunst

# Every Notify call on the session bus, with the time it passed the bus.
dbus-monitor --session "type='method_call',interface='org.freedesktop.Notifications',member='Notify'" \
  >"$TMP/notify-monitor.log" 2>&1 &
MONITOR_PID=$!
PIDS+=("$MONITOR_PID")
sleep 0.5
alive "$MONITOR_PID" dbus-monitor "$TMP/notify-monitor.log"
notify_calls() { grep -c '^method call .*member=Notify' "$TMP/notify-monitor.log" || true; }

# The simulated user: a pointer move every ACTIVITY_EVERY seconds, alternating between two
# places, so that no program takes the session for idle (stretchd's X11 idle source would hold
# reminders after natural_break without input). Off while Workrave's reminders are driven.
# A script of its own rather than a subshell: a subshell would carry this script's traps until it
# set its own, and a TERM in between would run this script's clean-up in it.
cat >"$TMP/activity.sh" <<'EOF'
every=$1
trap 'kill "$sp" 2>/dev/null; exit 0' TERM
x=100
while :; do
  timeout 10 xdotool mousemove "$x" "$x" || exit 1
  x=$((300 - x))
  sleep "$every" &
  sp=$!
  wait "$sp"
done
EOF
ACT_PID=
start_activity() {
  bash "$TMP/activity.sh" "$ACTIVITY_EVERY" >>"$TMP/activity.log" 2>&1 &
  ACT_PID=$!
  PIDS+=("$ACT_PID")
}
stop_activity() {
  [[ -n $ACT_PID ]] || return 0
  alive "$ACT_PID" "the simulated user (xdotool loop)" "$TMP/activity.log"
  stop "$ACT_PID"
  ACT_PID=
}
timeout 10 xdotool mousemove 10 10 || die "xdotool cannot move the pointer on $DISPLAY"
start_activity

# --- running one program --------------------------------------------------------------------------
# instance NAME: a fresh HOME and XDG directories for one run of one program; sets INST (its
# directory) and INST_ENV (the variables, for env).
instance() {
  INST="$TMP/$1"
  mkdir -p "$INST/home/.config" "$INST/home/.local/state" "$INST/home/.local/share" \
    "$INST/home/.cache" "$INST/run"
  chmod 700 "$INST/run"
  INST_ENV=(HOME="$INST/home" XDG_CONFIG_HOME="$INST/home/.config"
    XDG_STATE_HOME="$INST/home/.local/state" XDG_DATA_HOME="$INST/home/.local/share"
    XDG_CACHE_HOME="$INST/home/.cache" XDG_RUNTIME_DIR="$INST/run")
}

# launch LOG [VAR=VALUE...] -- COMMAND...: starts COMMAND in a session of its own (setsid) with
# the instance's environment; sets PROG_PID (the session's id).
launch() {
  local logfile=$1
  shift
  local vars=()
  while [[ $1 != -- ]]; do
    vars+=("$1")
    shift
  done
  shift
  env "${INST_ENV[@]}" ${vars[@]+"${vars[@]}"} setsid "$@" >"$logfile" 2>&1 </dev/null &
  PROG_PID=$!
  GROUPS_+=("$PROG_PID")
  # setsid execs in place when it is not a group leader (a background job of this script is
  # not); check that the program leads its session, or the sums would miss it.
  local sid
  for _ in $(seq 1 50); do
    sid=$(awk '{sub(/.*\) /, ""); print $4}' "/proc/$PROG_PID/stat" 2>/dev/null || true)
    [[ $sid == "$PROG_PID" ]] && return 0
    sleep 0.02
  done
  die "$* did not become a session leader (pid $PROG_PID, session '${sid:-?}')"
}

# Results, by key: R[stretchd.idle_rss] and so on.
declare -A R
NOTES=()
note() { NOTES+=("$*"); }

# idle_phase KEY PID LOG NAME: memory after SETTLE s, then the wakeup window.
idle_phase() {
  local key=$1 pid=$2 logfile=$3 name=$4 m w
  pause "$SETTLE"
  if ! kill -0 "$pid" 2>/dev/null; then
    R[$key.crashed]="exited during start-up"
    note "$name exited during start-up; last lines of its log: $(tail -n 5 "$logfile" | tr '\n' ' ')"
    return 1
  fi
  read -r "R[$key.idle_rss]" "R[$key.idle_hwm]" "R[$key.procs]" "R[$key.threads]" "R[$key.idle_mesa]" < <(helper mem "$pid")
  log "$name: ${R[$key.idle_rss]} kB resident after ${SETTLE}s; measuring wakeups for ${WINDOW}s"
  R[$key.load0]=$(cut -d' ' -f1 /proc/loadavg)
  run_bg "$TMP/$key-window.json" "$PY" "$TMP/helper.py" window "$pid" "$WINDOW" || die "measuring $name's wakeups failed"
  w=$(cat "$TMP/$key-window.json")
  R[$key.load1]=$(cut -d' ' -f1 /proc/loadavg)
  if ! kill -0 "$pid" 2>/dev/null; then
    R[$key.crashed]="exited during the wakeup window"
    note "$name exited during the wakeup window; last lines of its log: $(tail -n 5 "$logfile" | tr '\n' ' ')"
    return 1
  fi
  R[$key.vol]=$(jget "$w" voluntary)
  R[$key.inv]=$(jget "$w" involuntary)
  R[$key.cpu]=$(jget "$w" cpu_ms)
  R[$key.win_threads]=$(jget "$w" threads)
  R[$key.win_procs]=$(jget "$w" processes)
  R[$key.threads_gone]=$(jget "$w" threads_gone)
  R[$key.procs_seen]=$(jget "$w" processes_seen)
  R[$key.by_thread]=$(jget "$w" by_thread)
  log "$name: ${R[$key.vol]} voluntary + ${R[$key.inv]} involuntary context switches, ${R[$key.cpu]} ms CPU"
}

# busy_mem KEY PID: memory after the reminders.
busy_mem() {
  read -r "R[$1.busy_rss]" "R[$1.busy_hwm]" "R[$1.busy_procs]" "R[$1.busy_threads]" "R[$1.busy_mesa]" < <(helper mem "$2")
}

ALL_DAY='work_days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
work_hours = ["00:00-24:00"]'
count_shown() { grep -cE ': reminder reminder=[^ ]+ item=' "$1" || true; }

# ================================ stretchd ==========================================================
CFG="$TMP/stretchd-config" # a directory of its own: stretchd watches its config's directory
mkdir -p "$CFG"
cat >"$CFG/idle.toml" <<EOF
# Nothing due for months; presence as default (idle_source = "auto": X11 here).
[schedule]
$ALL_DAY

[[reminder]]
id = "new-year"
kind = "stretch"
cron = "0 0 1 1 *"
EOF
cat >"$CFG/busy.toml" <<EOF
[schedule]
$ALL_DAY

[[reminder]]
id = "stretch"
kind = "stretch"
every = "1s"
EOF
cat >"$CFG/late.toml" <<EOF
# Every second, on the second. The timer's accuracy is measured: no waiting for a pause in the
# simulated user's input (stretchd-bench lull measures that).
[schedule]
$ALL_DAY

[presence]
lull = "0s"

[[reminder]]
id = "tick"
kind = "stretch"
cron = "* * * * * *"
EOF

# --- idle: memory after start-up, wakeups, status round trip ---
log "stretchd: start-up memory and wakeups (nothing due)"
instance stretchd-idle
launch "$INST/stretchd.log" RUST_LOG=info -- "$BIN" run --config "$CFG/idle.toml"
SD=$PROG_PID
SD_LOG="$INST/stretchd.log"
running() { alive "$SD" stretchd "$SD_LOG" && grep -q 'stretchd is running' "$SD_LOG"; }
wait_for "$START_TIMEOUT" "stretchd to log \"stretchd is running\"" running
idle_phase stretchd "$SD" "$SD_LOG" stretchd || die "stretchd exited; its log: $(cat "$SD_LOG")"
R[stretchd.idle_source]=$(grep -oE 'idle source: [a-z0-9]+' "$SD_LOG" | tail -n1 | cut -d' ' -f3)
R[stretchd.idle_shown]=$(count_shown "$SD_LOG")
R[stretchd.idle_config]="a cron reminder on 1 January; presence as default (idle source: ${R[stretchd.idle_source]:-?})"
[[ ${R[stretchd.idle_shown]} == 0 ]] || die "a reminder fired during stretchd's wakeup window, but nothing was due"

log "stretchd: \`stretchd status\` round trip ($STATUS_RUNS runs)"
# The instance's variables are exported in a subshell rather than passed through env, which would
# add an exec to every timed run (`stretchd-bench control` times `stretchd status` without the
# `timeout` wrapper, so its figures read a little lower).
out=$(export "${INST_ENV[@]}" && timeout "$CALL_TIMEOUT" "$BIN" status) || die "\`stretchd status\` failed: $out"
grep -q "(pid $SD)" <<<"$out" || die "\`stretchd status\` did not report pid $SD: $out"
status_times=$(
  export "${INST_ENV[@]}"
  for _ in 1 2 3; do timeout "$CALL_TIMEOUT" "$BIN" status >/dev/null || exit 1; done
  for _ in $(seq 1 "$STATUS_RUNS"); do
    t0=$(date +%s%N)
    timeout "$CALL_TIMEOUT" "$BIN" status >/dev/null || exit 1
    t1=$(date +%s%N)
    echo $((t1 - t0))
  done
) || die "\`stretchd status\` failed during the timed runs"
R[status_load]=$(cut -d' ' -f1 /proc/loadavg)
read -r "R[status_median]" "R[status_max]" < <(sort -n <<<"$status_times" | awk '
  { v[NR] = $1 }
  END {
    m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    printf "%.2f %.2f\n", m / 1e6, v[NR] / 1e6
  }')
stop_program "$SD"

# --- busy: memory after REMINDERS reminders ---
log "stretchd: memory after $REMINDERS reminders (every 1 s)"
instance stretchd-busy
launch "$INST/stretchd.log" RUST_LOG=info -- "$BIN" run --config "$CFG/busy.toml"
SD=$PROG_PID
SD_LOG="$INST/stretchd.log"
enough_shown() { alive "$SD" stretchd "$SD_LOG" && (($(count_shown "$SD_LOG") >= REMINDERS)); }
wait_for $((REMINDERS * 3 + START_TIMEOUT)) "$REMINDERS reminders from stretchd" enough_shown
sleep 0.5 # the line is logged just before the Notify call; let the last call complete
alive "$SD" stretchd "$SD_LOG"
busy_mem stretchd "$SD"
R[stretchd.busy_shown]=$(count_shown "$SD_LOG")
R[stretchd.busy_how]='`every = "1s"`, all-day work hours'
if grep -q 'cannot show the reminder' "$SD_LOG"; then
  die "stretchd could not show a notification; its log: $(cat "$SD_LOG")"
fi
stop_program "$SD"

# --- lateness of LATENESS reminders (rerun once if a target is missed or the machine is busy) ---
NPROC=$(nproc 2>/dev/null || echo 1)
lateness_run() {
  local n=$1
  instance "stretchd-late-$n"
  local load0 load1
  load0=$(cut -d' ' -f1 /proc/loadavg)
  launch "$INST/stretchd.log" RUST_LOG=info -- "$BIN" run --config "$CFG/late.toml"
  local pid=$PROG_PID slog="$INST/stretchd.log"
  late_enough() { alive "$pid" stretchd "$slog" && (($(count_shown "$slog") >= LATENESS)); }
  wait_for $((LATENESS * 2 + START_TIMEOUT)) "$LATENESS reminders from stretchd" late_enough
  sleep 0.5
  stop_program "$pid"
  load1=$(cut -d' ' -f1 /proc/loadavg)
  LATE_JSON=$(helper lateness "$slog" "$LATENESS" "$TMP/notify-monitor.log")
  LATE_LOAD="$load0 → $load1"
  log "stretchd lateness (run $n): $LATE_JSON (load $LATE_LOAD)"
}
late_cell() { # late_cell JSON LOAD
  local j=$1 cell
  cell="median $(jget "$j" median_ms) ms, max $(jget "$j" max_ms) ms"
  [[ -z $(jget "$j" bus_median_ms) ]] ||
    cell+="; Notify on the bus: median $(jget "$j" bus_median_ms) ms, max $(jget "$j" bus_max_ms) ms"
  [[ $(jget "$j" skipped_seconds) == 0 ]] || cell+="; **$(jget "$j" skipped_seconds) seconds without a reminder**"
  cell+=" (load $2)"
  echo "$cell"
}
late_ok() { # late_ok JSON: the targets (< 50 ms median, < 200 ms max, no second skipped)
  awk -v m="$(jget "$1" median_ms)" -v x="$(jget "$1" max_ms)" -v s="$(jget "$1" skipped_seconds)" \
    'BEGIN { exit !(m < 50 && x < 200 && s == 0) }'
}
contended() { awk -v l="$1" -v n="$NPROC" 'BEGIN { exit !(l >= n) }'; }
log "stretchd: lateness of $LATENESS reminders of a \"* * * * * *\" cron"
lateness_run 1
R[late1]=$LATE_JSON
R[late1_load]=$LATE_LOAD
R[late_runs]=1
if ! late_ok "$LATE_JSON" || contended "${LATE_LOAD%% *}" || contended "${LATE_LOAD##* }"; then
  log "stretchd: lateness missed a target or the machine looked busy (load $LATE_LOAD, $NPROC CPUs): measuring once more"
  lateness_run 2
  R[late2]=$LATE_JSON
  R[late2_load]=$LATE_LOAD
  R[late_runs]=2
fi

# --- start to ready ---
log "stretchd: start to READY=1 ($READY_RUNS runs)"
instance stretchd-ready
run_bg "$TMP/ready.json" env "${INST_ENV[@]}" "$PY" "$TMP/helper.py" ready "$READY_RUNS" "$BIN" "$CFG/idle.toml" "$INST/ready.log" ||
  die "timing the start-up failed; the daemon's log: $(tail -n 20 "$INST/ready.log")"
R[ready]=$(cat "$TMP/ready.json")

# --- stats over a year, binary size ---
R[stats]="not run (no $BENCH_BIN: build it with cargo build -p testkit --bin stretchd-bench)"
if [[ -x $BENCH_BIN ]]; then
  log "stretchd: running stretchd-bench stats"
  # It keeps to temporary directories of its own for stretchd's HOME and XDG directories.
  stats_out=$(timeout 300 "$BENCH_BIN" stats --stretchd "$BIN" 2>"$TMP/stats.err") ||
    die "stretchd-bench stats failed: $(cat "$TMP/stats.err")"
  line=$(grep -E '^stretchd stats over' <<<"$stats_out" | tail -n1)
  if [[ $line =~ over\ ([0-9]+)\ history\ entries:\ median\ ([0-9.]+)\ ms ]]; then
    R[stats]="median ${BASH_REMATCH[2]} ms (${BASH_REMATCH[1]} entries, stretchd-bench stats)"
  else
    R[stats]="${line:-$stats_out}"
  fi
fi
R[size]=$(stat -c %s "$BIN")

# ================================ Safe Eyes =========================================================
# safeeyes_config INTERVAL_MIN WARNING_S BREAK_S: writes the instance's safeeyes.json (the system
# one with these changes; no long breaks; the RPC server on a free port) and style sheet.
safeeyes_config() {
  local pkg
  pkg=$("$PY" -c 'import os, safeeyes; print(os.path.dirname(safeeyes.__file__))') ||
    die "cannot find Safe Eyes' python package"
  mkdir -p "$INST/home/.config/safeeyes/style"
  cp "$pkg/config/style/safeeyes_style.css" "$INST/home/.config/safeeyes/style/"
  "$PY" - "$pkg/config/safeeyes.json" "$INST/home/.config/safeeyes/safeeyes.json" "$@" <<'PY'
import json, socket, sys
src, dst, interval, warning, duration = sys.argv[1:]
c = json.load(open(src))
c["short_break_interval"] = float(interval) if "." in interval else int(interval)
c["long_break_interval"] = 120   # the dialog's maximum; there are no long breaks anyway
c["long_breaks"] = []
c["pre_break_warning_time"] = int(warning)
c["short_break_duration"] = int(duration)
s = socket.socket()
s.bind(("127.0.0.1", 0))
c["rpc_port"] = s.getsockname()[1]   # not 7200: never talk to a Safe Eyes outside this run
s.close()
json.dump(c, open(dst, "w"), indent=2)
PY
}

# ================================ Workrave ==========================================================
# workrave_config LIMIT AUTO_RESET REST_LIMIT: the micro-break's limit and auto-reset and the rest
# break's limit (seconds) in the instance's GSettings keyfile.
workrave_config() {
  mkdir -p "$INST/home/.config/glib-2.0/settings"
  cat >"$INST/home/.config/glib-2.0/settings/keyfile" <<EOF
[org/workrave/timers/micro-pause]
limit=$1
auto-reset=$2

[org/workrave/timers/rest-break]
limit=$3
EOF
}
wr_call() { # wr_call METHOD: the answer of one CoreInterface call about the micro-break
  timeout "$CALL_TIMEOUT" dbus-send --session --print-reply --dest=org.workrave.Workrave \
    /org/workrave/Workrave/Core "org.workrave.CoreInterface.$1" string:microbreak 2>/dev/null |
    awk 'NR > 1 { gsub(/"/, ""); print $2 }'
}

peer_name() { case $1 in safeeyes) echo "Safe Eyes" ;; workrave) echo "Workrave" ;; *) echo "$1" ;; esac; }

# --- warm-up ---
# The first GTK 3 program on a fresh X server has GDK choose its GL visuals, which loads Mesa
# (llvmpipe: some 50 MB more resident), and caches the choice on the root window (GDK_VISUALS),
# where every later GTK program finds it. On a desktop some GTK program has always come first, so
# each peer runs once, unmeasured, before its measurements (which also warms the page cache).
# dunst stays connected, so Xvfb never resets and the property stays.
for peer in $PEERS; do
  log "$(peer_name "$peer"): warm-up run (${WARMUP}s, not measured)"
  instance "$peer-warmup"
  case $peer in
    safeeyes)
      safeeyes_config 60 10 15
      launch "$INST/safeeyes.log" -- safeeyes
      ;;
    workrave)
      workrave_config 3600 30 7200
      launch "$INST/workrave.log" GSETTINGS_BACKEND=keyfile -- workrave
      ;;
  esac
  pause "$WARMUP"
  kill -0 "$PROG_PID" 2>/dev/null ||
    note "$(peer_name "$peer") exited during its warm-up run; last lines of its log: $(tail -n 5 "$(ls "$INST"/*.log)" | tr '\n' ' ')"
  stop_program "$PROG_PID"
done
GDK_VISUALS="not checked (no xprop)"
if [[ -n $PEERS ]] && command -v xprop >/dev/null 2>&1; then
  if timeout 10 xprop -root GDK_VISUALS 2>/dev/null | grep -q '='; then GDK_VISUALS=set; else GDK_VISUALS="not set"; fi
fi

for peer in $PEERS; do
  name=$(peer_name "$peer")
  # --- idle: long intervals ---
  log "$name: start-up memory and wakeups (nothing due)"
  instance "$peer-idle"
  case $peer in
    safeeyes)
      safeeyes_config 60 10 15 # the dialog's longest interval; default warning and break
      launch "$INST/safeeyes.log" -- safeeyes
      R[$peer.idle_config]="short_break_interval 60 min (the dialog's maximum), no long breaks"
      ;;
    workrave)
      workrave_config 3600 30 7200
      launch "$INST/workrave.log" GSETTINGS_BACKEND=keyfile -- workrave
      R[$peer.idle_config]="micro-break limit 1 h, rest break 2 h"
      ;;
  esac
  PEER_PID=$PROG_PID
  PEER_LOG=$(ls "$INST"/*.log)
  if idle_phase "$peer" "$PEER_PID" "$PEER_LOG" "$name"; then :; fi
  stop_program "$PEER_PID"

  # --- busy: memory after REMINDERS reminders ---
  instance "$peer-busy"
  case $peer in
    safeeyes)
      log "$name: memory after $REMINDERS breaks (short_break_interval $SAFEEYES_INTERVAL min)"
      safeeyes_config "$SAFEEYES_INTERVAL" 1 1
      calls0=$(notify_calls)
      launch "$INST/safeeyes.log" -- safeeyes
      PEER_PID=$PROG_PID
      secs=$(awk -v i="$SAFEEYES_INTERVAL" -v n="$REMINDERS" 'BEGIN { printf "%d", n * (i * 60 + 5) + 60 }')
      deadline=$((SECONDS + secs))
      shown=0
      while ((SECONDS < deadline)) && kill -0 "$PEER_PID" 2>/dev/null; do
        shown=$(($(notify_calls) - calls0))
        ((shown >= REMINDERS)) && break
        sleep 0.2
      done
      # Each Notify is the warning before a break: let the last break (1 s warning, 1 s break)
      # run and close.
      sleep 3.5
      R[$peer.busy_how]="short_break_interval $SAFEEYES_INTERVAL min ($(awk -v i="$SAFEEYES_INTERVAL" 'BEGIN { print i * 60 }') s; the settings dialog's minimum is 1 min), 1 s warning, 1 s break"
      ;;
    workrave)
      log "$name: memory after $REMINDERS micro-break preludes (limit ${WORKRAVE_LIMIT}s of activity)"
      stop_activity
      workrave_config "$WORKRAVE_LIMIT" 2 7200
      launch "$INST/workrave.log" GSETTINGS_BACKEND=keyfile -- workrave
      PEER_PID=$PROG_PID
      wr_up() { kill -0 "$PEER_PID" 2>/dev/null && [[ -n $(wr_call GetBreakState) ]]; }
      deadline=$((SECONDS + START_TIMEOUT))
      until wr_up || ((SECONDS >= deadline)); do sleep 0.2; done
      deadline=$((SECONDS + REMINDERS * 40 + 30))
      shown=0 x=100 phase=active
      while ((SECONDS < deadline)) && kill -0 "$PEER_PID" 2>/dev/null; do
        state=$(wr_call GetBreakState || true)
        if [[ $phase == active ]]; then
          if [[ $state == prelude || $state == break ]]; then
            shown=$((shown + 1))
            ((shown >= REMINDERS)) && break
            phase=resting # the user stops: Workrave counts the pause as taken
          else
            timeout 10 xdotool mousemove "$x" "$x" || true
            x=$((300 - x))
          fi
        elif [[ $state == none ]]; then
          phase=active
        fi
        sleep 0.4
      done
      sleep 1
      R[$peer.busy_how]="micro-break limit ${WORKRAVE_LIMIT} s of activity (pointer moves twice a second until the prelude shows, then none until Workrave counts the pause), auto-reset 2 s; counted: preludes"
      ;;
  esac
  if kill -0 "$PEER_PID" 2>/dev/null; then
    busy_mem "$peer" "$PEER_PID"
    R[$peer.busy_shown]=$shown
    ((shown >= REMINDERS)) || note "$name showed $shown of $REMINDERS reminders before the time limit; its memory is read after $shown."
  else
    R[$peer.busy_crashed]="exited after $shown reminders"
    note "$name exited during its reminders, after $shown; last lines of its log: $(tail -n 5 "$(ls "$INST"/*.log)" | tr '\n' ' ')"
  fi
  stop_program "$PEER_PID"
  [[ -n $ACT_PID || $peer == "${PEERS##* }" ]] || start_activity
done
stop_activity

# ================================ report ============================================================
mib() { awk -v k="$1" 'BEGIN { printf "%.2f MiB", k / 1024 }'; }
per_min() { awk -v c="$1" -v w="$WINDOW" 'BEGIN { printf "%.1f", c * 60 / w }'; }
# ratio PEER STRETCHD: "12.3×", or the peer's figure over nothing.
ratio() {
  [[ -n $1 && -n $2 ]] || { echo "n/a"; return; }
  awk -v p="$1" -v s="$2" 'BEGIN { if (s > 0) printf "%.1f×", p / s; else if (p > 0) printf "∞ (stretchd: 0)"; else printf "1× (both 0)" }'
}
# cell KEY FIELD FORMATTER: a program's figure, or why there is none.
mem_cell() {
  local p=$1 f=$2
  if [[ -n ${R[$p.$f]:-} ]]; then
    echo "$(mib "${R[$p.$f]}") (${R[$p.$f]} kB)"
  elif [[ $f == busy_* && -n ${R[$p.busy_crashed]:-} ]]; then
    echo "crashed: ${R[$p.busy_crashed]}"
  elif [[ -n ${R[$p.crashed]:-} ]]; then
    echo "crashed: ${R[$p.crashed]}"
  else
    echo "not run"
  fi
}
wake() { # total context switches of a program over the window
  [[ -n ${R[$1.vol]:-} ]] || return 0
  local v=${R[$1.vol]} i=${R[$1.inv]}
  echo $((v + i))
}
wake_cell() {
  local p=$1
  if [[ -n ${R[$p.vol]:-} ]]; then
    echo "$(wake "$p") ($(per_min "$(wake "$p")")/min: ${R[$p.vol]} voluntary + ${R[$p.inv]} involuntary)"
  else
    mem_cell "$p" vol
  fi
}
meets() { awk "BEGIN { exit !($1) }" && echo "yes" || echo "**NO**"; }

COLS=(stretchd)
for p in $PEERS; do COLS+=("$p"); done
header="| Measure | stretchd"
sep="|---|---"
for p in $PEERS; do
  header+=" | $(peer_name "$p")"
  sep+="|---"
done
for p in $PEERS; do
  header+=" | $(peer_name "$p") ÷ stretchd"
  sep+="|---"
done
header+=" | Target (stretchd) |"
sep+="|---|"

# row MEASURE CELL_FN ARG RATIO_FIELD TARGET
row() {
  local measure=$1 fn=$2 arg=$3 rfield=$4 target=$5 line p
  line="| $measure"
  for p in "${COLS[@]}"; do line+=" | $($fn "$p" "$arg")"; done
  for p in $PEERS; do
    case $rfield in
      "") line+=" | " ;;
      wake) line+=" | $(ratio "$(wake "$p")" "$(wake stretchd)")" ;;
      *) line+=" | $(ratio "${R[$p.$rfield]:-}" "${R[stretchd.$rfield]:-}")" ;;
    esac
  done
  line+=" | $target |"
  echo "$line"
}
# only_stretchd MEASURE VALUE TARGET: a row the peers have no figure for.
only_stretchd() {
  local line="| $1 | $2" p
  for p in $PEERS; do line+=" | —"; done
  for p in $PEERS; do line+=" | "; done
  echo "$line | $3 |"
}
text_cell() { echo "${R[$1.$2]:-—}"; }
procs_cell() { [[ -n ${R[$1.procs]:-} ]] && echo "${R[$1.procs]} / ${R[$1.threads]}" || mem_cell "$1" procs; }
cpu_cell() { [[ -n ${R[$1.cpu]:-} ]] && echo "${R[$1.cpu]} ms" || mem_cell "$1" cpu; }
shown_cell() {
  case $1 in
    stretchd) echo "${R[stretchd.busy_shown]} notifications (every = \"1s\")" ;;
    safeeyes) echo "${R[safeeyes.busy_shown]:-0} breaks (warning notification + break screen)" ;;
    workrave) echo "${R[workrave.busy_shown]:-0} micro-break preludes" ;;
  esac
}

SD_HWM_B=$((${R[stretchd.busy_hwm]} * 1024))
SD_IDLE_HWM_B=$((${R[stretchd.idle_hwm]} * 1024))
SD_WAKE_MIN=$(per_min "$(wake stretchd)")
late_main=${R[late${R[late_runs]}]}
late_text="$(late_cell "${R[late1]}" "${R[late1_load]}")"
if [[ ${R[late_runs]} == 2 ]]; then
  late_text="run 1: $late_text; **rerun** (run 1 missed a target or the load was ≥ $NPROC): $(late_cell "${R[late2]}" "${R[late2_load]}")"
fi
READY=${R[ready]}

TABLE=$(
  echo "$header"
  echo "$sep"
  row "Resident memory ${SETTLE} s after start-up, nothing due: VmRSS (sum over the program's processes)" mem_cell idle_rss idle_rss "< 6 MB: $(meets "$SD_IDLE_HWM_B < 6000000")"
  row "… VmHWM (peak) at the same moment" mem_cell idle_hwm idle_hwm "< 6 MB"
  row "Resident memory after ${REMINDERS} reminders: VmRSS" mem_cell busy_rss busy_rss "< 6 MB"
  row "… VmHWM (peak)" mem_cell busy_hwm busy_hwm "< 6 MB: $(meets "$SD_HWM_B < 6000000")"
  row "Reminders behind that figure" shown_cell "" "" ""
  row "Reminder settings for that figure" text_cell busy_how "" ""
  row "Wakeups over ${WINDOW} s, nothing due, user active (context switches of every thread)" wake_cell "" wake "≤ 2/min with idle detection on (${R[stretchd.idle_source]:-?}): $(meets "$SD_WAKE_MIN <= 2")"
  row "CPU time over those ${WINDOW} s" cpu_cell "" cpu ""
  row "Processes / threads (idle)" procs_cell "" "" ""
  row "Idle config" text_cell idle_config "" ""
  only_stretchd "Start to ready (spawn → READY=1 on NOTIFY_SOCKET), median of $(jget "$READY" runs)" \
    "$(jget "$READY" median_ms) ms (max $(jget "$READY" max_ms) ms)" ""
  only_stretchd "Lateness of ${LATENESS} reminders (\`* * * * * *\` cron; log line − its second)" \
    "$late_text" "median < 50 ms, max < 200 ms: $(late_ok "$late_main" && echo yes || echo '**NO**')"
  only_stretchd "\`stretchd status\` round trip (whole process), median of ${STATUS_RUNS}" \
    "${R[status_median]} ms (max ${R[status_max]} ms; load ${R[status_load]})" ""
  only_stretchd "\`stretchd stats\` over a year of history" "${R[stats]}" "well under 1 s"
  only_stretchd "Release binary size" "${R[size]} bytes ($(awk -v b="${R[size]}" 'BEGIN { printf "%.2f MiB", b / 1048576 }'))" ""
)

CPU=$(awk -F': *' '/^model name/ { print $2; exit }' /proc/cpuinfo)
[[ -n $CPU ]] || CPU=$(awk -F': *' '/^(Hardware|cpu model|Processor)/ { print $2; exit }' /proc/cpuinfo)
COMMIT=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
if [[ $COMMIT != unknown && -n $(git -C "$ROOT" status --porcelain -- src Cargo.toml Cargo.lock 2>/dev/null) ]]; then
  COMMIT="$COMMIT (with uncommitted changes to src/ or Cargo.*)"
fi
pkg_version() { dpkg-query -W -f='${Version}' "$1" 2>/dev/null || echo "?"; }
VERSIONS="stretchd $("$BIN" --version 2>/dev/null | awk '{print $2}') ($COMMIT, $RUSTC_VERSION, release build)"
for p in $PEERS; do VERSIONS+="; $(peer_name "$p") $(pkg_version "$p") (Debian package)"; done
VERSIONS+="; dunst $(pkg_version dunst); Xvfb $(pkg_version xvfb); dbus-daemon $(dbus-daemon --version 2>/dev/null | awk 'NR==1 {print $NF}')"

LOADS="stretchd ${R[stretchd.load0]:-?} → ${R[stretchd.load1]:-?}"
for p in $PEERS; do LOADS+=", $(peer_name "$p") ${R[$p.load0]:-?} → ${R[$p.load1]:-?}"; done

{
  echo "$TABLE"
  echo
  echo "- Ratios are peer ÷ stretchd, all measured in this one run. $(date -u '+%Y-%m-%d %H:%M UTC'); $(uname -srm); ${CPU:-unknown CPU} (${NPROC} CPUs online)."
  echo "- Versions: $VERSIONS."
  echo "- Session: private session bus and stand-in system bus (dbus-daemon without service directories), Xvfb, dunst; a simulated user moves the pointer every ${ACTIVITY_EVERY} s (xdotool) except while Workrave's reminders are driven; every program in a fresh HOME, started under setsid; memory and context switches summed over every process of its session (and any descendant), threads sampled every 0.25 s. Load average (1 min) at the start → end of each wakeup window: $LOADS."
  if [[ -n $PEERS ]]; then
    mesa=""
    for p in "${COLS[@]}"; do
      mesa+="$(peer_name "$p") ${R[$p.idle_mesa]:-?}/${R[$p.busy_mesa]:-?}, "
    done
    echo "- Warm-up: each peer ran ${WARMUP} s unmeasured first (GDK_VISUALS on the root window afterwards: $GDK_VISUALS). Processes with Mesa (libLLVM or a DRI driver) mapped at the start-up / after-reminders readings: ${mesa%, }."
  fi
  by=""
  for p in "${COLS[@]}"; do by+="$(peer_name "$p"): ${R[$p.by_thread]:-none}; "; done
  echo "- Context switches in the wakeup window by thread name: ${by%; }."
  for p in "${COLS[@]}"; do
    if [[ -n ${R[$p.threads_gone]:-} && ${R[$p.threads_gone]} != 0 ]]; then
      echo "- $(peer_name "$p"): ${R[$p.threads_gone]} thread(s) ended during the window (counted up to their last sample)."
    fi
  done
  for n in "${NOTES[@]+"${NOTES[@]}"}"; do [[ -z $n ]] || echo "- Note: $n"; done
} >"$TMP/report.md"
tee "$OUT" <"$TMP/report.md"
log "written to ${OUT#"$ROOT"/} in ${SECONDS}s"
