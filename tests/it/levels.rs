//! Holds grow, stretches that hurt are set aside, and the safety notice repeats until it is
//! seen: through the real CLI and daemon, with a test notification server on a private bus
//! (see `control.rs`), and without a daemon through the saved files. Also: a `state.json` from
//! before levels and set-aside stretches still loads.
//!
//! Every wait is bounded: on a log line, a notification, a reply, with a deadline.

use std::path::Path;

use serde_json::Value;

use testkit::notifications::{Note, Server};
use testkit::{Bus, Daemon, RUNNING, SOON, config_every, state_path, text};

use crate::BIN;
use stretchd::catalog::safety_notice;

const TZ: (&str, &str) = ("TZ", "UTC");

/// A bus, a notification server and a daemon whose one reminder pins the seated twist.
fn setup() -> (Bus, Server, Daemon, tempfile::TempDir) {
    let bus = Bus::start();
    let server = Server::start(&bus.address);
    let dir = tempfile::tempdir().unwrap();
    let config = testkit::write_file(dir.path(), "config.toml", &config_every("1h"));
    let mut daemon = BIN.daemon(&bus.address, &config).env(TZ.0, TZ.1).start();
    daemon.wait_for_log(RUNNING, SOON);
    (bus, server, daemon, dir)
}

fn ok(home: &Path, args: &[&str]) -> String {
    BIN.ok_in(home, args, &[TZ])
}

fn json(home: &Path, args: &[&str]) -> Value {
    BIN.json_in(home, args, &[TZ])
}

/// Runs a command that must fail with status 1; returns its stderr.
fn fails(home: &Path, args: &[&str]) -> String {
    let out = BIN.run_in(home, args, &[TZ], SOON);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{args:?}: {}",
        text(&out.stdout)
    );
    text(&out.stderr)
}

/// `stretchd now`, and the notification it shows.
fn now(home: &Path, server: &Server, daemon: &Daemon) -> Note {
    ok(home, &["now"]);
    server.next(SOON, daemon)
}

