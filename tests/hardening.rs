//! Issue 9's hostile inputs against the real daemon on a private bus: a notification server
//! that stops answering, forged notification signals, huge counts and durations in the CLI and
//! in raw requests, an empty config, ids with terminal escapes, a refused notification, an
//! unsaved answer, and the autumn DST change with the real `chrono::Local`.
//!
//! Every wait is bounded (a process exit, a log line, a reply).

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;
use std::time::Duration;

use serde_json::Value;
use tempfile::TempDir;

use common::notifications::{Server, forge_action};
use common::{
    Bus, Daemon, RUNNING, SOON, all_day_config, config_every, history_path, raw_request, run_in,
    socket_path, text, write_file,
};

/// Longer than the daemon's 5 s bound on a notification-server call, with room to spare.
const CALL_BOUND: Duration = Duration::from_secs(20);
const TZ: (&str, &str) = ("TZ", "UTC");
const TWIST: &str = "Mid-back stretch: Seated twist, 15-30 s each side";

/// A bus, a config file and a running daemon in a fresh home.
struct Setup {
    bus: Bus,
    daemon: Daemon,
    config: PathBuf,
    _dir: TempDir,
    home: TempDir,
}

impl Setup {
    fn new(config: &str) -> Setup {
        Setup::before_start(config, |_| {})
    }

    /// Runs `prepare` on the home before the daemon starts.
    fn before_start(config: &str, prepare: impl FnOnce(&Path)) -> Setup {
        let bus = Bus::start();
        let dir = tempfile::tempdir().unwrap();
        let home = tempfile::tempdir().unwrap();
        prepare(home.path());
        let config = write_file(dir.path(), "config.toml", config);
        let mut daemon = Daemon::builder(&bus.address, &config)
            .home(home.path())
            .env(TZ.0, TZ.1)
            .start();
        daemon.wait_for_log(RUNNING, SOON);
        Setup {
            bus,
            daemon,
            config,
            _dir: dir,
            home,
        }
    }

    fn home(&self) -> &Path {
        self.home.path()
    }

    fn cli(&self, args: &[&str]) -> Output {
        run_in(self.home(), args, &[TZ], CALL_BOUND)
    }

    /// A command that must succeed; its stdout.
    fn ok(&self, args: &[&str]) -> String {
        let out = self.cli(args);
        assert!(
            out.status.success(),
            "stretchd {args:?} failed ({}): {}{}\nlog:\n{}",
            out.status,
            text(&out.stdout),
            text(&out.stderr),
            self.daemon.log()
        );
        text(&out.stdout)
    }

    fn status(&self) -> Value {
        serde_json::from_str(&self.ok(&["status", "--json"])).unwrap()
    }

    /// One raw request frame over the socket; the reply line.
    fn request(&self, frame: &str) -> Value {
        let line = raw_request(&socket_path(self.home()), frame.as_bytes(), SOON).unwrap();
        serde_json::from_str(&line).unwrap_or_else(|e| panic!("{e}: {line:?}"))
    }

    fn history(&self) -> String {
        std::fs::read_to_string(history_path(self.home())).unwrap_or_default()
    }

    /// The daemon is alive, answers, and never panicked.
    fn assert_healthy(&mut self) {
        assert!(self.daemon.is_running(), "log:\n{}", self.daemon.log());
        self.status();
        assert_eq!(self.daemon.count("panicked"), 0, "{}", self.daemon.log());
    }
}

fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn a_notification_server_that_stops_answering_freezes_nothing() {
    let bus = Bus::start();
    let _server = Server::start_stalled(&bus.address);
    let dir = tempfile::tempdir().unwrap();
    let home = tempfile::tempdir().unwrap();
    let config = write_file(dir.path(), "config.toml", &config_every("1h"));
    let mut daemon = Daemon::builder(&bus.address, &config)
        .home(home.path())
        .env(TZ.0, TZ.1)
        .start();
    daemon.wait_for_log(RUNNING, SOON);
    let cli = |args: &'static [&'static str]| {
        let home = home.path().to_path_buf();
        std::thread::spawn(move || run_in(&home, args, &[TZ], CALL_BOUND))
    };

    let now = cli(&["now"]);
    daemon.wait_for_log("reminder=stretch", SOON);
    // While the server holds the Notify call, every command is answered at once and carried
    // out (the CLI's own reply timeout would fail them otherwise).
    let status = run_in(home.path(), &["status", "--json"], &[TZ], SOON);
    assert!(status.status.success(), "{}", text(&status.stderr));
    let status: Value = serde_json::from_slice(&status.stdout).unwrap();
    assert_eq!(status["waiting"]["title"], TWIST, "{status}");
    let done = run_in(home.path(), &["done"], &[TZ], SOON);
    assert!(done.status.success(), "{}", text(&done.stderr));
    assert!(
        text(&done.stdout).contains("done: \"stretch\""),
        "{}",
        text(&done.stdout)
    );
    // `now` hears, within the daemon's bound, that the server did not take it.
    let now = now.join().unwrap();
    assert_eq!(now.status.code(), Some(1), "{}", text(&now.stderr));
    assert!(
        text(&now.stderr).contains("did not answer within 5 s"),
        "{}",
        text(&now.stderr)
    );

    // SIGTERM is not queued behind a call that the server holds.
    let _again = cli(&["now"]);
    daemon.wait_for_log("reminder=stretch", SOON);
    daemon.signal("TERM");
    let exit = daemon.wait_exit(SOON);
    assert!(exit.success(), "{exit}; log:\n{}", daemon.log());
    assert_eq!(daemon.count("panicked"), 0, "{}", daemon.log());
}

