//! The program the article prescribes, end to end through the real CLI: desk stretches through
//! the work day and sessions a few times a week in the default config, `guide --session`, the
//! weekly goal of sessions and the suggestion of one more, and the files of earlier releases
//! (config.toml with `stretches_per_week`, history.jsonl) still loading.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::Stdio;

use chrono::{DateTime, Datelike as _, Days, Utc};
use serde_json::Value;
use stretchd::catalog::Catalog;

use testkit::{
    Bus, RUNNING, SOON, all_day_config, history_path, state_dir, state_path, write_file,
};

use crate::BIN;

/// A file of `tests/data`.
fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

const UTC: [(&str, &str); 1] = [("TZ", "UTC")];

#[test]
fn the_default_program_never_asks_for_the_floor_outside_a_session() {
    let home = tempfile::tempdir().unwrap();
    // Monday 30 November 2026, 08:00 UTC: 200 reminders take more than a working week.
    let report = BIN.json_in(
        home.path(),
        &["check", "--from", "2026-11-30T08:00:00Z", "--count", "200"],
        &UTC,
    );
    let upcoming = report["upcoming"].as_array().unwrap();
    assert_eq!(upcoming.len(), 200, "{report}");
    let catalog = Catalog::default();
    let at = |u: &Value| DateTime::parse_from_rfc3339(u["at"].as_str().unwrap()).unwrap();
    let last = at(upcoming.last().unwrap());
    assert!(
        last.date_naive() >= chrono::NaiveDate::from_ymd_opt(2026, 12, 7).unwrap(),
        "not a whole week: {last}"
    );
    let mut sessions = Vec::new();
    let mut desk = 0;
    for u in upcoming {
        match u["kind"].as_str().unwrap() {
            "stretch" => {
                let s = catalog.stretch(u["item"].as_str().unwrap()).unwrap();
                assert!(s.desk_friendly(), "a floor stretch at the desk: {u}");
                desk += 1;
            }
            "session" => sessions.push(at(u).format("%a %H:%M").to_string()),
            "posture" => {}
            other => panic!("unknown kind {other}: {u}"),
        }
    }
    assert!(desk >= 20, "{desk} desk stretches");
    assert_eq!(
        sessions[..3],
        ["Mon 17:00", "Wed 17:00", "Fri 17:00"],
        "{sessions:?}"
    );
    // The session's line says how long it takes.
    let session = upcoming.iter().find(|u| u["kind"] == "session").unwrap();
    let title = session["title"].as_str().unwrap();
    assert!(
        title.starts_with("Stretch session: warm-up and 4 stretches, about ")
            && title.ends_with(" min"),
        "{title}"
    );
}

#[test]
fn guide_session_no_wait_prints_the_warm_up_and_every_stretch_that_fits() {
    let home = tempfile::tempdir().unwrap();
    let out = BIN.ok_in(home.path(), &["guide", "--session", "--no-wait"], &[]);
    assert!(
        out.starts_with("Stretch session: warm-up and 4 stretches, about "),
        "{out}"
    );
    assert!(
        out.contains("Warm up first: 5-10 minutes of light movement"),
        "{out}"
    );
    assert!(
        out.contains("    Warm up: light movement for 5 min (press Enter"),
        "{out}"
    );
    // Each hold at its level: the low end of the range, as nothing is done yet.
    assert!(
        out.contains("\nTimed: about 8 min, with each hold at its level now.\n"),
        "{out}"
    );
    let headings: Vec<&str> = out.lines().filter(|l| l.starts_with('[')).collect();
    assert_eq!(
        headings,
        [
            "[1/4] Stretch: Cat-camel, 8 slow rounds",
            "[2/4] Stretch: Thoracic extension, 15 s",
            "[3/4] Stretch: Seated twist, 15 s each side",
            "[4/4] Stretch: Thread the needle, 15 s each side",
        ],
        "{out}"
    );
    // The warm-up comes first, before the first stretch.
    assert!(out.find("    Warm up:").unwrap() < out.find("[1/4]").unwrap());
    assert!(out.ends_with("Not recorded: run without --no-wait to time and record it.\n"));

    // At a chair with a roller and without the warm-up: the two chair stretches only.
    let config = write_file(
        home.path(),
        "chair.toml",
        "[stretches]\npositions = [\"chair\"]\nequipment = [\"foam_roller\"]\n\n[[reminder]]\nid = \"s\"\nkind = \"session\"\ncron = \"0 17 * * *\"\n",
    );
    let config = config.to_str().unwrap();
    let out = BIN.ok_in(
        home.path(),
        &[
            "guide",
            "--session",
            "--no-warmup",
            "--no-wait",
            "--config",
            config,
        ],
        &[],
    );
    assert!(!out.contains("    Warm up:"), "{out}");
    let headings: Vec<&str> = out.lines().filter(|l| l.starts_with('[')).collect();
    assert_eq!(
        headings,
        [
            "[1/2] Stretch: Thoracic extension, 15 s",
            "[2/2] Stretch: Seated twist, 15 s each side",
        ],
        "{out}"
    );
    // Nothing recorded.
    assert!(!history_path(home.path()).exists());
}