fn history(home: &Path) -> Vec<Value> {
    let text = std::fs::read_to_string(testkit::history_path(home)).unwrap_or_default();
    text.lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn done_hard_raises_the_hold_shown_next_and_done_easy_lowers_it() {
    let (_bus, server, daemon, _dir) = setup();
    let home = daemon.home().to_owned();

    let first = now(&home, &server, &daemon);
    assert_eq!(first.summary, "Stretch: Seated twist, 15 s each side");
    let done = ok(&home, &["done", "--hard"]);
    assert_eq!(
        done.trim(),
        "done: \"stretch\"; next time hold 20 s (was 15 s)"
    );
    // The status's next reminder and the next notification show the new level.
    let status = json(&home, &["status"]);
    assert_eq!(
        status["next"]["title"], "Stretch: Seated twist, 20 s each side",
        "{status}"
    );
    let second = now(&home, &server, &daemon);
    assert_eq!(second.summary, "Stretch: Seated twist, 20 s each side");
    let status = ok(&home, &["status"]);
    assert!(status.contains("Seated twist, 20 s each side"), "{status}");
    let report = json(&home, &["stats"]);
    let twist = report["levels"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["item"] == "seated-twist")
        .cloned()
        .unwrap();
    assert_eq!(twist["hold_secs"], 20, "{report}");

    // A plain Done counts toward growth without changing the hold; --easy steps down.
    assert_eq!(ok(&home, &["done"]).trim(), "done: \"stretch\"");
    now(&home, &server, &daemon);
    assert_eq!(
        ok(&home, &["done", "--easy"]).trim(),
        "done: \"stretch\"; next time hold 15 s (was 20 s)"
    );
    let saved: Value =
        serde_json::from_str(&std::fs::read_to_string(state_path(&home)).unwrap()).unwrap();
    assert_eq!(saved["levels"]["seated-twist"]["hold_secs"], 15, "{saved}");
    // Both at once is a usage error.
    let both = BIN.run_in(&home, &["done", "--easy", "--hard"], &[TZ], SOON);
    assert_eq!(both.status.code(), Some(2));
    assert!(
        text(&both.stderr).contains("cannot be used with"),
        "{}",
        text(&both.stderr)
    );
}

/// `done --easy`/`--hard` after what has no hold (a flow, a posture check, a session) says it
/// did nothing instead of dropping it in silence.
#[test]
fn done_hard_on_what_has_no_hold_says_it_does_nothing() {
    let bus = Bus::start();
    let server = Server::start(&bus.address);
    let dir = tempfile::tempdir().unwrap();
    let text = testkit::all_day_config(
        "[notify]\nterminal = \"true\"\n\n\
         [[reminder]]\nid = \"flow\"\nkind = \"stretch\"\nevery = \"1h\"\nstretch = \"cat-camel\"\n\n\
         [[reminder]]\nid = \"p\"\nkind = \"posture\"\nevery = \"1h\"\n\n\
         [[reminder]]\nid = \"session\"\nkind = \"session\"\ncron = \"0 0 1 1 *\"\n",
    );
    let config = testkit::write_file(dir.path(), "config.toml", &text);
    let mut daemon = BIN.daemon(&bus.address, &config).env(TZ.0, TZ.1).start();
    daemon.wait_for_log(RUNNING, SOON);
    let home = daemon.home().to_owned();
    // (reminder, what `done --hard` says after it)
    let table = [
        (
            "flow",
            "done: \"flow\" (--easy and --hard do nothing here: \"cat-camel\" has no hold to shorten or lengthen)",
        ),
        (
            "p",
            "done: \"p\" (--easy and --hard do nothing here: a posture check has no hold)",
        ),
    ];
    for (reminder, said) in table {
        ok(&home, &["now", reminder]);
        let _ = server.next(SOON, &daemon);
        assert_eq!(ok(&home, &["done", "--hard"]).trim(), said);
    }
    ok(&home, &["now", "session"]);
    let _ = server.next(SOON, &daemon);
    let said = ok(&home, &["done", "--easy"]);
    assert!(said.starts_with("started \"session\""), "{said}");
    assert!(
        said.contains("(--easy and --hard apply to one stretch held still, not to a session"),
        "{said}"
    );
}

#[test]
fn three_done_buttons_in_a_row_grow_the_hold_a_step() {
    let (_bus, server, mut daemon, _dir) = setup();
    let home = daemon.home().to_owned();
    for _ in 0..3 {
        let note = now(&home, &server, &daemon);
        assert_eq!(note.summary, "Stretch: Seated twist, 15 s each side");
        server.press(note.id, "done");
        daemon.wait_for_log(": done", SOON);
    }
    daemon.wait_for_log("holds 15 s -> 20 s", SOON);
    let note = now(&home, &server, &daemon);
    assert_eq!(note.summary, "Stretch: Seated twist, 20 s each side");
}

#[test]
fn hurt_sets_the_stretch_aside_names_an_alternative_and_restore_brings_it_back() {
    let (_bus, server, daemon, _dir) = setup();
    let home = daemon.home().to_owned();

    let line = fails(&home, &["hurt"]);
    assert!(line.contains("name the one that hurt"), "{line}");
    now(&home, &server, &daemon);
    ok(&home, &["done"]);
    // No id: the last stretch done.
    let advice = ok(&home, &["hurt"]);
    assert!(advice.starts_with("Stop \"Seated twist\" now."), "{advice}");
    assert!(advice.contains("see a healthcare professional"), "{advice}");
    assert!(
        advice.contains("`stretchd stretches restore seated-twist`"),
        "{advice}"
    );
    assert!(advice.contains("Instead, try"), "{advice}");
    let entries = history(&home);
    let last = entries.last().unwrap();
    assert_eq!(last["outcome"], "hurt", "{entries:?}");
    assert_eq!(last["item"], "seated-twist");
    assert_eq!(last["reminder"], "manual");

    let listing = json(&home, &["stretches"]);
    assert_eq!(
        listing["set_aside"]["seated-twist"]["reason"], "it hurt",
        "{listing}"
    );
    assert!(listing["stretches"].is_array(), "{listing}");
    let text = ok(&home, &["stretches"]);
    let line = text.lines().find(|l| l.contains("seated-twist")).unwrap();
    assert!(line.contains("[set aside: it hurt,"), "{text}");

    // The pinned stretch is set aside: the reminder shows another from the rotation.
    let other = now(&home, &server, &daemon);
    assert!(other.summary.starts_with("Stretch: "), "{}", other.summary);
    assert!(!other.summary.contains("Seated twist"), "{}", other.summary);
    // Hurt without an id now means the stretch on screen: it answers it.
    let advice = ok(&home, &["hurt"]);
    assert!(advice.starts_with("Stop \""), "{advice}");
    assert!(!advice.contains("Seated twist\" now"), "{advice}");
    let entries = history(&home);
    let last = entries.last().unwrap();
    assert_eq!(last["outcome"], "hurt");
    assert_eq!(last["reminder"], "stretch");
    assert!(json(&home, &["status"])["waiting"].is_null());

    let restored = json(&home, &["stretches", "restore", "seated-twist"]);
    assert_eq!(restored["type"], "ok", "{restored}");
    assert!(
        json(&home, &["stretches"])["set_aside"]["seated-twist"].is_null(),
        "still set aside"
    );
    let line = fails(&home, &["stretches", "restore", "seated-twits"]);
    assert!(
        line.contains("\"seated-twits\" is not a stretch of the catalogue"),
        "{line}"
    );
    let line = fails(&home, &["stretches", "restore", "seated-twist"]);
    assert!(line.contains("\"seated-twist\" is not set aside"), "{line}");
    let back = now(&home, &server, &daemon);
    assert_eq!(back.summary, "Stretch: Seated twist, 15 s each side");
    let line = fails(&home, &["hurt", "sit-tall"]);
    assert!(line.contains("is not a stretch of the catalogue"), "{line}");
}

#[test]
fn without_a_daemon_hurt_and_restore_change_the_saved_state() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    let line = fails(home, &["hurt"]);
    assert!(line.contains("name the one that hurt"), "{line}");
    let advice = ok(home, &["hurt", "thread-the-needle"]);
    assert!(
        advice.starts_with("Stop \"Thread the needle\" now."),
        "{advice}"
    );
    assert!(advice.contains("Instead, try"), "{advice}");
    let saved: Value =
        serde_json::from_str(&std::fs::read_to_string(state_path(home)).unwrap()).unwrap();
    assert_eq!(saved["set_aside"]["thread-the-needle"]["reason"], "it hurt");
    assert_eq!(history(home).last().unwrap()["outcome"], "hurt");
    let text = ok(home, &["stretches"]);
    assert!(text.contains("[set aside: it hurt,"), "{text}");
    assert_eq!(
        ok(home, &["stretches", "restore", "thread-the-needle"]).trim(),
        "restored \"thread-the-needle\": it is back in rotation"
    );
    let line = fails(home, &["stretches", "restore", "thread-the-needle"]);
    assert!(line.contains("is not set aside"), "{line}");
    // A typo says there is no such stretch, not that it is not set aside.
    let line = fails(home, &["stretches", "restore", "thread-the-needel"]);
    assert!(
        line.contains("\"thread-the-needel\" is not a stretch of the catalogue"),
        "{line}"
    );
    assert!(
        json(home, &["stretches"])["set_aside"]
            .as_object()
            .unwrap()
            .is_empty()
    );
}

