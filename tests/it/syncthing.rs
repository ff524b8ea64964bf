//! End to end: `[sync]` over a real sync engine. Two Syncthing instances on loopback
//! ([`testkit::syncthing`]), each keeping its own copy of the shared folder, and a stretchd
//! daemon beside each with its own home and machine id. A Done on A must restart B's interval
//! and count in B's `stats` within the sync delay, and a pause on A must hold B; the delay, from
//! A's answer (its log line) to B's merge (its log line), is printed for a few runs.
//!
//! Skipped with a note where Syncthing is not installed, unless `STRETCHD_REQUIRE_SYNCTHING` is
//! set (as `.ci/run` does).

use std::time::Duration;

use chrono::{DateTime, TimeDelta, Utc};
use testkit::syncthing;

use crate::sync::{Machine, time};

/// The longest a change may take to reach the other machine: generous, for a loaded machine
/// (Syncthing's file watcher waits a second, then scans, sends its index, and the other pulls).
const DELAY: Duration = Duration::from_secs(60);

/// How many Done answers are timed.
const ROUNDS: usize = 5;

/// The time at the start of a daemon's log line.
fn logged_at(line: &str) -> DateTime<Utc> {
    line.split_whitespace()
        .next()
        .and_then(|t| t.parse().ok())
        .unwrap_or_else(|| panic!("no time at the start of {line:?}"))
}

fn millis(d: TimeDelta) -> i64 {
    d.num_milliseconds()
}

#[test]
fn over_syncthing_a_done_counts_and_restarts_the_interval_on_the_other_machine_and_a_pause_holds_it()
 {
    if !testkit::required_present(
        "STRETCHD_REQUIRE_SYNCTHING",
        "syncthing",
        &["syncthing"],
        "apt-get install -y --no-install-recommends syncthing",
    ) {
        return;
    }
    let root = tempfile::tempdir().unwrap();
    let (sa, sb) = syncthing::pair(root.path());
    let (mark_a, mark_b) = (sa.mark(), sb.mark());
    let mut a = Machine::start(&sa.folder.join("stretchd"));
    let mut b = Machine::start(&sb.folder.join("stretchd"));
    // Each has the other's summary before anything is timed.
    sb.wait_received(mark_b, &format!("stretchd/{}.state.json", a.id), DELAY);
    sa.wait_received(mark_a, &format!("stretchd/{}.state.json", b.id), DELAY);

    let hour = TimeDelta::hours(1);
    let slack = TimeDelta::seconds(1);
    let mut delays = Vec::with_capacity(ROUNDS);
    for round in 1..=ROUNDS {
        let mark = sb.mark();
        let (from, to, _) = a.stretch_done();
        let answered = a.wait("stretchd::daemon: done", crate::sync::SOON_ENOUGH);
        let merged = b.wait("sync: \"stretch\" was done on", DELAY);
        delays.push(logged_at(&merged) - logged_at(&answered));
        let status = b.json(&["status"]);
        let next = time(&status["next"]["at"]);
        assert!(
            next >= from + hour - slack && next <= to + hour + slack,
            "round {round}: B's stretch is due an hour after A's Done ({from}..{to}): {status}"
        );
        // A's copy of its history follows its summary: then B's stats count the answer.
        sb.wait_received(mark, &format!("stretchd/{}.history.jsonl", a.id), DELAY);
        let counted = b.json(&["stats"]);
        assert_eq!(
            counted["outcomes"]["done"], round,
            "round {round}: {counted}"
        );
        assert_eq!(
            counted["machines"].as_array().unwrap().len(),
            2,
            "{counted}"
        );
    }

    let asked = Utc::now();
    a.ok(&["pause", "1h"]);
    let paused = b.wait("sync: paused on", DELAY);
    let pause_delay = logged_at(&paused) - asked;
    assert_eq!(
        b.json(&["status"])["paused"],
        a.json(&["status"])["paused"],
        "A's pause holds B"
    );
    let asked = Utc::now();
    a.ok(&["resume"]);
    let resumed = b.wait("sync: resumed on", DELAY);
    let resume_delay = logged_at(&resumed) - asked;
    assert_eq!(b.json(&["status"])["paused"], serde_json::Value::Null);

    let mut sorted: Vec<i64> = delays.iter().copied().map(millis).collect();
    sorted.sort_unstable();
    eprintln!(
        "sync delay over Syncthing, A's Done to B's merge, {ROUNDS} runs: median {} ms, max {} ms (each: {sorted:?}); A's pause to B's: {} ms, resume: {} ms",
        sorted[ROUNDS / 2],
        sorted[ROUNDS - 1],
        millis(pause_delay),
        millis(resume_delay)
    );
    assert!(b.daemon.is_running() && a.daemon.is_running());
}
