//! End to end: `[sync]` with two real daemons on this machine, each with its own home (state
//! directory, machine id, bus and notification server), sharing one folder directly, as a sync
//! engine would keep it. Every wait is on a daemon's log line, bounded.
//!
//! The same over two real Syncthing instances is `syncthing.rs`.

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, TimeDelta, Utc};
use serde_json::Value;
use testkit::notifications::Server;
use testkit::{Bus, Daemon, SOON, all_day_config, write_file};

use crate::BIN;

/// Bound for what one daemon logs right after a command to it.
pub const SOON_ENOUGH: Duration = SOON;

/// One machine: its bus, notification server, daemon and id.
pub struct Machine {
    _bus: Bus,
    /// The notification server it shows reminders on.
    pub server: Server,
    /// The daemon.
    pub daemon: Daemon,
    /// Its machine id.
    pub id: String,
    /// Its home: config, state, runtime directories.
    _home: tempfile::TempDir,
}

/// A config with the rotating stretch reminder every hour, all day, sharing through `folder`.
pub fn config(folder: &Path) -> String {
    all_day_config(&format!(
        "[sync]\n\
         dir = \"{}\"\n\
         \n\
         [[reminder]]\n\
         id = \"stretch\"\n\
         kind = \"stretch\"\n\
         every = \"1h\"\n",
        folder.display()
    ))
}

impl Machine {
    /// Starts a daemon in a home of its own, sharing through `folder`, once it shares.
    pub fn start(folder: &Path) -> Machine {
        let bus = Bus::start();
        let server = Server::start(&bus.address);
        // The config where the CLI finds it too (`history`, `stats`).
        let home = tempfile::tempdir().unwrap();
        let config_dir = home.path().join("config/stretchd");
        std::fs::create_dir_all(&config_dir).unwrap();
        let path = write_file(&config_dir, "config.toml", &config(folder));
        let mut daemon = BIN
            .daemon(&bus.address, &path)
            .home(home.path())
            .default_config()
            // Intervals of an hour that a local midnight would restart.
            .env("TZ", testkit::tz_at_noon())
            .start();
        daemon.wait_for_log("stretchd is running", SOON);
        let line = daemon.wait_for_log("sync: sharing through", SOON);
        let id = line
            .rsplit("(machine ")
            .next()
            .and_then(|rest| rest.strip_suffix(')'))
            .unwrap_or_else(|| panic!("no machine id in {line:?}"))
            .to_owned();
        assert_eq!(id.len(), 32, "{line}");
        Machine {
            _bus: bus,
            server,
            daemon,
            id,
            _home: home,
        }
    }

    /// `stretchd ARGS` against this machine's daemon and files; must succeed.
    pub fn ok(&self, args: &[&str]) -> String {
        BIN.ok_in(self.daemon.home(), args, &[])
    }

    /// `stretchd ARGS --json` against this machine; parsed.
    pub fn json(&self, args: &[&str]) -> Value {
        BIN.json_in(self.daemon.home(), args, &[])
    }

    /// Waits for the daemon's log line containing `needle`.
    pub fn wait(&mut self, needle: &str, timeout: Duration) -> String {
        self.daemon.wait_for_log(needle, timeout)
    }

    /// Shows the stretch reminder now and answers it Done; returns the times just before and
    /// just after the answer, and the stretch it showed.
    pub fn stretch_done(&self) -> (DateTime<Utc>, DateTime<Utc>, String) {
        self.ok(&["now", "stretch"]);
        let note = self.server.next(SOON, &self.daemon);
        let status = self.json(&["status"]);
        let item = status["waiting"]["item"].as_str().unwrap().to_owned();
        assert!(note.summary.starts_with("Stretch: "), "{}", note.summary);
        let before = Utc::now();
        self.ok(&["done"]);
        (before, Utc::now(), item)
    }
}

/// A time from a JSON status.
pub fn time(value: &Value) -> DateTime<Utc> {
    value
        .as_str()
        .unwrap_or_else(|| panic!("not a time: {value}"))
        .parse()
        .unwrap()
}

/// A shared folder, as a sync engine keeps it (here: the same directory).
pub fn folder(dir: &Path) -> PathBuf {
    let folder = dir.join("Sync/stretchd");
    std::fs::create_dir_all(&folder).unwrap();
    folder
}