/// A stretch that hurt is out of the session too, and of the guide's suggestion; with every
/// stretch set aside, the guide says so and how to bring one back, instead of suggesting one
/// that hurt.
#[test]
fn what_is_set_aside_leaves_the_session_and_the_suggestion() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    ok(home, &["hurt", "thread-the-needle"]);
    let session = ok(home, &["guide", "--session", "--no-wait"]);
    assert!(
        session.starts_with("Stretch session: warm-up and 3 stretches, about "),
        "{session}"
    );
    assert!(!session.contains("Thread the needle"), "{session}");
    assert!(session.contains("Seated twist"), "{session}");
    for id in ["cat-camel", "thoracic-extension", "seated-twist"] {
        ok(home, &["hurt", id]);
    }
    let advice = ok(home, &["hurt", "seated-twist"]);
    assert!(
        advice.contains(
            "Every other stretch that fits your positions and equipment is set aside too"
        ),
        "{advice}"
    );
    assert!(!advice.contains("[fit]"), "{advice}");
    let line = fails(home, &["guide", "--session", "--no-wait"]);
    assert!(
        line.contains("every stretch of the session is set aside"),
        "{line}"
    );
    assert!(line.contains("stretchd stretches restore ID"), "{line}");
    ok(home, &["hurt", "foam-rolling"]);
    let line = fails(home, &["guide", "--no-wait"]);
    assert!(
        line.contains("no stretch to suggest: every stretch is set aside"),
        "{line}"
    );
    assert!(line.contains("stretchd stretches restore ID"), "{line}");
    ok(home, &["stretches", "restore", "cat-camel"]);
    let out = ok(home, &["guide", "--no-wait"]);
    assert!(out.starts_with("Stretch: Cat-camel"), "{out}");
}

