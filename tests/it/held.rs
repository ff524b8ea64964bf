//! A reminder held back, with the real binary over a private bus: while the real dunst is
//! paused (do-not-disturb), `stretchd status` says which reminder waits and until when, and
//! `stretchd now` says the server holds what it sends (which `status` does not show as waiting
//! for an answer); `now` leaves a pending snooze alone. The dunst test needs dunst and Xvfb
//! (skipped without them, unless `STRETCHD_REQUIRE_DUNST=1`, as in `e2e_dunst.rs`).

use std::process::Stdio;
use std::time::{Duration, Instant};

use serde_json::Value;
use testkit::notifications::Server;
use testkit::x11::{DUNST_INSTALL, DUNST_TOOLS, dunstctl, start_dunst, start_xvfb};
use testkit::{Bus, RUNNING, SOON, config_every, tools_present};

use crate::BIN;

/// Polls `status --json` in `home` until `done` holds (within [`SOON`]).
fn status_when(home: &std::path::Path, what: &str, done: impl Fn(&Value) -> bool) -> Value {
    let deadline = Instant::now() + SOON;
    loop {
        let status = BIN.json_in(home, &["status"], &[]);
        if done(&status) {
            return status;
        }
        assert!(
            Instant::now() < deadline,
            "{what}: not within {SOON:?}: {status}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn while_dunst_is_paused_status_names_the_held_reminder_and_now_says_it_was_held() {
    if !tools_present(
        "held::while_dunst_is_paused_status_names_the_held_reminder",
        DUNST_TOOLS,
        DUNST_INSTALL,
    ) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let bus = Bus::start();
    let (_xvfb, display) = start_xvfb(&[]);
    let _dunst = start_dunst(&bus, &display, dir.path(), "[global]\n", Stdio::null());
    let config = testkit::write_file(dir.path(), "config.toml", &config_every("1h"));
    let mut daemon = BIN.daemon(&bus.address, &config).start();
    daemon.wait_for_log(RUNNING, SOON);
    let home = daemon.home().to_owned();

    // Before: the next reminder, nothing held.
    let text = BIN.ok_in(&home, &["status"], &[]);
    assert!(
        text.contains("Next:      ") && !text.contains("held"),
        "{text}"
    );

    dunstctl(&bus, &["set-paused", "true"]);
    let status = status_when(&home, "held for do-not-disturb", |s| {
        s["held"]["reason"] == "do_not_disturb"
    });
    assert_eq!(
        status["held_next"]["reminder"]["reminder"], "stretch",
        "{status}"
    );
    assert_eq!(status["held_next"]["grace_secs"], 30, "{status}");
    let text = BIN.ok_in(&home, &["status"], &[]);
    assert!(
        text.contains("Held:      the notification server is in do-not-disturb mode"),
        "{text}"
    );
    let next = text
        .lines()
        .find(|l| l.starts_with("Next:"))
        .unwrap_or_default();
    assert!(
        next.starts_with("Next:      held: stretch  Stretch: ")
            && next.ends_with("shows 30s after do-not-disturb ends"),
        "{text}"
    );
    assert!(!text.contains("nothing scheduled"), "{text}");
    // `next` lists what is to come as if the hold ended now, not "nothing scheduled".
    let next = BIN.json_in(&home, &["next", "--count", "2"], &[]);
    assert_eq!(next["upcoming"].as_array().map(Vec::len), Some(2), "{next}");

    // `now` sends it all the same; dunst holds it, and the answer says so.
    let said = BIN.ok_in(&home, &["now"], &[]);
    assert!(
        said.starts_with("held Stretch: ")
            && said.contains("do-not-disturb mode, so it holds the reminder without showing it"),
        "{said}"
    );
    assert_eq!(dunstctl(&bus, &["count", "waiting"]).trim(), "1");
    let status = BIN.json_in(&home, &["status"], &[]);
    assert!(status["waiting"].is_null(), "shown as waiting: {status}");
    assert_eq!(status["filed"]["reminder"], "stretch", "{status}");
    let text = BIN.ok_in(&home, &["status"], &[]);
    assert!(text.contains("Filed:     Stretch: "), "{text}");
    assert!(!text.contains("Waiting:"), "{text}");
    // It still takes an answer from the terminal.
    let done = BIN.ok_in(&home, &["done"], &[]);
    assert!(done.starts_with("done: \"stretch\""), "{done}");
    let status = BIN.json_in(&home, &["status"], &[]);
    assert!(status["filed"].is_null(), "{status}");

    // Do-not-disturb ends: the status is back to the next reminder, after the grace time.
    dunstctl(&bus, &["set-paused", "false"]);
    let status = status_when(&home, "the end of do-not-disturb", |s| {
        s["held"]["reason"] == "grace"
    });
    assert!(status["held_next"].is_null(), "{status}");
    assert!(status["next"]["at"].is_string(), "{status}");
}

#[test]
fn now_leaves_a_pending_snooze_alone() {
    let bus = Bus::start();
    let server = Server::start(&bus.address);
    let dir = tempfile::tempdir().unwrap();
    let config = testkit::write_file(dir.path(), "config.toml", &config_every("1h"));
    let mut daemon = BIN.daemon(&bus.address, &config).start();
    daemon.wait_for_log(RUNNING, SOON);
    let home = daemon.home().to_owned();

    BIN.ok_in(&home, &["now"], &[]);
    let first = server.next(SOON, &daemon);
    let snoozed = BIN.ok_in(&home, &["snooze", "10m"], &[]);
    assert!(
        snoozed.starts_with("snoozed \"stretch\" until "),
        "{snoozed}"
    );
    let before = BIN.json_in(&home, &["status"], &[]);
    assert_eq!(before["snoozed"]["reminder"], "stretch", "{before}");

    let said = BIN.ok_in(&home, &["now"], &[]);
    assert!(said.starts_with("showing Stretch: "), "{said}");
    let second = server.next(SOON, &daemon);
    assert_ne!(second.id, first.id);
    let after = BIN.json_in(&home, &["status"], &[]);
    assert_eq!(
        after["snoozed"], before["snoozed"],
        "the snooze is gone: {after}"
    );
    // Answering what `now` showed leaves the snooze in force too.
    BIN.ok_in(&home, &["skip"], &[]);
    let status = BIN.json_in(&home, &["status"], &[]);
    assert_eq!(status["snoozed"], before["snoozed"], "{status}");
    assert_eq!(status["next"]["reminder"], "stretch", "{status}");
    assert_eq!(status["next"]["at"], before["snoozed"]["until"], "{status}");
}