#[test]
fn notification_signals_count_only_from_the_server() {
    let mut s = Setup::new(&config_every("1h"));
    let server = Server::start(&s.bus.address);
    s.ok(&["now"]);
    let note = server.next_reminder(SOON, &s.daemon);
    assert_eq!(note.summary, TWIST);

    // Another client of the session bus forges a click on Done: broadcast and sent straight
    // to the daemon.
    forge_action(&s.bus.address, s.daemon.pid(), note.id, "done");
    s.daemon.wait_for_log("ignored a notification signal", SOON);
    let status = s.status();
    assert_eq!(status["waiting"]["title"], TWIST, "{status}");
    assert!(!s.history().contains("\"done\""), "{}", s.history());

    // The server's own click counts.
    server.press(note.id, "done");
    // The log line comes just before the entry is appended.
    s.daemon
        .wait_for_log("done reminder=stretch item=seated-twist", SOON);
    let deadline = std::time::Instant::now() + SOON;
    while !s.history().contains("\"done\"") {
        assert!(std::time::Instant::now() < deadline, "no done entry");
        std::thread::sleep(Duration::from_millis(20));
    }
    s.assert_healthy();
}

#[test]
fn huge_counts_and_durations_are_refused_in_the_cli_and_in_requests() {
    let mut s = Setup::new(&config_every("1h"));
    let huge = "18446744073709551615";
    for args in [
        &["next", "--count", huge][..],
        &["next", "-n", "1000000000"],
        &["check", "-n", huge],
        &["check", "--count", "0"],
    ] {
        let out = s.cli(args);
        assert_eq!(
            out.status.code(),
            Some(2),
            "{args:?}: {}",
            text(&out.stderr)
        );
        assert!(
            text(&out.stderr).contains("1..=1000") || text(&out.stderr).contains("too large"),
            "{args:?}: {}",
            text(&out.stderr)
        );
    }
    let listed = s.ok(&["next", "--count", "1000"]);
    assert_eq!(listed.lines().count(), 1000);

    for (args, limit) in [
        (&["pause", "300000y"][..], "366 days"),
        (&["pause", "367d"], "366 days"),
        (&["snooze", "300000y"], "1 day"),
        (&["snooze", "25h"], "1 day"),
    ] {
        let out = s.cli(args);
        let err = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(
            err.contains("is too long") && err.contains(limit),
            "{args:?}: {err}"
        );
        assert!(!err.contains("panicked"), "{args:?}: {err}");
    }

    // The daemon takes nothing on trust from a request either.
    let next = s.request(&format!("{{\"type\":\"next\",\"count\":{huge}}}\n"));
    assert_eq!(next["type"], "error", "{next}");
    let snooze = s.request(&format!("{{\"type\":\"snooze\",\"secs\":{huge}}}\n"));
    assert_eq!(snooze["type"], "error", "{snooze}");
    let message = snooze["message"].as_str().unwrap();
    assert!(message.contains("too long"), "{message}");
    assert!(
        !message.contains("ns") && !message.contains("pause"),
        "{message}"
    );
    let pause = s.request("{\"type\":\"pause\",\"until\":\"9999-12-31T00:00:00Z\"}\n");
    assert_eq!(pause["type"], "error", "{pause}");
    let message = pause["message"].as_str().unwrap();
    assert!(
        message.contains("too long") && message.contains("366 days"),
        "{message}"
    );
    assert!(!message.contains("ns "), "{message}");
    s.assert_healthy();
    let status = s.status();
    assert!(
        status["paused"].is_null() && status["snoozed"].is_null(),
        "{status}"
    );
}

#[test]
fn a_config_without_reminders_is_an_error_and_a_reload_to_it_keeps_the_old_one() {
    let dir = tempfile::tempdir().unwrap();
    let empty = write_file(dir.path(), "empty.toml", "");
    let out = run_in(dir.path(), &["check", "--config", path(&empty)], &[], SOON);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stdout));
    assert!(
        text(&out.stderr).contains("empty.toml:1:1: the config has no [[reminder]]"),
        "{}",
        text(&out.stderr)
    );
    let out = run_in(dir.path(), &["check", "--config", "/dev/null"], &[], SOON);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stdout));

    let mut s = Setup::new(&config_every("1h"));
    std::fs::write(&s.config, "").unwrap();
    s.daemon.wait_for_log("config not reloaded", SOON);
    let status = s.status();
    assert!(
        status["config_error"]
            .as_str()
            .is_some_and(|e| e.contains("no [[reminder]]")),
        "{status}"
    );
    assert_eq!(status["next"]["reminder"], "stretch", "{status}");
    s.assert_healthy();
}