/// What a stretch reminder's body says until the safety notice is seen: where to read it.
const SAFETY_CUE: &str = "for the safety notice";

/// An `xdg-open` in a directory of its own that opens nothing and succeeds: `PATH` for it.
fn quiet_opener(dir: &Path) -> String {
    testkit::shell_script(dir, "xdg-open", "exit 0");
    testkit::path_with(dir)
}

#[test]
fn the_safety_notice_is_pointed_to_until_its_card_is_opened() {
    let (_bus, server, mut daemon, dir) = setup();
    let home = daemon.home().to_owned();
    let path = quiet_opener(dir.path());

    let first = now(&home, &server, &daemon);
    assert!(first.body.contains(SAFETY_CUE), "{}", first.body);
    // Replaced without an answer: again.
    let second = now(&home, &server, &daemon);
    assert_eq!(second.replaces_id, first.id);
    assert!(second.body.contains(SAFETY_CUE), "{}", second.body);
    // Dismissed: again.
    server.close(second.id, 2);
    daemon.wait_for_log(": dismissed", SOON);
    let third = now(&home, &server, &daemon);
    assert!(third.body.contains(SAFETY_CUE), "{}", third.body);
    // Skipped: an answer, but the notice is on the card, which was not opened: again.
    ok(&home, &["skip"]);
    let fourth = now(&home, &server, &daemon);
    assert!(fourth.body.contains(SAFETY_CUE), "{}", fourth.body);
    // `stretchd card` opened it: read, and no more.
    BIN.ok_in(&home, &["card", "seated-twist"], &[TZ, ("PATH", &path)]);
    let fifth = now(&home, &server, &daemon);
    assert!(!fifth.body.contains(SAFETY_CUE), "{}", fifth.body);
    let saved: Value =
        serde_json::from_str(&std::fs::read_to_string(state_path(&home)).unwrap()).unwrap();
    assert_eq!(saved["safety_shown"], true);

    // On request, at any time.
    let notice = ok(&home, &["stretches", "safety"]);
    assert_eq!(notice.trim_end(), safety_notice());
    assert_eq!(
        json(&home, &["stretches", "safety"])["safety_notice"],
        safety_notice()
    );
    let guide = ok(&home, &["guide", "seated-twist", "--no-wait", "--safety"]);
    assert!(guide.contains(safety_notice()), "{guide}");
    let guide = ok(&home, &["guide", "seated-twist", "--no-wait"]);
    assert!(!guide.contains(safety_notice()), "{guide}");
}

