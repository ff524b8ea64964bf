#!/usr/bin/env bash
# Times `stretchd stats` over a year of generated history, for the README.
#
# Writes about 5,000 history entries (one year of work days ending yesterday, posture checks and
# stretches with a mix of outcomes) as JSON lines into a private XDG_STATE_HOME, builds the
# release binary, then runs `stretchd stats` several times and prints the median wall time of the
# whole process (hyperfine if installed, otherwise a loop timed with `date +%s%N`).
#
# Nothing outside a temporary directory is read or written: XDG_CONFIG_HOME, XDG_STATE_HOME and
# XDG_RUNTIME_DIR all point into it, so the user's config, history and daemon are not touched.
#
# Environment knobs:
#   ENTRIES=5000        history entries to generate
#   RUNS=21             timed runs (the median is reported)
#   SKIP_BUILD=0        1 uses the existing target/release/stretchd as is
#   BUILD_TIMEOUT=1800  bound on `cargo build --release` (it may wait on another build's lock)
set -euo pipefail

ENTRIES=${ENTRIES:-5000}
RUNS=${RUNS:-21}
SKIP_BUILD=${SKIP_BUILD:-0}
BUILD_TIMEOUT=${BUILD_TIMEOUT:-1800}

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BIN="${CARGO_TARGET_DIR:-$ROOT/target}/release/stretchd"

BENCH_NAME=stats-bench
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"

[[ $ENTRIES =~ ^[0-9]+$ && $ENTRIES -gt 0 ]] || die "ENTRIES must be a positive number, got '$ENTRIES'"
[[ $RUNS =~ ^[0-9]+$ && $RUNS -gt 0 ]] || die "RUNS must be a positive number, got '$RUNS'"

missing=()
for tool in python3 date sort timeout; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
[[ $SKIP_BUILD == 1 ]] || command -v cargo >/dev/null 2>&1 || missing+=(cargo)
((${#missing[@]} == 0)) || die "missing tool(s): ${missing[*]}"

bench_tmp stats

export XDG_CONFIG_HOME="$TMP/config" XDG_STATE_HOME="$TMP/state" XDG_RUNTIME_DIR="$TMP/run"
mkdir -p -m 0700 "$XDG_CONFIG_HOME" "$XDG_STATE_HOME/stretchd" "$XDG_RUNTIME_DIR"
HISTORY="$XDG_STATE_HOME/stretchd/history.jsonl"

# --- a year of history -----------------------------------------------------------------------
# Work days (Mon-Fri) of the 52 weeks up to yesterday; each day gets its share of ENTRIES, spread
# over 08:00-17:00 UTC, one in five a stretch. Outcomes: mostly done, some snoozed, skipped,
# dismissed and expired. Seeded, so every run writes the same file for the same day.
python3 - "$HISTORY" "$ENTRIES" <<'PY'
import datetime as dt
import json
import random
import sys

path, total = sys.argv[1], int(sys.argv[2])
rng = random.Random(1)
today = dt.datetime.now(dt.timezone.utc).date()
days = [today - dt.timedelta(days=n) for n in range(365, 0, -1)]  # up to yesterday: none in the future
days = [d for d in days if d.weekday() < 5]
stretches = ["cat-camel", "thoracic-extension", "seated-twist", "thread-the-needle", "foam-rolling"]
postures = ["sit-tall", "shoulders", "screen-height", "back-support", "feet-flat", "desk-height", "breathe", "move"]
outcomes = ["done"] * 12 + ["snoozed"] * 3 + ["skipped"] * 2 + ["dismissed"] * 2 + ["expired"]
with open(path, "w") as out:
    written = 0
    for i, day in enumerate(days):
        n = total * (i + 1) // len(days) - written
        start = dt.datetime.combine(day, dt.time(8), dt.timezone.utc)
        for j in range(n):
            at = start + dt.timedelta(seconds=j * 9 * 3600 // max(n, 1))
            if (written + j) % 5 == 4:
                reminder, kind, item = rng.choice(["stretch", "afternoon"]), "stretch", rng.choice(stretches)
            else:
                reminder, kind, item = "posture", "posture", rng.choice(postures)
            entry = {
                "time": at.strftime("%Y-%m-%dT%H:%M:%SZ"),
                "reminder": reminder,
                "kind": kind,
                "item": item,
                "outcome": rng.choice(outcomes),
            }
            out.write(json.dumps(entry, separators=(",", ":")) + "\n")
        written += n
PY
lines=$(wc -l <"$HISTORY")
log "generated $lines entries ($(du -k "$HISTORY" | cut -f1) KiB) in $HISTORY"

# --- the binary --------------------------------------------------------------------------------
if [[ $SKIP_BUILD != 1 ]]; then
  log "building the release binary (cargo build --release)"
  build build --release --quiet
fi
[[ -x $BIN ]] || die "no binary at $BIN (build it, or unset SKIP_BUILD)"

# One checked run first: the command must exist and succeed before its time means anything.
if ! "$BIN" stats >"$TMP/stats.out" 2>"$TMP/stats.err"; then
  cat "$TMP/stats.err" >&2
  die "\`stretchd stats\` failed on the generated history (is the subcommand wired up in this build?)"
fi
grep -q "Streak:" "$TMP/stats.out" || die "\`stretchd stats\` printed no streak line; output was: $(cat "$TMP/stats.out")"

# --- timing --------------------------------------------------------------------------------------
if command -v hyperfine >/dev/null 2>&1; then
  hyperfine --style none --warmup 3 --runs "$RUNS" --export-json "$TMP/hf.json" "$BIN stats" >/dev/null
  median_ms=$(python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0]; print(f"{r[\"median\"]*1000:.2f}")' "$TMP/hf.json")
  method="hyperfine, $RUNS runs"
else
  for _ in 1 2 3; do "$BIN" stats >/dev/null; done # warm the page cache
  times=()
  for _ in $(seq 1 "$RUNS"); do
    t0=$(date +%s%N)
    "$BIN" stats >/dev/null
    t1=$(date +%s%N)
    times+=($((t1 - t0)))
  done
  median_ns=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(((RUNS + 1) / 2))p")
  median_ms=$(python3 -c 'import sys; print(f"{int(sys.argv[1]) / 1e6:.2f}")' "$median_ns")
  method="date +%s%N loop, $RUNS runs"
fi

echo "stretchd stats over $lines history entries: median ${median_ms} ms per run ($method, whole process)"