#[test]
fn a_desk_stretch_guide_says_it_is_one_and_a_floor_one_says_to_warm_up() {
    let home = tempfile::tempdir().unwrap();
    let desk = BIN.ok_in(home.path(), &["guide", "seated-twist", "--no-wait"], &[]);
    assert!(desk.contains("\nA short desk stretch: "), "{desk}");
    let floor = BIN.ok_in(home.path(), &["guide", "cat-camel", "--no-wait"], &[]);
    assert!(floor.contains("\nWarm up first: 5-10 minutes"), "{floor}");
    assert!(!floor.contains("A short desk stretch"), "{floor}");
}

/// A config whose session is one custom standing stretch of a one-second hold, so that a whole
/// session runs in about a second.
fn one_second_session(home: &Path) -> String {
    let text = all_day_config(
        "[stretches]\npositions = [\"standing\"]\n\n\
         [[stretch]]\nid = \"reach\"\nname = \"Overhead reach\"\n\
         steps = [\"Stand tall.\", \"Reach up.\"]\nhold = \"1s\"\nposition = \"standing\"\n\n\
         [[reminder]]\nid = \"session\"\nkind = \"session\"\ncron = \"0 17 * * mon,wed,fri\"\n",
    );
    let path = write_file(home, "session.toml", &text);
    path.to_str().unwrap().to_owned()
}

/// Runs `stretchd guide --session --config CONFIG` with `input` on stdin; returns what it
/// printed, once it has exited successfully.
fn guided_session(home: &Path, config: &str, input: &'static [u8]) -> String {
    let mut cmd = BIN.command(home);
    cmd.args(["guide", "--session", "--config", config])
        .env_remove("DBUS_SESSION_BUS_ADDRESS")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    let pid = child.id();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(child.wait_with_output());
    });
    let out = rx.recv_timeout(SOON).unwrap_or_else(|_| {
        let _ = std::process::Command::new("kill")
            .arg(pid.to_string())
            .status();
        panic!("guide --session did not finish")
    });
    let out = out.unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    stdout
}

#[test]
fn a_session_asks_which_stretch_hurt_and_sets_that_one_aside() {
    let home = tempfile::tempdir().unwrap();
    // Enter skips the warm-up; "1" answers the question at the end.
    let config = one_second_session(home.path());
    let stdout = guided_session(home.path(), &config, b"\n1\n");
    assert!(
        stdout.contains("Did one of them hurt? Its number (1 Overhead reach)"),
        "{stdout}"
    );
    assert!(stdout.contains("Stop \"Overhead reach\" now."), "{stdout}");
    assert!(stdout.contains("Recorded \"session\" as done"), "{stdout}");
    let state: Value =
        serde_json::from_str(&std::fs::read_to_string(state_path(home.path())).unwrap()).unwrap();
    assert!(state["set_aside"]["reach"].is_object(), "{state}");
    let log = std::fs::read_to_string(history_path(home.path())).unwrap();
    let outcomes: Vec<String> = log
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap()["outcome"].to_string())
        .collect();
    assert_eq!(outcomes, ["\"hurt\"", "\"done\""], "{log}");
}