#[test]
fn a_state_file_from_before_levels_loads_and_keeps_its_fields() {
    let fixture = include_str!("../data/state-before-levels.json");
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("state.json"), fixture).unwrap();
    let store = stretchd::store::Store::new(dir.path());
    let now = "2026-11-30T09:55:00Z".parse().unwrap();
    let state = store.load(now);
    assert_eq!(
        state.started,
        "2026-11-30T08:00:00Z"
            .parse::<chrono::DateTime<chrono::Utc>>()
            .unwrap()
    );
    assert_eq!(state.snoozes.len(), 1);
    assert_eq!(state.rotation.last_stretch.as_deref(), Some("seated-twist"));
    assert!(state.safety_shown);
    assert!(state.levels.is_empty());
    assert!(state.set_aside.is_empty());
    // Saved again unchanged, it reads as it did: the new fields are left out while empty.
    store.save(&state).unwrap();
    let again: Value =
        serde_json::from_str(&std::fs::read_to_string(store.path()).unwrap()).unwrap();
    let before: Value = serde_json::from_str(fixture).unwrap();
    assert_eq!(again, before);
}

/// A `state.json` whose Done count is far past the step shows at most a step's worth in
/// `stats`, and a hold past its bound is timed at the bound.
#[test]
fn a_huge_level_in_the_state_is_kept_within_its_bounds() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    let path = state_path(home);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(
        &path,
        r#"{"started":"2026-12-01T10:00:00Z","levels":{"thoracic-extension":{"hold_secs":4000000000,"done_in_row":4000000000},"ghost":{"hold_secs":20}},"set_aside":{"ghost":{"reason":"it hurt","at":"2026-12-01T10:00:00Z"}}}"#,
    )
    .unwrap();
    let stats = ok(home, &["stats"]);
    assert!(
        stats.contains(
            "  thoracic-extension  45 s (range 15-30 s; 3 of 3 Done toward the next step)"
        ),
        "{stats}"
    );
    let guide = ok(home, &["guide", "thoracic-extension", "--no-wait"]);
    assert!(guide.contains("    Hold 45 s (1 of 3)"), "{guide}");
}

/// Found by a hostile pass: with `state.json` replaced by a directory while the daemon runs,
/// `hurt` and `done --hard` said the stretch was set aside and the hold raised, and only the
/// daemon's log said none of it was saved. The reply now says so, names the file and the fix;
/// once the path is free, the next change saves it all.
#[test]
fn hurt_and_done_hard_say_when_the_state_cannot_be_saved() {
    let (_bus, server, daemon, _dir) = setup();
    let home = daemon.home().to_owned();
    let path = state_path(&home);
    now(&home, &server, &daemon);
    let _ = std::fs::remove_file(&path);
    std::fs::create_dir_all(&path).unwrap();
    let done = ok(&home, &["done", "--hard"]);
    assert!(done.contains("next time hold 20 s (was 15 s)"), "{done}");
    let unsaved = format!("(Not saved to {}: ", path.display());
    assert!(done.contains(&unsaved), "{done}");
    assert!(done.contains("it holds until stretchd stops"), "{done}");
    let hurt = ok(&home, &["hurt", "thread-the-needle"]);
    assert!(hurt.contains(&unsaved), "{hurt}");
    std::fs::remove_dir(&path).unwrap();
    let restore = ok(&home, &["stretches", "restore", "thread-the-needle"]);
    assert!(!restore.contains("Not saved"), "{restore}");
    let saved: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(saved["levels"]["seated-twist"]["hold_secs"], 20, "{saved}");
}

/// Found by a hostile pass: a set-aside reason or id in `state.json` with escape sequences went
/// to the terminal raw from `stretchd stretches` and from `stretches restore` of a stretch not
/// set aside. They are shown escaped.
#[test]
fn control_characters_in_the_set_aside_state_are_escaped() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    let path = state_path(home);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(
        &path,
        r#"{"started":"2026-12-01T10:00:00Z","set_aside":{"seated-twist":{"reason":"\u001b[2Jgone","at":"2026-12-01T10:00:00Z"},"ghost\u001b]0;x\u0007":{"reason":"it hurt","at":"2026-12-01T10:00:00Z"}}}"#,
    )
    .unwrap();
    let listing = ok(home, &["stretches"]);
    assert!(!listing.contains('\u{1b}'), "{listing:?}");
    assert!(
        listing.contains("[set aside: \\u{1b}[2Jgone, "),
        "{listing}"
    );
    let line = fails(home, &["stretches", "restore", "thoracic-extension"]);
    assert!(
        !line.contains('\u{1b}') && !line.contains('\u{7}'),
        "{line:?}"
    );
    assert!(line.contains("ghost\\u{1b}]0;x\\u{7}"), "{line}");
}