#[test]
fn guide_done_takes_catalogue_ids_only_and_never_echoes_escapes() {
    let mut s = Setup::new(&config_every("1h"));
    let reply = s.request("{\"type\":\"guide_done\",\"item\":\"\\u001b[31mevil\"}\n");
    assert_eq!(reply["type"], "error", "{reply}");
    let message = reply["message"].as_str().unwrap();
    assert!(!message.contains('\u{1b}'), "{message:?}");
    assert!(
        message.contains("not a stretch of the catalogue"),
        "{message}"
    );
    let now = s.request("{\"type\":\"now\",\"reminder\":\"\\u001b]0;x\\u0007\"}\n");
    assert_eq!(now["type"], "error", "{now}");
    assert!(
        !now["message"].as_str().unwrap().contains('\u{1b}'),
        "{now}"
    );
    assert_eq!(s.history(), "");
    let ok = s.request("{\"type\":\"guide_done\",\"item\":\"cat-camel\"}\n");
    assert_eq!(ok["type"], "ok", "{ok}");
    assert!(s.history().contains("cat-camel"), "{}", s.history());
    s.assert_healthy();
}

#[test]
fn now_says_so_when_no_server_takes_the_reminder() {
    let mut s = Setup::new(&config_every("1h"));
    let out = s.cli(&["now"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stdout));
    assert!(
        !text(&out.stdout).contains("showing"),
        "{}",
        text(&out.stdout)
    );
    assert!(
        text(&out.stderr).contains("not shown"),
        "{}",
        text(&out.stderr)
    );
    s.assert_healthy();
}

#[test]
fn an_answer_that_cannot_be_saved_says_so() {
    // A directory where the history should be: the daemon cannot open it.
    let mut s = Setup::before_start(&config_every("1h"), |home| {
        std::fs::create_dir_all(home.join("state/stretchd/history.jsonl")).unwrap();
    });
    let _server = Server::start(&s.bus.address);
    s.ok(&["now"]);
    let out = s.cli(&["done"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stdout));
    let err = text(&out.stderr);
    assert!(err.contains("not saved"), "{err}");
    s.assert_healthy();
}

#[test]
fn work_hours_in_the_repeated_autumn_hour_start_at_the_first_one_with_the_real_local_zone() {
    let dir = tempfile::tempdir().unwrap();
    let config = write_file(
        dir.path(),
        "config.toml",
        "[schedule]\nwork_days = [\"sun\"]\nwork_hours = [\"02:30-04:00\"]\n\
         [[reminder]]\nid = \"p\"\nkind = \"posture\"\nevery = \"10m\"\n",
    );
    let args = [
        "check",
        "--json",
        "--count",
        "2",
        "--from",
        "2026-10-25T02:00:00+02:00",
        "--config",
        path(&config),
    ];
    let out = run_in(dir.path(), &args, &[("TZ", "Europe/Berlin")], SOON);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let report: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}{}", text(&out.stdout), text(&out.stderr)));
    let times: Vec<&str> = report["upcoming"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["at"].as_str().unwrap())
        .collect();
    // 02:30 CEST is 00:30 UTC; the window's first reminder comes 10 minutes in.
    assert_eq!(times, ["2026-10-25T00:40:00Z", "2026-10-25T00:50:00Z"]);
}

#[test]
fn snoozing_the_next_reminder_twice_holds_both() {
    let mut s = Setup::new(&all_day_config(
        "[[reminder]]\nid = \"a\"\nkind = \"posture\"\nevery = \"10m\"\n\
         [[reminder]]\nid = \"b\"\nkind = \"stretch\"\nevery = \"12m\"\n",
    ));
    let first = s.ok(&["snooze", "1h"]);
    assert!(first.contains("\"a\""), "{first}");
    let second = s.ok(&["snooze", "1h"]);
    assert!(second.contains("\"b\""), "{second}");
    let next: Value = serde_json::from_str(&s.ok(&["next", "--count", "2", "--json"])).unwrap();
    let list = next["upcoming"].as_array().unwrap();
    let ids: Vec<&str> = list
        .iter()
        .map(|u| u["reminder"].as_str().unwrap())
        .collect();
    // Neither comes back on its own schedule (10 and 12 minutes) before its snooze ends.
    assert_eq!(ids, ["a", "b"], "{next}");
    let status = s.status();
    let first_at: chrono::DateTime<chrono::Utc> = list[0]["at"].as_str().unwrap().parse().unwrap();
    let since: chrono::DateTime<chrono::Utc> =
        status["running_since"].as_str().unwrap().parse().unwrap();
    assert!(first_at - since >= chrono::TimeDelta::minutes(69), "{next}");
    s.assert_healthy();
}