#[test]
fn a_done_on_one_machine_restarts_the_interval_on_the_other_and_counts_there() {
    let dir = tempfile::tempdir().unwrap();
    let folder = folder(dir.path());
    let a = Machine::start(&folder);
    let mut b = Machine::start(&folder);
    // B sees A (which wrote its summary at start) once it has merged.
    let before = b.json(&["status"]);
    let b_next = time(&before["next"]["at"]);
    let first = before["next"]["item"].as_str().unwrap().to_owned();

    let (done_from, done_to, shown) = a.stretch_done();
    assert_eq!(shown, first, "both start the rotation at the same stretch");
    b.wait("sync: \"stretch\" was done on", SOON);
    let after = b.json(&["status"]);
    let next = time(&after["next"]["at"]);
    assert!(next > b_next, "{after}");
    let hour = TimeDelta::hours(1);
    let slack = TimeDelta::seconds(1);
    assert!(
        next >= done_from + hour - slack && next <= done_to + hour + slack,
        "B's stretch is due an hour after A's Done ({done_from}..{done_to}): {after}"
    );
    // The stretch A showed moved B's rotation on.
    assert_ne!(after["next"]["item"], first, "{after}");
    assert_eq!(
        b.json(&["next", "-n", "1"])["upcoming"][0]["at"],
        after["next"]["at"]
    );

    // A's answer is in B's history and stats, naming A.
    let history = b.json(&["history"]);
    let entries = history.as_array().unwrap();
    let theirs: Vec<&Value> = entries
        .iter()
        .filter(|e| e["machine_id"] == a.id.as_str())
        .collect();
    assert_eq!(theirs.len(), 1, "{history}");
    assert_eq!(theirs[0]["outcome"], "done");
    assert_eq!(theirs[0]["item"], shown.as_str());
    assert!(theirs[0]["machine"].is_string(), "{history}");
    let here = b.json(&["history", "--here"]);
    assert!(
        here.as_array()
            .unwrap()
            .iter()
            .all(|e| e["machine_id"] == b.id.as_str()),
        "{here}"
    );
    let text = b.ok(&["history"]);
    assert!(text.contains("done"), "{text}");
    let stats = b.json(&["stats"]);
    assert_eq!(stats["outcomes"]["done"], 1, "{stats}");
    assert_eq!(stats["per_stretch"][0]["item"], shown.as_str(), "{stats}");
    assert_eq!(stats["machines"].as_array().unwrap().len(), 2, "{stats}");
    assert_eq!(b.json(&["stats", "--here"])["outcomes"]["done"], 0);
    let text = b.ok(&["stats"]);
    assert!(
        text.contains("Counted on 2 machines of the sync folder"),
        "{text}"
    );

    // B's status names A and when it last wrote.
    let sync = &after["sync"];
    assert_eq!(sync["machine"], b.id.as_str(), "{after}");
    let machines = sync["machines"].as_array().unwrap();
    assert_eq!(machines.len(), 1, "{after}");
    assert_eq!(machines[0]["id"], a.id.as_str());
    assert!(time(&machines[0]["written"]) >= done_from - slack);
    let text = b.ok(&["status"]);
    assert!(
        text.contains(&format!("(machine {}) last wrote", &a.id[..8])),
        "{text}"
    );
}

#[test]
fn a_pause_and_a_resume_hold_on_every_machine_and_a_snooze_stays_where_it_was_asked() {
    let dir = tempfile::tempdir().unwrap();
    let folder = folder(dir.path());
    let a = Machine::start(&folder);
    let mut b = Machine::start(&folder);
    let b_next = b.json(&["status"])["next"].clone();

    // A snooze on A, then a pause: when B has the pause, it has every write before it.
    let snoozed = a.ok(&["snooze", "10m"]);
    assert!(snoozed.contains("snoozed the next reminder"), "{snoozed}");
    a.ok(&["pause", "1h"]);
    let paused = a.json(&["status"]);
    b.wait("sync: paused on", SOON);
    let status = b.json(&["status"]);
    assert_eq!(status["paused"], paused["paused"], "{status}");
    assert_eq!(status["snoozed"], Value::Null, "{status}");
    let until = time(&paused["paused"]["until"]);
    let upcoming = b.json(&["next"]);
    assert!(
        time(&upcoming["upcoming"][0]["at"]) >= until,
        "paused: {upcoming}"
    );

    a.ok(&["resume"]);
    b.wait("sync: resumed on", SOON);
    let status = b.json(&["status"]);
    assert_eq!(status["paused"], Value::Null, "{status}");
    assert_eq!(status["snoozed"], Value::Null, "{status}");
    assert!(
        time(&status["next"]["at"]) >= time(&b_next["at"]),
        "{status}"
    );
    // A's snooze holds on A alone.
    assert!(a.json(&["status"])["snoozed"].is_object());

    // A pause asked for on B holds on A too.
    let mut a = a;
    b.ok(&["pause"]);
    a.wait("sync: paused on", SOON);
    assert_eq!(a.json(&["status"])["paused"]["until"], Value::Null);
    b.ok(&["resume"]);
    a.wait("sync: resumed on", SOON);
    assert_eq!(a.json(&["status"])["paused"], Value::Null);
}