/// A stretch set aside in a `state.json` whose time is garbled (year 99999, before 1970) stays
/// aside: the state is not thrown away with it, so a stretch that hurt does not come back.
#[test]
fn a_set_aside_stretch_with_a_time_out_of_range_stays_aside() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    let path = state_path(home);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(
        &path,
        r#"{"started":"2026-12-01T10:00:00Z","levels":{"thoracic-extension":{"hold_secs":25}},"set_aside":{"seated-twist":{"reason":"it hurt","at":"+99999-01-01T00:00:00Z"},"thread-the-needle":{"reason":"it hurt","at":"1000-01-01T00:00:00Z"}}}"#,
    )
    .unwrap();
    let listing = json(home, &["stretches"]);
    for id in ["seated-twist", "thread-the-needle"] {
        assert_eq!(listing["set_aside"][id]["reason"], "it hurt", "{listing}");
    }
    let stats = ok(home, &["stats"]);
    assert!(stats.contains("  thoracic-extension  25 s"), "{stats}");
    let corrupt = std::fs::read_dir(path.parent().unwrap())
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .contains("corrupt")
        })
        .count();
    assert_eq!(corrupt, 0);
}

/// `now` for a stretch reminder whose every stretch is set aside says so, not that the
/// reminder does not exist.
#[test]
fn now_with_every_desk_stretch_set_aside_says_so() {
    let (_bus, _server, daemon, _dir) = setup();
    let home = daemon.home().to_owned();
    ok(&home, &["hurt", "seated-twist"]);
    ok(&home, &["hurt", "thoracic-extension"]);
    let line = fails(&home, &["now", "stretch"]);
    assert!(
        line.contains("reminder \"stretch\" has nothing to show: every stretch it can pick is set aside; `stretchd stretches restore ID` brings one back"),
        "{line}"
    );
    assert!(!line.contains("no reminder has the id"), "{line}");
    let line = fails(&home, &["now", "nope"]);
    assert!(line.contains("no reminder has the id \"nope\""), "{line}");
}

/// `done --easy` at the shortest hold says the hold stays, instead of nothing at all.
#[test]
fn done_easy_at_the_shortest_hold_says_it_stays() {
    let (_bus, server, daemon, _dir) = setup();
    let home = daemon.home().to_owned();
    let _ = now(&home, &server, &daemon);
    assert_eq!(
        ok(&home, &["done", "--easy"]).trim(),
        "done: \"stretch\"; the hold stays 15 s, the shortest it goes"
    );
}

#[test]
fn a_click_that_opens_the_card_counts_as_reading_the_safety_notice() {
    let bus = Bus::start();
    let server = Server::start(&bus.address);
    let dir = tempfile::tempdir().unwrap();
    let path = quiet_opener(dir.path());
    let config = testkit::write_file(dir.path(), "config.toml", &config_every("1h"));
    let mut daemon = BIN
        .daemon(&bus.address, &config)
        .env(TZ.0, TZ.1)
        .env("PATH", &path)
        .start();
    daemon.wait_for_log(RUNNING, SOON);
    let home = daemon.home().to_owned();

    let first = now(&home, &server, &daemon);
    assert!(first.body.contains(SAFETY_CUE), "{}", first.body);
    server.press(first.id, "default");
    daemon.wait_for_log("opened the card", SOON);
    let second = now(&home, &server, &daemon);
    assert!(!second.body.contains(SAFETY_CUE), "{}", second.body);
}