#[test]
fn a_finished_session_records_one_session_that_fills_the_goal() {
    let home = tempfile::tempdir().unwrap();
    let config = one_second_session(home.path());
    // Enter during the warm-up: already warmed up.
    let stdout = guided_session(home.path(), &config, b"\n");
    assert!(stdout.contains("skipped"), "{stdout}");
    assert!(stdout.contains("[1/1] Stretch: Overhead reach"), "{stdout}");
    assert!(stdout.contains("Recorded \"session\" as done"), "{stdout}");

    let log = std::fs::read_to_string(history_path(home.path())).unwrap();
    let entries: Vec<Value> = log
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(entries.len(), 1, "{log}");
    assert_eq!(entries[0]["kind"], "session");
    assert_eq!(entries[0]["item"], "session");
    assert_eq!(entries[0]["reminder"], "guide");
    assert_eq!(entries[0]["outcome"], "done");

    let stats = BIN.ok_in(home.path(), &["stats", "--config", &config], &[]);
    assert!(
        stats.contains("\nGoal: 1/3 stretch sessions this week\n"),
        "{stats}"
    );
    assert!(stats.contains("No desk stretches done yet."), "{stats}");
}

/// History lines of `n` sessions done on the Tuesday of each week that starts `weeks_ago`
/// Mondays before this week's (UTC).
fn sessions(now: DateTime<Utc>, weeks_ago: &[u64], n: u32) -> String {
    let monday = now
        .date_naive()
        .checked_sub_days(Days::new(u64::from(now.weekday().num_days_from_monday())))
        .unwrap();
    let mut lines = String::new();
    for weeks in weeks_ago {
        let tuesday = monday.checked_sub_days(Days::new(7 * weeks - 1)).unwrap();
        for i in 0..n {
            let _ = writeln!(
                lines,
                "{{\"time\":\"{tuesday}T{:02}:00:00Z\",\"reminder\":\"session\",\"kind\":\"session\",\"item\":\"session\",\"outcome\":\"done\"}}",
                9 + i
            );
        }
    }
    lines
}

fn write_history(home: &Path, text: &str) {
    std::fs::create_dir_all(state_dir(home)).unwrap();
    std::fs::write(history_path(home), text).unwrap();
}

const SUGGESTION: &str = "The goal was met 3+ weeks in a row: ready for one more session a week? Set [goal] sessions_per_week = 4 in the config.";

#[test]
fn stats_and_status_suggest_one_more_session_after_three_weeks_met_and_not_after_a_miss() {
    let now = Utc::now();
    let bus = Bus::start();
    for (weeks, suggested) in [(&[1, 2, 3][..], true), (&[1, 3][..], false)] {
        let home = tempfile::tempdir().unwrap();
        write_history(home.path(), &sessions(now, weeks, 3));
        let summary = BIN.ok_in(home.path(), &["stats"], &UTC);
        assert_eq!(
            summary.contains(SUGGESTION),
            suggested,
            "{weeks:?}: {summary}"
        );
        let json = BIN.json_in(home.path(), &["stats"], &UTC);
        assert_eq!(
            json["suggest"].as_u64(),
            suggested.then_some(4),
            "{weeks:?}: {json}"
        );

        // A config that shows nothing soon, so the daemon only answers.
        let config = write_file(
            home.path(),
            "config.toml",
            &all_day_config("[[reminder]]\nid = \"s\"\nkind = \"session\"\ncron = \"0 0 1 1 *\"\n"),
        );
        let mut daemon = BIN
            .daemon(&bus.address, &config)
            .home(home.path())
            .env("TZ", "UTC")
            .start();
        daemon.wait_for_log(RUNNING, SOON);
        let status = BIN.ok_in(home.path(), &["status"], &UTC);
        assert_eq!(
            status.contains(SUGGESTION),
            suggested,
            "{weeks:?}: {status}"
        );
        assert!(
            status.contains("This week: 0 of 3 stretch sessions"),
            "{status}"
        );
        let json = BIN.json_in(home.path(), &["status"], &UTC);
        assert_eq!(
            json["week"]["suggest"].as_u64(),
            suggested.then_some(4),
            "{weeks:?}: {json}"
        );
        drop(daemon);
    }
}