#[test]
fn conflict_copies_and_garbage_are_skipped_and_counted_and_nothing_is_lost() {
    let dir = tempfile::tempdir().unwrap();
    let folder = folder(dir.path());
    let mut a = Machine::start(&folder);
    let mut b = Machine::start(&folder);
    a.stretch_done();
    b.wait("sync: \"stretch\" was done on", SOON);

    // A conflict copy of A's summary that says "paused", and one of A's history with an answer
    // more; a garbled summary, and half of one.
    let summary = std::fs::read_to_string(folder.join(format!("{}.state.json", a.id))).unwrap();
    let mut paused: Value = serde_json::from_str(&summary).unwrap();
    paused["pause"] = serde_json::json!({"at": Utc::now(), "pause": {"until": null}});
    write_file(
        &folder,
        &format!("{}.state.sync-conflict-20261124-101500-ABCDEFG.json", a.id),
        &paused.to_string(),
    );
    let history = std::fs::read_to_string(folder.join(format!("{}.history.jsonl", a.id))).unwrap();
    write_file(
        &folder,
        &format!(
            "{}.history (laptop's conflicted copy 2026-11-24).jsonl",
            a.id
        ),
        &format!("{history}{history}"),
    );
    write_file(
        &folder,
        &format!("{:0>32}.state.json", "bad"),
        "\u{0}garbage",
    );
    let half = &summary[..summary.len() / 2];
    write_file(&folder, &format!("{:0>32}.state.json", "c0ffee"), half);
    // One line each time what is skipped changes, until all four are counted.
    while !b
        .wait("sync: ", SOON)
        .contains("skipped conflict copies: 2, unreadable files: 2")
    {}
    let status = b.json(&["status"]);
    assert_eq!(status["paused"], Value::Null, "{status}");
    let problems = status["sync"]["problems"].as_array().unwrap();
    assert!(
        problems
            .iter()
            .any(|p| p.as_str().unwrap().contains("unreadable files: 2")),
        "{status}"
    );
    // B counts A's answer once, and its own history is as it was.
    let history = b.json(&["history"]);
    assert_eq!(history.as_array().unwrap().len(), 1, "{history}");
    assert!(b.daemon.is_running());

    // A's summary removed: A writes it again.
    std::fs::remove_file(folder.join(format!("{}.state.json", a.id))).unwrap();
    a.wait("sync: this machine's summary was removed", SOON);
    assert!(folder.join(format!("{}.state.json", a.id)).is_file());
}

#[test]
fn a_folder_removed_and_made_again_is_taken_up_at_the_next_reload() {
    let dir = tempfile::tempdir().unwrap();
    let folder = folder(dir.path());
    let mut a = Machine::start(&folder);
    a.stretch_done();
    std::fs::remove_dir_all(&folder).unwrap();
    a.wait("sync: the folder", SOON);
    let status = a.json(&["status"]);
    let problems = status["sync"]["problems"].to_string();
    assert!(problems.contains("removed or moved away"), "{status}");
    // Reminders go on meanwhile, and answers stay in the local history.
    assert!(a.json(&["history", "--here"]).as_array().unwrap().len() == 1);

    std::fs::create_dir_all(&folder).unwrap();
    a.ok(&["reload"]);
    a.wait("sync: sharing through", SOON);
    a.wait("history entries to", SOON);
    assert!(folder.join(format!("{}.state.json", a.id)).is_file());
    let copy = std::fs::read_to_string(folder.join(format!("{}.history.jsonl", a.id))).unwrap();
    assert_eq!(copy.lines().count(), 1, "{copy}");
    assert_eq!(a.json(&["status"])["sync"]["problems"], Value::Null);
}