#[test]
fn a_config_of_the_previous_release_loads_with_a_hint_to_the_new_goal_key() {
    let fixture = data("config-v1.toml");
    let path = fixture.to_str().unwrap();
    let home = tempfile::tempdir().unwrap();
    let out = BIN.run_in(
        home.path(),
        &["check", "--config", path, "-n", "3"],
        &UTC,
        SOON,
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // The old key's place, and the fix.
    let line = std::fs::read_to_string(&fixture)
        .unwrap()
        .lines()
        .position(|l| l.starts_with("stretches_per_week"))
        .unwrap()
        + 1;
    let hint = format!(
        "warning: {path}:{line}:22: goal: stretches_per_week is the old name of sessions_per_week"
    );
    assert!(stdout.contains(&hint), "{stdout}");
    assert!(
        stdout.contains("rename it to sessions_per_week = 3"),
        "{stdout}"
    );
    // Its goal still counts.
    let stats = BIN.ok_in(home.path(), &["stats", "--config", path], &UTC);
    assert!(stats.contains("stretch sessions this week"), "{stats}");
    // Both names at once: refused, naming the old one.
    let both = write_file(
        home.path(),
        "both.toml",
        "[goal]\nsessions_per_week = 2\nstretches_per_week = 3\n\n[[reminder]]\nid = \"p\"\nkind = \"posture\"\nevery = \"30m\"\n",
    );
    let out = BIN.run_in(
        home.path(),
        &["check", "--config", both.to_str().unwrap()],
        &UTC,
        SOON,
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(
        stderr.contains(&format!("{}:3:22: goal: has both", both.display())),
        "{stderr}"
    );
}

#[test]
fn a_history_of_the_previous_release_loads_and_its_stretches_count_as_desk_stretches() {
    let home = tempfile::tempdir().unwrap();
    write_history(
        home.path(),
        &std::fs::read_to_string(data("history-v1.jsonl")).unwrap(),
    );
    let out = BIN.run_in(home.path(), &["stats", "--json"], &UTC, SOON);
    assert!(out.status.success());
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stats: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(stats["outcomes"]["done"], 4, "{stats}");
    assert_eq!(stats["outcomes"]["expired"], 1, "{stats}");
    let per: Vec<(String, u64)> = stats["per_stretch"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["item"].as_str().unwrap().to_owned(),
                c["done"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        per,
        [
            ("cat-camel".to_owned(), 1),
            ("seated-twist".to_owned(), 1),
            ("thoracic-extension".to_owned(), 1)
        ]
    );
    // Desk stretches do not fill the goal of sessions.
    assert_eq!(stats["streak_weeks"], 0, "{stats}");
    let history = BIN.ok_in(home.path(), &["history"], &UTC);
    assert_eq!(history.lines().count(), 8, "{history}");
}

/// A session moved outside the work hours (`config set` of either) still loads, but `check`
/// warns that it never fires, in text and JSON; the default program has no such warning.
#[test]
fn check_warns_of_a_reminder_that_never_fires_inside_work_hours() {
    let home = tempfile::tempdir().unwrap();
    let default = BIN.ok_in(home.path(), &["check", "--count", "1"], &[]);
    assert!(!default.contains("warning:"), "{default}");
    BIN.ok_in(
        home.path(),
        &["config", "set", "schedule.work_hours", r#"["09:00-12:00"]"#],
        &[],
    );
    let out = BIN.ok_in(home.path(), &["check", "--count", "1"], &[]);
    assert!(
        out.contains("warning: reminder \"session\" never fires: its time never falls inside the work days and hours of [schedule]"),
        "{out}"
    );
    assert!(!out.contains("reminder \"stretch\" never fires"), "{out}");
    let report = BIN.json_in(home.path(), &["check", "--count", "1"], &[]);
    let warnings = report["warnings"].as_array().unwrap();
    assert_eq!(warnings.len(), 1, "{report}");
    assert!(
        warnings[0]
            .as_str()
            .unwrap()
            .contains("\"session\" never fires"),
        "{report}"
    );
}
