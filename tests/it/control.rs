//! The control socket and the CLI against the real daemon: every daemon command in text and
//! JSON, what happens without a daemon or with a second one, the socket's permissions and the
//! uid check, persistence across restarts and SIGKILL, a flood of clients and malformed frames,
//! a corrupt state file, live config reload, and the `status --follow` stream.
//!
//! Each test has its own session bus and home directory (HOME and the XDG directories, so the
//! socket, state and history too), so they run in parallel. The CLI runs with the daemon's
//! environment. Every wait is bounded: on a log line, a reply, or a process exit, with a
//! deadline; the few polls (a file appearing) have one too.

use std::io::{self, BufRead as _, BufReader, Write as _};
use std::os::unix::fs::{FileTypeExt as _, MetadataExt as _, PermissionsExt as _};
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use chrono::{DateTime, Days, NaiveTime, TimeDelta, Utc};
use serde_json::Value;
use tempfile::TempDir;

use stretchd::ipc::{CONNECT_TIMEOUT, REPLY_TIMEOUT};
use testkit::notifications::{Note, Server};
use testkit::{
    Bus, Daemon, RUNNING, SOON, config_every, history_path, raw_request, run_bounded, socket_path,
    state_dir, text, write_file,
};

use crate::BIN;

/// The daemon and the CLI run in UTC, so the test can compute local times without a zone.
const TZ: (&str, &str) = ("TZ", "UTC");
/// The exit status of a daemon command when no daemon answers.
const NOT_RUNNING: i32 = 3;
const TWIST: &str = "Stretch: Seated twist, 15 s each side";
const CONFIG_ERROR_TITLE: &str = "stretchd: config not reloaded";

// --- the daemon and the CLI --------------------------------------------------------------------

/// A bus, a config file and a running daemon in a fresh home.
struct Setup {
    bus: Bus,
    daemon: Daemon,
    config: PathBuf,
    /// Holds the config file.
    dir: TempDir,
    /// The daemon's HOME and XDG directories; restarts reuse it.
    home: TempDir,
}

impl Setup {
    fn new(config: &str) -> Setup {
        Setup::with_home(config, tempfile::tempdir().unwrap())
    }

    /// A daemon in `home`, which may already hold state from an earlier one.
    fn with_home(config: &str, home: TempDir) -> Setup {
        Setup::in_zone(config, home, TZ.1)
    }

    /// A daemon whose local time is about noon ([`testkit::tz_at_noon`]): for a test of
    /// intervals that a local midnight would restart.
    fn at_noon(config: &str) -> Setup {
        Setup::in_zone(config, tempfile::tempdir().unwrap(), &testkit::tz_at_noon())
    }

    fn in_zone(config: &str, home: TempDir, tz: &str) -> Setup {
        let bus = Bus::start();
        let dir = tempfile::tempdir().unwrap();
        let config = write_file(dir.path(), "config.toml", config);
        let daemon = start_daemon_in(&bus, &config, home.path(), tz);
        Setup {
            bus,
            daemon,
            config,
            dir,
            home,
        }
    }

    fn home(&self) -> &Path {
        self.home.path()
    }

    /// Stops the daemon with SIGTERM (it must exit cleanly) and starts a new one on the same
    /// bus, config and home.
    fn restart(&mut self) {
        self.daemon.signal("TERM");
        let status = self.daemon.wait_exit(SOON);
        assert!(status.success(), "{status}; log:\n{}", self.daemon.log());
        self.daemon = start_daemon(&self.bus, &self.config, self.home.path());
    }
}

/// `stretchd run` in `home`, once it listens.
fn start_daemon(bus: &Bus, config: &Path, home: &Path) -> Daemon {
    start_daemon_in(bus, config, home, TZ.1)
}

/// [`start_daemon`] with the daemon's `TZ` = `tz`.
fn start_daemon_in(bus: &Bus, config: &Path, home: &Path, tz: &str) -> Daemon {
    let mut daemon = BIN
        .daemon(&bus.address, config)
        .home(home)
        .env(TZ.0, tz)
        .start();
    daemon.wait_for_log(RUNNING, SOON);
    daemon
}

/// Runs `stretchd args...` with the environment of a daemon in `home`.
fn cli(home: &Path, args: &[&str]) -> Output {
    BIN.run_in(home, args, &[TZ], SOON)
}

/// Runs a command that must succeed; returns its stdout.
fn ok(home: &Path, args: &[&str]) -> String {
    BIN.ok_in(home, args, &[TZ])
}

/// Runs a command with `--json` that must succeed; returns what it printed.
fn json(home: &Path, args: &[&str]) -> Value {
    BIN.json_in(home, args, &[TZ])
}

/// Runs a command that must fail with exit status 1 and one line on stderr; returns that line.
fn fails(home: &Path, args: &[&str]) -> String {
    let out = cli(home, args);
    let stderr = text(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(1),
        "stretchd {args:?}: {}{stderr}",
        text(&out.stdout)
    );
    let lines: Vec<&str> = stderr.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(lines.len(), 1, "stretchd {args:?}: {stderr}");
    lines[0].to_owned()
}

fn time(value: &Value) -> DateTime<Utc> {
    value
        .as_str()
        .unwrap_or_else(|| panic!("not a time: {value}"))
        .parse()
        .unwrap_or_else(|e| panic!("not a time: {value}: {e}"))
}

/// The times of `stretchd next --json --count N`.
fn next_times(home: &Path, count: usize) -> Vec<DateTime<Utc>> {
    let next = json(home, &["next", "--count", &count.to_string()]);
    assert_eq!(next["type"], "next", "{next}");
    next["upcoming"]
        .as_array()
        .unwrap_or_else(|| panic!("no upcoming list: {next}"))
        .iter()
        .map(|u| time(&u["at"]))
        .collect()
}

/// Asserts that consecutive reminders are `every` apart. Work hours restart counting at
/// midnight, so a pair on either side of it is not compared; at least one pair must be.
fn assert_spacing(times: &[DateTime<Utc>], every: TimeDelta) {
    let same_day: Vec<TimeDelta> = times
        .windows(2)
        .filter(|w| w[0].date_naive() == w[1].date_naive())
        .map(|w| w[1] - w[0])
        .collect();
    assert!(!same_day.is_empty(), "{times:?}");
    assert!(
        same_day.iter().all(|d| *d == every),
        "reminders are not {every} apart: {times:?}"
    );
}

/// The history log's entries; lines that do not parse (a torn one) are left out.
fn history_entries(home: &Path) -> Vec<Value> {
    let text = std::fs::read_to_string(history_path(home)).unwrap_or_default();
    text.lines()
        .filter_map(|l| serde_json::from_str(l).ok())
        .collect()
}

fn outcomes(entries: &[Value]) -> Vec<String> {
    entries
        .iter()
        .map(|e| e["outcome"].as_str().unwrap().to_owned())
        .collect()
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

fn chmod(path: &Path, mode: u32) {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

/// A reply line as JSON; it must carry this build's protocol version.
fn reply(line: &str) -> Value {
    let value: Value =
        serde_json::from_str(line).unwrap_or_else(|e| panic!("not a JSON reply ({e}): {line:?}"));
    assert_eq!(value["version"], stretchd::ipc::PROTOCOL_VERSION, "{line}");
    value
}

// --- each command ------------------------------------------------------------------------------

#[test]
fn status_and_next_in_text_and_json() {
    let s = Setup::at_noon(&config_every("1h"));
    let home = s.home();
    let pid = s.daemon.pid();

    let status = ok(home, &["status"]);
    assert!(status.contains(&format!("(pid {pid})")), "{status}");
    assert!(status.contains("running since"), "{status}");
    assert!(
        status.contains(&format!("Config:    {}", s.config.display())),
        "{status}"
    );
    assert!(
        status.contains("Next:") && status.contains(TWIST),
        "{status}"
    );
    assert!(
        status.contains("This week: 0 of 3 stretch sessions"),
        "{status}"
    );
    assert!(!status.contains("Paused:") && !status.contains("Waiting:"));

    let now = Utc::now();
    let status = json(home, &["status"]);
    assert_eq!(status["type"], "status", "{status}");
    assert_eq!(status["pid"], pid, "{status}");
    let since = time(&status["running_since"]);
    assert!(
        since <= now && now - since < TimeDelta::minutes(1),
        "{status}"
    );
    assert_eq!(status["config"], s.config.display().to_string());
    assert!(status["config_error"].is_null(), "{status}");
    assert!(status["paused"].is_null() && status["snoozed"].is_null());
    assert!(status["waiting"].is_null(), "{status}");
    assert_eq!(status["next"]["reminder"], "stretch", "{status}");
    assert_eq!(status["next"]["kind"], "stretch", "{status}");
    assert_eq!(status["next"]["item"], "seated-twist", "{status}");
    assert_eq!(status["next"]["title"], TWIST, "{status}");
    let next_at = time(&status["next"]["at"]);
    assert!(
        next_at > now && next_at <= now + TimeDelta::hours(1),
        "{status}"
    );
    assert_eq!(status["week"], serde_json::json!({"done": 0, "goal": 3}));

    let listed = ok(home, &["next", "--count", "3"]);
    let lines: Vec<&str> = listed.lines().collect();
    assert_eq!(lines.len(), 3, "{listed}");
    assert!(
        lines
            .iter()
            .all(|l| l.contains("stretch") && l.contains(TWIST)),
        "{listed}"
    );

    let times = next_times(home, 3);
    assert_eq!(times.len(), 3, "{times:?}");
    assert_eq!(times[0], next_at);
    assert!(times.windows(2).all(|w| w[0] < w[1]), "{times:?}");
    assert_spacing(&times, TimeDelta::hours(1));
}

#[test]
fn now_done_and_skip_answer_the_reminder_and_write_the_history() {
    let s = Setup::new(&config_every("1h"));
    let server = Server::start(&s.bus.address);
    let home = s.home();

    let line = fails(home, &["done"]);
    assert!(line.contains("no reminder has been shown yet"), "{line}");
    let line = fails(home, &["now", "lunges"]);
    assert!(
        line.contains("no reminder has the id \"lunges\"") && line.contains("stretch"),
        "{line}"
    );

    let shown = ok(home, &["now"]);
    assert_eq!(shown.trim(), format!("showing {TWIST}"));
    let note = server.next(SOON, &s.daemon);
    assert_eq!(note.summary, TWIST);
    let status = json(home, &["status"]);
    assert_eq!(status["waiting"]["reminder"], "stretch", "{status}");
    assert_eq!(status["waiting"]["item"], "seated-twist", "{status}");
    let status_text = ok(home, &["status"]);
    assert!(
        status_text.contains(&format!("Waiting:   {TWIST}")),
        "{status_text}"
    );

    assert_eq!(ok(home, &["done"]).trim(), "done: \"stretch\"");
    let entries = history_entries(home);
    assert_eq!(outcomes(&entries), ["done"], "{entries:?}");
    assert_eq!(entries[0]["reminder"], "stretch");
    assert_eq!(entries[0]["kind"], "stretch");
    assert_eq!(entries[0]["item"], "seated-twist");
    let status = json(home, &["status"]);
    assert!(status["waiting"].is_null(), "{status}");
    // A desk stretch done: no session toward the week's goal.
    assert_eq!(status["week"]["done"], 0, "{status}");

    // Answering twice is refused, with a reason, and records nothing.
    let line = fails(home, &["done"]);
    assert!(line.contains("already answered: done"), "{line}");
    let out = cli(home, &["done", "--json"]);
    assert_eq!(out.status.code(), Some(1));
    let refused: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(refused["type"], "error", "{refused}");
    assert!(
        refused["message"]
            .as_str()
            .unwrap()
            .contains("already answered"),
        "{refused}"
    );
    assert_eq!(history_entries(home).len(), 1);

    let shown = json(home, &["now"]);
    assert_eq!(shown["type"], "ok", "{shown}");
    assert_eq!(shown["message"], format!("showing {TWIST}"));
    assert_eq!(server.next(SOON, &s.daemon).summary, TWIST);
    let skipped = json(home, &["skip"]);
    assert_eq!(skipped["type"], "ok", "{skipped}");
    assert_eq!(skipped["message"], "skipped: \"stretch\"");
    assert_eq!(outcomes(&history_entries(home)), ["done", "skipped"]);
    let line = fails(home, &["skip"]);
    assert!(line.contains("already answered: skipped"), "{line}");
    assert_eq!(json(home, &["status"])["week"]["done"], 0);
}

/// A session reminder whose guide opens in a "terminal" that exits at once.
const SESSION_CONFIG: &str = "[notify]\nterminal = \"true\"\n\n[[reminder]]\nid = \"session\"\nkind = \"session\"\ncron = \"0 0 1 1 *\"\n";

#[test]
fn done_on_a_session_opens_the_guide_and_only_the_finished_session_is_recorded() {
    let mut s = Setup::new(&testkit::all_day_config(SESSION_CONFIG));
    let server = Server::start(&s.bus.address);
    let home = s.home().to_owned();

    let shown = ok(&home, &["now", "session"]);
    assert!(
        shown.contains("showing Stretch session: warm-up and 4 stretches, about "),
        "{shown}"
    );
    let note = server.next(SOON, &s.daemon);
    assert!(
        note.summary.starts_with("Stretch session: "),
        "{}",
        note.summary
    );
    // Done starts the guided session; nothing is recorded until it is finished.
    let started = ok(&home, &["done"]);
    assert!(started.contains("started \"session\""), "{started}");
    let log = s.daemon.wait_for_log("opened the guide", SOON);
    assert!(log.contains("item=session"), "{log}");
    assert!(history_entries(&home).is_empty());
    assert_eq!(json(&home, &["status"])["week"]["done"], 0);

    // The guide reports the finished session: one session, counted toward the week.
    let socket = testkit::socket_path(&home);
    let reply = raw_request(&socket, b"{\"type\":\"session_done\"}\n", SOON).unwrap();
    assert!(reply.contains("recorded a stretch session"), "{reply}");
    let entries = history_entries(&home);
    assert_eq!(entries.len(), 1, "{entries:?}");
    assert_eq!(entries[0]["kind"], "session");
    assert_eq!(entries[0]["reminder"], "guide");
    assert_eq!(json(&home, &["status"])["week"]["done"], 1);
    // Counted again after a restart, from the history.
    s.restart();
    assert_eq!(json(&home, &["status"])["week"]["done"], 1);

    // Finishing the session that is on screen answers it, once.
    let _ = ok(&home, &["now", "session"]);
    let _ = server.next(SOON, &s.daemon);
    let reply = raw_request(&socket, b"{\"type\":\"session_done\"}\n", SOON).unwrap();
    assert!(
        reply.contains("it answers the reminder on screen"),
        "{reply}"
    );
    let entries = history_entries(&home);
    assert_eq!(entries.len(), 2, "{entries:?}");
    assert_eq!(entries[1]["reminder"], "session");
    assert_eq!(entries[1]["kind"], "session");
    assert_eq!(json(&home, &["status"])["week"]["done"], 2);
}

/// Done on a session whose terminal does not start says so, and how to run the session
/// instead, rather than that it opens.
#[test]
fn done_on_a_session_whose_terminal_does_not_start_says_so() {
    let config = SESSION_CONFIG.replace(
        "terminal = \"true\"",
        "terminal = \"/nonexistent/stretchd-terminal\"",
    );
    let s = Setup::new(&testkit::all_day_config(&config));
    let server = Server::start(&s.bus.address);
    let home = s.home().to_owned();
    let _ = ok(&home, &["now", "session"]);
    let _ = server.next(SOON, &s.daemon);
    let answer = ok(&home, &["done"]);
    assert!(
        answer.contains("\"session\" not started: cannot open the guide"),
        "{answer}"
    );
    assert!(
        answer.contains("/nonexistent/stretchd-terminal"),
        "{answer}"
    );
    assert!(answer.contains("`stretchd guide --session`"), "{answer}");
    assert!(!answer.contains("opens in a terminal"), "{answer}");
    assert!(history_entries(&home).is_empty());
}

/// `hurt` without an id while a session is on screen asks which stretch, instead of setting
/// aside the last stretch done (likely not the one that hurt).
#[test]
fn hurt_without_an_id_during_a_session_asks_which_stretch() {
    let s = Setup::new(&testkit::all_day_config(SESSION_CONFIG));
    let server = Server::start(&s.bus.address);
    let home = s.home().to_owned();
    // A stretch done earlier, through the guide: the last stretch done.
    let socket = testkit::socket_path(&home);
    let reply = raw_request(
        &socket,
        b"{\"type\":\"guide_done\",\"item\":\"thoracic-extension\",\"safety_shown\":false}\n",
        SOON,
    )
    .unwrap();
    assert!(reply.contains("recorded"), "{reply}");
    let _ = ok(&home, &["now", "session"]);
    let _ = server.next(SOON, &s.daemon);
    let line = fails(&home, &["hurt"]);
    assert!(
        line.contains("a stretch session is on screen, so which stretch hurt is not known; name it: `stretchd hurt ID` (the session's: cat-camel, thoracic-extension, seated-twist, thread-the-needle)"),
        "{line}"
    );
    assert!(
        json(&home, &["stretches"])["set_aside"]
            .as_object()
            .unwrap()
            .is_empty()
    );
    // Named, it is set aside.
    let advice = ok(&home, &["hurt", "seated-twist"]);
    assert!(advice.starts_with("Stop \"Seated twist\" now."), "{advice}");
}

#[test]
fn snooze_puts_off_the_waiting_reminder_or_else_the_next_one() {
    let s = Setup::new(&config_every("1h"));
    // `now` reports whether the server took the reminder, so one must be there.
    let _server = Server::start(&s.bus.address);
    let home = s.home();
    let ten = TimeDelta::minutes(10);

    // Nothing on screen: the next reminder moves 10 minutes later.
    let before = json(home, &["status"]);
    let due = time(&before["next"]["at"]);
    let message = ok(home, &["snooze", "10m"]);
    assert!(
        message.starts_with("snoozed the next reminder, \"stretch\", until"),
        "{message}"
    );
    let status = json(home, &["status"]);
    assert_eq!(status["snoozed"]["reminder"], "stretch", "{status}");
    assert_eq!(status["snoozed"]["count"], 1, "{status}");
    assert_eq!(time(&status["snoozed"]["until"]), due + ten, "{status}");
    assert_eq!(time(&status["next"]["at"]), due + ten, "{status}");
    assert_eq!(next_times(home, 1), [due + ten]);
    let status_text = ok(home, &["status"]);
    assert!(
        status_text.contains("Snoozed:   \"stretch\" until"),
        "{status_text}"
    );
    // Snoozing the next reminder records nothing: it was never shown.
    assert!(history_entries(home).is_empty());

    // A reminder on screen: it comes back 10 minutes from now.
    ok(home, &["now"]);
    assert_eq!(json(home, &["status"])["waiting"]["reminder"], "stretch");
    let t0 = Utc::now();
    let snoozed = json(home, &["snooze", "10m"]);
    let t1 = Utc::now();
    assert_eq!(snoozed["type"], "ok", "{snoozed}");
    assert!(
        snoozed["message"]
            .as_str()
            .unwrap()
            .starts_with("snoozed \"stretch\" until"),
        "{snoozed}"
    );
    let status = json(home, &["status"]);
    assert!(status["waiting"].is_null(), "{status}");
    let until = time(&status["snoozed"]["until"]);
    assert!(until >= t0 + ten && until <= t1 + ten, "{status}");
    assert!(
        status["snoozed"]["count"].as_u64().unwrap() >= 1,
        "{status}"
    );
    assert_eq!(time(&status["next"]["at"]), until, "{status}");
    assert_eq!(outcomes(&history_entries(home)), ["snoozed"]);
}

#[test]
fn pause_for_a_while_until_a_time_until_tomorrow_or_indefinitely_then_resume() {
    let s = Setup::new(&config_every("1h"));
    let home = s.home();

    // For a duration.
    let t0 = Utc::now();
    let message = ok(home, &["pause", "1h"]);
    let t1 = Utc::now();
    assert!(message.starts_with("paused until "), "{message}");
    let status = json(home, &["status"]);
    let until = time(&status["paused"]["until"]);
    let hour = TimeDelta::hours(1);
    assert!(until >= t0 + hour && until <= t1 + hour, "{status}");
    assert!(
        next_times(home, 3).iter().all(|t| *t >= until),
        "a reminder falls inside the pause"
    );
    let status_text = ok(home, &["status"]);
    assert!(status_text.contains("Paused:    until "), "{status_text}");

    // Until a time of day: today, or tomorrow if it has passed (two hours on, it may be
    // tomorrow).
    let target = (Utc::now() + TimeDelta::hours(2))
        .time()
        .format("%H:%M")
        .to_string();
    let now = Utc::now();
    let hhmm = NaiveTime::parse_from_str(&target, "%H:%M").unwrap();
    let mut expected = now.date_naive().and_time(hhmm).and_utc();
    if expected <= now {
        expected += TimeDelta::days(1);
    }
    let paused = json(home, &["pause", "--until", &target]);
    assert_eq!(paused["type"], "ok", "{paused}");
    let status = json(home, &["status"]);
    assert_eq!(time(&status["paused"]["until"]), expected, "{status}");

    // Until tomorrow: the next midnight (the date may turn while the command runs).
    let before = Utc::now().date_naive();
    let paused = json(home, &["pause", "--until-tomorrow"]);
    let after = Utc::now().date_naive();
    assert_eq!(paused["type"], "ok", "{paused}");
    let status = json(home, &["status"]);
    let until = time(&status["paused"]["until"]);
    let midnight = |d: chrono::NaiveDate| (d + Days::new(1)).and_time(NaiveTime::MIN).and_utc();
    assert!(
        until == midnight(before) || until == midnight(after),
        "{status}"
    );

    // Indefinitely: nothing is scheduled until `resume`.
    assert_eq!(
        ok(home, &["pause"]).trim(),
        "paused until `stretchd resume`"
    );
    let status = json(home, &["status"]);
    assert!(
        status["paused"].is_object() && status["paused"]["until"].is_null(),
        "{status}"
    );
    assert!(status["next"].is_null(), "{status}");
    assert!(next_times(home, 3).is_empty());
    assert!(ok(home, &["next"]).starts_with("Nothing scheduled"));
    let status_text = ok(home, &["status"]);
    assert!(
        status_text.contains("Paused:    until `stretchd resume`"),
        "{status_text}"
    );

    // A bad time is refused by the command line itself.
    let out = cli(home, &["pause", "--until", "25:00"]);
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("is not a time"), "{out:?}");

    assert_eq!(ok(home, &["resume"]).trim(), "resumed");
    let status = json(home, &["status"]);
    assert!(status["paused"].is_null(), "{status}");
    assert_eq!(status["next"]["reminder"], "stretch", "{status}");
    assert_eq!(next_times(home, 3).len(), 3);
    let again = json(home, &["resume"]);
    assert_eq!(again["type"], "ok");
    assert_eq!(again["message"], "not paused; nothing to resume");
}

#[test]
fn reload_history_and_stats() {
    let s = Setup::new(&config_every("1h"));
    // `now` reports whether the server took the reminder, so one must be there.
    let _server = Server::start(&s.bus.address);
    let home = s.home();

    assert_eq!(
        ok(home, &["reload"]).trim(),
        format!("reloaded {}", s.config.display())
    );
    let reloaded = json(home, &["reload"]);
    assert_eq!(reloaded["type"], "ok", "{reloaded}");

    let today = Utc::now().date_naive().format("%Y-%m-%d").to_string();
    assert_eq!(ok(home, &["history"]).trim(), "No history entries.");
    ok(home, &["now"]);
    ok(home, &["done"]);
    ok(home, &["now"]);
    ok(home, &["skip"]);
    let after = Utc::now() + TimeDelta::seconds(1);

    let listed = ok(home, &["history", "--since", &today]);
    let lines: Vec<&str> = listed.lines().collect();
    assert_eq!(lines.len(), 2, "{listed}");
    assert!(
        lines[0].contains("done") && lines[0].contains("seated-twist"),
        "{listed}"
    );
    assert!(lines[1].contains("skipped"), "{listed}");
    let entries = json(home, &["history", "--since", &today]);
    let entries = entries.as_array().unwrap();
    assert_eq!(outcomes(entries), ["done", "skipped"]);
    assert!(entries.iter().all(|e| e["reminder"] == "stretch"));
    let later = json(home, &["history", "--since", &after.to_rfc3339()]);
    assert_eq!(later, serde_json::json!([]));

    let stats = json(home, &["stats"]);
    assert_eq!(stats["goal"], 3, "{stats}");
    // Desk stretches are counted by day and by stretch, but sessions fill the goal.
    assert_eq!(stats["done_this_week"], 0, "{stats}");
    assert_eq!(
        stats["week"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["stretches"].as_u64().unwrap())
            .sum::<u64>(),
        1,
        "{stats}"
    );
    assert_eq!(stats["outcomes"]["done"], 1, "{stats}");
    assert_eq!(stats["outcomes"]["skipped"], 1, "{stats}");
    let per_stretch = stats["per_stretch"].as_array().unwrap();
    assert!(
        per_stretch
            .iter()
            .any(|c| c["item"] == "seated-twist" && c["done"] == 1),
        "{stats}"
    );
    let chart = ok(home, &["stats"]);
    assert!(chart.contains("Streak:"), "{chart}");
}

// --- no daemon, a second daemon, a stale socket --------------------------------------------------

#[test]
fn without_a_daemon_every_command_says_how_to_start_it_and_exits_3() {
    let home = tempfile::tempdir().unwrap();
    let commands: [&[&str]; 13] = [
        &["status"],
        &["status", "--follow"],
        &["next", "--count", "3"],
        &["snooze"],
        &["snooze", "10m"],
        &["pause"],
        &["pause", "1h"],
        &["pause", "--until", "14:30"],
        &["pause", "--until-tomorrow"],
        &["resume"],
        &["skip"],
        &["done"],
        &["reload"],
    ];
    let check = |home: &Path, args: &[&str]| {
        let out = cli(home, args);
        let stderr = text(&out.stderr);
        assert_eq!(
            out.status.code(),
            Some(NOT_RUNNING),
            "stretchd {args:?}: {stderr}"
        );
        assert!(out.stdout.is_empty(), "stretchd {args:?}: {out:?}");
        assert_eq!(stderr.lines().count(), 1, "stretchd {args:?}: {stderr}");
        assert!(
            stderr.contains("stretchd is not running")
                && stderr.contains("`systemctl --user start stretchd`"),
            "stretchd {args:?}: {stderr}"
        );
    };
    // No runtime directory at all.
    for args in commands.iter().copied().chain([&["now"][..]]) {
        check(home.path(), args);
        let mut with_json = args.to_vec();
        with_json.push("--json");
        check(home.path(), &with_json);
    }
    // A socket file nobody listens on (a daemon that was killed), in its private directory.
    let socket = socket_path(home.path());
    testkit::private_dir(socket.parent().unwrap());
    drop(UnixListener::bind(&socket).unwrap());
    assert!(socket.exists());
    check(home.path(), &["status"]);
    check(home.path(), &["now", "--json"]);
}

#[test]
fn a_second_daemon_for_the_same_runtime_dir_is_refused_with_the_first_ones_pid() {
    let s = Setup::new(&config_every("1h"));
    let mut second = BIN
        .daemon(&s.bus.address, &s.config)
        .home(s.home())
        .env(TZ.0, TZ.1)
        .start();
    let status = second.wait_exit(SOON);
    assert!(!status.success(), "a second daemon started");
    let needle = format!("already running (pid {})", s.daemon.pid());
    assert!(second.log().contains(&needle), "{}", second.log());
    // The first one keeps its socket and answers.
    assert_eq!(json(s.home(), &["status"])["pid"], s.daemon.pid());
}

#[test]
fn a_stale_socket_left_by_a_killed_daemon_is_replaced() {
    let mut s = Setup::new(&config_every("1h"));
    let first = s.daemon.pid();
    s.daemon.signal("KILL");
    assert!(!s.daemon.wait_exit(SOON).success());
    let socket = socket_path(s.home());
    let meta = std::fs::symlink_metadata(&socket).expect("SIGKILL left no socket file");
    assert!(meta.file_type().is_socket());
    assert_eq!(cli(s.home(), &["status"]).status.code(), Some(NOT_RUNNING));

    s.daemon = start_daemon(&s.bus, &s.config, s.home());
    let status = json(s.home(), &["status"]);
    assert_eq!(status["pid"], s.daemon.pid());
    assert_ne!(status["pid"], first);
}

// --- permissions and the uid check ---------------------------------------------------------------

#[test]
fn the_socket_is_private_and_another_uid_is_refused() {
    let mut s = Setup::new(&config_every("1h"));
    let home = s.home().to_owned();
    let socket = socket_path(&home);
    let dir = socket.parent().unwrap();
    assert_eq!(mode(dir), 0o700, "{}", dir.display());
    assert_eq!(mode(&socket), 0o600, "{}", socket.display());

    let root = std::fs::metadata("/proc/self").unwrap().uid() == 0;
    let setpriv = Command::new("setpriv")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !root || !setpriv {
        eprintln!(
            "NOTE: skipping the foreign-uid part (needs root and setpriv from util-linux); \
             control::tests covers the uid check's logic"
        );
        return;
    }
    // Open the way for uid 65534 so that only the daemon's own check can stop it.
    for path in [home.as_path(), &home.join("runtime"), dir] {
        chmod(path, 0o755);
    }
    chmod(&socket, 0o666);
    let foreign = |runtime: &Path, args: &[&str]| {
        let mut cmd = Command::new("setpriv");
        cmd.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(BIN)
            .args(args)
            .env("HOME", &home)
            .env("XDG_CONFIG_HOME", home.join("config"))
            .env("XDG_STATE_HOME", home.join("state"))
            .env("XDG_RUNTIME_DIR", runtime)
            .env(TZ.0, TZ.1)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        run_bounded(cmd, SOON)
    };
    // In root's runtime directory the other user's CLI does not even connect.
    let out = foreign(&home.join("runtime"), &["status"]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(&format!(
            "{} is owned by uid 0, not you (uid 65534)",
            dir.display()
        )),
        "{stderr}"
    );
    // A private runtime directory of its own whose socket is a link to the daemon's: the
    // connection reaches the daemon, which refuses it, and the CLI refuses to believe a server
    // of another uid.
    let theirs = tempfile::tempdir().unwrap();
    let their_dir = theirs.path().join("stretchd");
    std::fs::create_dir(&their_dir).unwrap();
    std::os::unix::fs::symlink(&socket, their_dir.join("control.sock")).unwrap();
    for path in [theirs.path(), &their_dir] {
        chmod(path, 0o700);
        std::os::unix::fs::chown(path, Some(65534), Some(65534)).unwrap();
    }
    // Several times, and with a stream: the CLI checks the server before it sends or reads.
    for args in std::iter::repeat_n(&["status"][..], 20)
        .chain([&["pause", "1h"][..], &["status", "--follow"][..]])
    {
        let out = foreign(theirs.path(), args);
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {stderr}");
        assert!(out.stdout.is_empty(), "uid 65534 got an answer: {out:?}");
        assert!(stderr.contains("refused"), "{args:?}: {stderr}");
        assert!(
            stderr.contains("runs as uid 0, not you (uid 65534); not trusting it"),
            "{args:?}: {stderr}"
        );
    }
    let line = s
        .daemon
        .wait_for_log("refused a client with uid Ok(65534)", SOON);
    assert!(line.contains("only uid 0 may connect"), "{line}");
    // Root is still served (in its private directory again), and nothing was paused.
    chmod(dir, 0o700);
    let status = json(&home, &["status"]);
    assert_eq!(status["pid"], s.daemon.pid());
    assert!(status["paused"].is_null(), "{status}");
    assert!(s.daemon.is_running());
}

// --- a server that misbehaves: the client's limits ------------------------------------------------

/// Runs `stretchd status` in `home` (against a fake server there), bounded by the reply timeout
/// and a margin; returns its output and how long it took.
fn status_against_fake(home: &Path) -> (Output, Duration) {
    let started = Instant::now();
    let out = BIN.run_in(home, &["status"], &[TZ], REPLY_TIMEOUT + SOON);
    (out, started.elapsed())
}

/// Asserts that the CLI failed with one line on stderr containing `needle`; returns the line.
fn failed_with(out: &Output, needle: &str) -> String {
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert!(out.stdout.is_empty(), "{out:?}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains(needle), "{stderr}");
    stderr
}

#[test]
fn a_server_that_never_answers_times_out_in_words() {
    let home = tempfile::tempdir().unwrap();
    let socket = testkit::fake_server(home.path(), testkit::never_answer);
    let (out, took) = status_against_fake(home.path());
    let stderr = failed_with(&out, "did not answer within 10 s");
    assert!(
        stderr.contains(&socket.display().to_string()) && stderr.contains("journalctl"),
        "{stderr}"
    );
    assert!(!stderr.contains("os error"), "{stderr}");
    assert!(took >= REPLY_TIMEOUT, "gave up after {took:?}");
}

#[test]
fn a_server_that_trickles_bytes_cannot_stretch_the_reply_deadline() {
    let home = tempfile::tempdir().unwrap();
    testkit::fake_server(home.path(), |mut stream| {
        // A byte every 100 ms: each read returns at once, none ends the line.
        for byte in br#"{"version":1,"type":"ok","message":""#
            .iter()
            .chain([b' '].iter().cycle())
        {
            if stream.write_all(&[*byte]).is_err() {
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    });
    let (out, took) = status_against_fake(home.path());
    failed_with(&out, "did not answer within 10 s");
    assert!(took >= REPLY_TIMEOUT, "gave up after {took:?}");
}

#[test]
fn a_server_that_sends_10_mb_without_a_newline_is_cut_off_at_the_limit() {
    let home = tempfile::tempdir().unwrap();
    let (sent_tx, sent_rx) = mpsc::channel();
    testkit::fake_server(home.path(), move |mut stream| {
        let chunk = vec![b'x'; 64 * 1024];
        let mut sent = 0;
        while sent < 10_000_000 && stream.write_all(&chunk).is_ok() {
            sent += chunk.len();
        }
        let _ = sent_tx.send(sent);
    });
    let (out, _) = status_against_fake(home.path());
    failed_with(&out, "larger than the limit of 1048576 bytes (1 MiB)");
    // The client stopped reading at the limit: the server could not get much more than that
    // (and the socket's buffers) into it.
    let sent = sent_rx
        .recv_timeout(SOON)
        .expect("the server did not finish");
    assert!(sent < 4 << 20, "the client took {sent} bytes");
}

#[test]
fn a_server_that_does_not_accept_times_out_the_connect() {
    let home = tempfile::tempdir().unwrap();
    let socket = socket_path(home.path());
    testkit::private_dir(socket.parent().unwrap());
    // A backlog of 0 holds one connection; the filler takes it, so the CLI's connect waits.
    let listener =
        socket2::Socket::new(socket2::Domain::UNIX, socket2::Type::STREAM, None).unwrap();
    listener
        .bind(&socket2::SockAddr::unix(&socket).unwrap())
        .unwrap();
    listener.listen(0).unwrap();
    let _filler = UnixStream::connect(&socket).unwrap();
    let (out, took) = status_against_fake(home.path());
    failed_with(&out, "did not accept the connection within 5 s");
    assert!(took >= CONNECT_TIMEOUT, "gave up after {took:?}");
}

#[test]
fn a_server_that_hangs_up_without_answering_is_told_apart() {
    let home = tempfile::tempdir().unwrap();
    testkit::fake_server(home.path(), drop);
    let (out, _) = status_against_fake(home.path());
    failed_with(&out, "hung up without answering");
}

// --- the socket's directory ----------------------------------------------------------------------

#[test]
fn without_xdg_runtime_dir_an_unsafe_fallback_dir_is_refused_by_the_cli_and_the_daemon() {
    let home = tempfile::tempdir().unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let uid = std::fs::metadata("/proc/self").unwrap().uid();
    let fallback = tmp.path().join(format!("stretchd-{uid}"));
    // Someone else's directory, linked to by the predictable name.
    let theirs = tmp.path().join("theirs");
    std::fs::create_dir(&theirs).unwrap();
    chmod(&theirs, 0o777);
    std::os::unix::fs::symlink(&theirs, &fallback).unwrap();
    let without_runtime = |args: &[&str]| {
        let mut cmd = BIN.command(home.path());
        cmd.args(args)
            .env_remove("XDG_RUNTIME_DIR")
            .env_remove("DBUS_SESSION_BUS_ADDRESS")
            .env("TMPDIR", tmp.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        run_bounded(cmd, SOON)
    };
    let needle = format!("{} is a symbolic link", fallback.display());
    failed_with(&without_runtime(&["status"]), &needle);
    let daemon = without_runtime(&["run"]);
    assert!(!daemon.status.success(), "{daemon:?}");
    assert!(text(&daemon.stderr).contains(&needle), "{daemon:?}");
    // Nothing was made or changed in their directory.
    assert_eq!(mode(&theirs), 0o777);
    assert_eq!(std::fs::read_dir(&theirs).unwrap().count(), 0);

    // Without the link the daemon makes the directory itself, private.
    std::fs::remove_file(&fallback).unwrap();
    let daemon = without_runtime(&["run"]);
    assert!(!daemon.status.success(), "it ran without a bus: {daemon:?}");
    let meta = std::fs::symlink_metadata(&fallback).unwrap();
    assert!(meta.is_dir());
    assert_eq!(meta.mode() & 0o7777, 0o700);
    assert_eq!(mode(&fallback.join("stretchd")), 0o700);
    // With a group or other bit it is refused, not repaired.
    chmod(&fallback, 0o750);
    failed_with(
        &without_runtime(&["status"]),
        &format!("{} has mode 0750, but it must be 0700", fallback.display()),
    );
    let daemon = without_runtime(&["run"]);
    assert!(text(&daemon.stderr).contains("must be 0700"), "{daemon:?}");
    assert_eq!(mode(&fallback), 0o750);
}

// --- persistence ---------------------------------------------------------------------------------

#[test]
fn a_pause_survives_a_restart() {
    let mut s = Setup::new(&config_every("1h"));
    ok(s.home(), &["pause", "1h"]);
    let before = json(s.home(), &["status"]);
    assert!(before["paused"]["until"].is_string(), "{before}");
    let first = s.daemon.pid();

    s.restart();
    let after = json(s.home(), &["status"]);
    assert_ne!(after["pid"], first);
    assert_eq!(after["paused"], before["paused"], "{after}");
    assert_eq!(
        time(&after["paused"]["until"]),
        time(&before["paused"]["until"])
    );
    assert_eq!(after["next"], before["next"], "{after}");
}

#[test]
fn a_snooze_survives_a_restart() {
    let mut s = Setup::new(&config_every("1h"));
    ok(s.home(), &["snooze", "10m"]);
    let before = json(s.home(), &["status"]);
    assert!(before["snoozed"]["until"].is_string(), "{before}");
    let first = s.daemon.pid();

    s.restart();
    let after = json(s.home(), &["status"]);
    assert_ne!(after["pid"], first);
    assert_eq!(after["snoozed"], before["snoozed"], "{after}");
    assert_eq!(
        time(&after["snoozed"]["until"]),
        time(&before["snoozed"]["until"])
    );
    assert_eq!(
        time(&after["next"]["at"]),
        time(&before["snoozed"]["until"])
    );
}

#[test]
fn a_corrupt_state_file_is_set_aside_and_the_daemon_starts() {
    let home = tempfile::tempdir().unwrap();
    let garbage = b"{\"started\": \"2026-11-\x00\xff garbage";
    std::fs::create_dir_all(state_dir(home.path())).unwrap();
    std::fs::write(state_dir(home.path()).join("state.json"), garbage).unwrap();

    let s = Setup::with_home(&config_every("1h"), home);
    let aside: Vec<PathBuf> = std::fs::read_dir(state_dir(s.home()))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("state.json.corrupt-")
        })
        .collect();
    assert_eq!(aside.len(), 1, "{aside:?}");
    assert_eq!(std::fs::read(&aside[0]).unwrap(), garbage);
    // Logged before the daemon reported it was running.
    let log = s.daemon.log();
    let warning = log
        .lines()
        .find(|l| l.contains("unreadable state"))
        .unwrap_or_else(|| panic!("the corrupt state is not logged:\n{log}"));
    assert!(warning.contains(" WARN "), "{warning}");
    assert!(
        warning.contains(&format!("moved it to {}", aside[0].display())),
        "{warning}"
    );

    let status = json(s.home(), &["status"]);
    assert_eq!(status["pid"], s.daemon.pid());
    // The fresh state is written as a valid file again.
    ok(s.home(), &["pause", "1h"]);
    let state: Value =
        serde_json::from_slice(&std::fs::read(state_dir(s.home()).join("state.json")).unwrap())
            .unwrap();
    assert!(state["pause"]["until"].is_string(), "{state}");
}

// --- a flood of clients and malformed frames -----------------------------------------------------

/// What a client should get back.
enum Expect {
    /// A status reply from this daemon.
    Status,
    /// An error reply whose message contains this.
    Error(&'static str),
    /// An error reply, or the connection closed without one.
    ErrorOrClose,
}

/// A client: talks to the socket and returns the reply line ("" when there was none).
type Client = Box<dyn FnOnce(&Path) -> io::Result<String> + Send>;

/// Sends `frame`, reads the reply line.
fn frame_client(frame: &'static [u8], patience: Duration) -> Client {
    Box::new(move |socket| raw_request(socket, frame, patience))
}

/// Clients that send what no daemon should choke on, and what each should get back.
fn malformed_clients(patience: Duration) -> Vec<(&'static str, Expect, Client)> {
    let frame = |frame| frame_client(frame, patience);
    vec![
        (
            "garbage bytes",
            Expect::Error("malformed request"),
            frame(b"\x00\xff\xfe\x01garbage\x7f\n"),
        ),
        (
            "invalid JSON",
            Expect::Error("malformed request"),
            frame(b"{\"type\": \"status\"\n"),
        ),
        (
            "unknown type",
            Expect::Error("malformed request"),
            frame(b"{\"type\":\"explode\"}\n"),
        ),
        (
            "unknown field",
            Expect::Error("malformed request"),
            frame(b"{\"type\":\"next\",\"count\":1,\"extra\":true}\n"),
        ),
        (
            "not an object",
            Expect::Error("malformed request"),
            frame(b"[1, 2, 3]\n"),
        ),
        (
            "a 1 MB line",
            Expect::Error("request too large"),
            Box::new(move |socket| {
                let stream = UnixStream::connect(socket)?;
                stream.set_read_timeout(Some(patience))?;
                stream.set_write_timeout(Some(patience))?;
                let mut writer = stream.try_clone()?;
                // The daemon stops reading at its limit and hangs up: the write fails, the
                // reply is there to read.
                std::thread::spawn(move || {
                    let mut line = vec![b'a'; 1 << 20];
                    line.push(b'\n');
                    let _ = writer.write_all(&line);
                });
                let mut line = String::new();
                BufReader::new(stream).read_line(&mut line)?;
                Ok(line)
            }),
        ),
        (
            "no newline, then hang-up",
            Expect::Error("not terminated by a newline"),
            Box::new(move |socket| {
                let mut stream = UnixStream::connect(socket)?;
                stream.set_read_timeout(Some(patience))?;
                stream.write_all(b"{\"type\":\"status\"}")?;
                stream.shutdown(std::net::Shutdown::Write)?;
                let mut line = String::new();
                BufReader::new(stream).read_line(&mut line)?;
                Ok(line)
            }),
        ),
        (
            "silent",
            Expect::ErrorOrClose,
            Box::new(move |socket| {
                let stream = UnixStream::connect(socket)?;
                stream.set_read_timeout(Some(patience))?;
                let mut line = String::new();
                BufReader::new(stream).read_line(&mut line)?;
                Ok(line)
            }),
        ),
        (
            "connect and hang up",
            Expect::ErrorOrClose,
            Box::new(move |socket| {
                drop(UnixStream::connect(socket)?);
                Ok(String::new())
            }),
        ),
    ]
}

/// Checks what a client got back.
fn check_reply(name: &str, line: &str, expect: &Expect, pid: u32) {
    match expect {
        Expect::Status => {
            let status = reply(line);
            assert_eq!(status["type"], "status", "{name}: {line}");
            assert_eq!(status["pid"], pid, "{name}: {line}");
        }
        Expect::ErrorOrClose if line.is_empty() => {}
        Expect::ErrorOrClose => assert_eq!(reply(line)["type"], "error", "{name}: {line}"),
        Expect::Error(message) => {
            let error = reply(line);
            assert_eq!(error["type"], "error", "{name}: {line}");
            assert!(
                error["message"].as_str().unwrap().contains(message),
                "{name}: {line}"
            );
        }
    }
}

#[test]
fn many_clients_and_malformed_frames_leave_the_daemon_answering() {
    const CLIENTS: usize = 200;
    let s = Setup::new(&config_every("1h"));
    let socket = socket_path(s.home());
    let pid = s.daemon.pid();
    // Generous: 200 clients on a loaded CI machine; the point is that every one is answered.
    let patience = Duration::from_secs(30);

    let mut clients: Vec<(String, Expect, Client)> = (0..CLIENTS)
        .map(|i| {
            let status = frame_client(b"{\"type\":\"status\"}\n", patience);
            (format!("status client {i}"), Expect::Status, status)
        })
        .collect();
    clients.extend(
        malformed_clients(patience)
            .into_iter()
            .map(|(name, expect, client)| (name.to_owned(), expect, client)),
    );
    let total = clients.len();
    // All at once: each thread waits for the others before it connects.
    let start = std::sync::Arc::new(std::sync::Barrier::new(total));
    let (results, received) = mpsc::channel();
    for (name, expect, client) in clients {
        let socket = socket.clone();
        let results = results.clone();
        let start = std::sync::Arc::clone(&start);
        std::thread::spawn(move || {
            start.wait();
            let _ = results.send((name, expect, client(&socket)));
        });
    }
    drop(results);

    let deadline = Instant::now() + patience + SOON;
    for done in 0..total {
        let (name, expect, result) = received
            .recv_timeout(deadline.saturating_duration_since(Instant::now()))
            .unwrap_or_else(|e| {
                panic!(
                    "only {done} of {total} clients finished in time ({e}); log:\n{}",
                    s.daemon.log()
                )
            });
        let line = result.unwrap_or_else(|e| panic!("{name}: {e}"));
        check_reply(&name, &line, &expect, pid);
    }

    let asked = Instant::now();
    let out = BIN.run_in(s.home(), &["status"], &[TZ], Duration::from_secs(5));
    assert!(out.status.success(), "{out:?}");
    assert!(
        text(&out.stdout).contains(&format!("(pid {pid})")),
        "{out:?}"
    );
    eprintln!("status after the flood answered in {:?}", asked.elapsed());
    let mut daemon = s.daemon;
    assert!(daemon.is_running(), "{}", daemon.log());
}

#[test]
fn many_status_bar_followers_do_not_lock_out_other_clients() {
    // More followers than the daemon serves requests at once (64) or streams to (64).
    const FOLLOWERS: usize = 100;
    let mut s = Setup::new(&config_every("1h"));
    let socket = socket_path(s.home());
    let mut followers = Vec::with_capacity(FOLLOWERS);
    let mut turned_away = 0;
    for i in 0..FOLLOWERS {
        let mut stream = UnixStream::connect(&socket).unwrap();
        stream.set_read_timeout(Some(SOON)).unwrap();
        stream.write_all(b"{\"type\":\"follow\"}\n").unwrap();
        let mut reader = BufReader::new(stream);
        let mut line = String::new();
        reader
            .read_line(&mut line)
            .unwrap_or_else(|e| panic!("follower {i} got no answer: {e}"));
        let first = reply(&line);
        if first["type"] == "status" {
            followers.push(reader);
        } else {
            // Beyond the limit: told so at once, not left hanging.
            assert_eq!(first["type"], "error", "follower {i}: {line}");
            let message = first["message"].as_str().unwrap();
            assert!(message.contains("too many"), "follower {i}: {line}");
            turned_away += 1;
        }
    }
    eprintln!(
        "{} followers streamed, {turned_away} turned away",
        followers.len()
    );
    assert!(followers.len() >= 8, "only {} followers", followers.len());

    // Other commands still get through, at once.
    let out = BIN.run_in(s.home(), &["pause", "1h"], &[TZ], Duration::from_secs(5));
    assert!(out.status.success(), "{out:?}");
    // Every follower hears of the pause (after the repeats other followers' arrivals caused).
    let deadline = Instant::now() + SOON;
    for (i, follower) in followers.iter_mut().enumerate() {
        loop {
            assert!(Instant::now() < deadline, "follower {i}: no pause");
            let mut line = String::new();
            follower
                .read_line(&mut line)
                .unwrap_or_else(|e| panic!("follower {i} was not told of the pause: {e}"));
            let status = reply(&line);
            assert_eq!(status["type"], "status", "follower {i}: {line}");
            if status["paused"].is_object() {
                break;
            }
        }
    }
    assert!(s.daemon.is_running(), "{}", s.daemon.log());
}

// --- SIGKILL during a burst of `done` ----------------------------------------------------------

#[test]
fn sigkill_during_a_burst_of_done_loses_no_acknowledged_entry() {
    const KILL_AFTER: usize = 30;
    let mut s = Setup::new(&config_every("1h"));
    // `now` reports whether the server took the reminder, so one must be there.
    let _server = Server::start(&s.bus.address);
    let socket = socket_path(s.home());
    let pid = s.daemon.pid();

    let (go, signalled) = mpsc::channel::<()>();
    let killer = std::thread::spawn(move || {
        let asked = signalled.recv_timeout(Duration::from_secs(60)).is_ok();
        let sent = Command::new("kill")
            .arg("-KILL")
            .arg(pid.to_string())
            .status()
            .is_ok_and(|s| s.success());
        asked && sent
    });

    let deadline = Instant::now() + Duration::from_secs(60);
    let mut acknowledged = 0;
    let mut rounds = 0;
    loop {
        assert!(
            Instant::now() < deadline,
            "the burst did not end (acknowledged {acknowledged}); log:\n{}",
            s.daemon.log()
        );
        rounds += 1;
        let shown = match raw_request(&socket, b"{\"type\":\"now\"}\n", SOON) {
            Ok(line) if !line.is_empty() => reply(&line),
            // Killed: refused, reset, or hung up without a reply.
            _ => break,
        };
        assert_eq!(shown["type"], "ok", "{shown}");
        let done = match raw_request(&socket, b"{\"type\":\"done\"}\n", SOON) {
            Ok(line) if !line.is_empty() => reply(&line),
            _ => break,
        };
        assert_eq!(done["type"], "ok", "{done}");
        acknowledged += 1;
        if acknowledged == KILL_AFTER {
            go.send(()).unwrap();
        }
    }
    assert!(killer.join().unwrap(), "the daemon was not killed");
    assert!(!s.daemon.wait_exit(SOON).success());
    assert!(
        acknowledged >= KILL_AFTER,
        "{acknowledged} in {rounds} rounds"
    );

    let entries = history_entries(s.home());
    let done = outcomes(&entries).iter().filter(|o| *o == "done").count();
    eprintln!("{acknowledged} done acknowledged in {rounds} rounds, {done} in the history");
    assert!(
        done >= acknowledged,
        "acknowledged {acknowledged} but the history has {done}"
    );
    // At most the one in flight when the kill landed was written without a reply.
    assert!(done <= acknowledged + 1, "{done} > {acknowledged} + 1");
    assert_eq!(entries.len(), done, "{entries:?}");

    // A torn last line, as a kill in mid-write leaves: skipped with a warning, not fatal.
    let mut file = std::fs::OpenOptions::new()
        .append(true)
        .open(history_path(s.home()))
        .unwrap();
    file.write_all(b"{\"time\":\"2026-11-24T10:0").unwrap();
    drop(file);
    let out = cli(s.home(), &["history", "--json"]);
    assert!(out.status.success(), "{out:?}");
    let listed: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(listed.as_array().unwrap().len(), done);
    assert!(
        text(&out.stderr).contains("skipped unreadable line"),
        "{out:?}"
    );
    let listed = ok(s.home(), &["history"]);
    assert_eq!(listed.lines().count(), done, "{listed}");

    // The next daemon starts on the same files and appends on a fresh line.
    s.daemon = start_daemon(&s.bus, &s.config, s.home());
    let torn = format!("ignored unreadable line(s) [{}]", done + 1);
    assert_eq!(s.daemon.count(&torn), 1, "{}", s.daemon.log());
    ok(s.home(), &["now"]);
    ok(s.home(), &["done"]);
    let listed = json(s.home(), &["history"]);
    assert_eq!(listed.as_array().unwrap().len(), done + 1);
}

// --- live config reload --------------------------------------------------------------------------

#[test]
fn editing_the_config_in_place_or_by_rename_changes_next_without_a_restart() {
    let mut s = Setup::new(&config_every("1h"));
    let pid = s.daemon.pid();
    assert_spacing(&next_times(s.home(), 4), TimeDelta::hours(1));

    // In place: the same file rewritten.
    std::fs::write(&s.config, config_every("7m")).unwrap();
    s.daemon.wait_for_log("config reloaded", SOON);
    assert_spacing(&next_times(s.home(), 4), TimeDelta::minutes(7));

    // As editors save: a new file renamed over the old one.
    write_file(s.dir.path(), "config.toml", &config_every("3m"));
    s.daemon.wait_for_log("config reloaded", SOON);
    assert_spacing(&next_times(s.home(), 4), TimeDelta::minutes(3));

    // Deleted and written anew (other editors).
    std::fs::remove_file(&s.config).unwrap();
    std::fs::write(&s.config, config_every("11m")).unwrap();
    s.daemon.wait_for_log("config reloaded", SOON);
    assert_spacing(&next_times(s.home(), 4), TimeDelta::minutes(11));

    // A link into a dotfiles repository (GNU Stow): an edit there counts, and so does the
    // link pointed at another file.
    let repo = s.dir.path().join("dotfiles");
    std::fs::create_dir(&repo).unwrap();
    let (first, second) = (repo.join("a.toml"), repo.join("b.toml"));
    std::fs::write(&first, config_every("13m")).unwrap();
    std::fs::write(&second, config_every("17m")).unwrap();
    std::fs::remove_file(&s.config).unwrap();
    std::os::unix::fs::symlink(&first, &s.config).unwrap();
    s.daemon.wait_for_log("config reloaded", SOON);
    assert_spacing(&next_times(s.home(), 4), TimeDelta::minutes(13));
    std::fs::write(&first, config_every("5m")).unwrap();
    s.daemon.wait_for_log("config reloaded", SOON);
    assert_spacing(&next_times(s.home(), 4), TimeDelta::minutes(5));
    let link = s.dir.path().join(".config.toml.new");
    std::os::unix::fs::symlink(&second, &link).unwrap();
    std::fs::rename(&link, &s.config).unwrap();
    s.daemon.wait_for_log("config reloaded", SOON);
    assert_spacing(&next_times(s.home(), 4), TimeDelta::minutes(17));
    std::fs::write(&second, config_every("19m")).unwrap();
    s.daemon.wait_for_log("config reloaded", SOON);
    assert_spacing(&next_times(s.home(), 4), TimeDelta::minutes(19));

    let status = json(s.home(), &["status"]);
    assert_eq!(status["pid"], pid, "the daemon restarted");
    assert!(status["config_error"].is_null(), "{status}");
}

#[test]
fn an_invalid_edit_keeps_the_old_schedule_and_is_reported() {
    let mut s = Setup::new(&config_every("1h"));
    let server = Server::start(&s.bus.address);
    let before = json(s.home(), &["next", "--count", "3"]);

    // Line 8, column 9: the value of `every`.
    let bad = config_every("1h").replace("every = \"1h\"", "every = \"often\"");
    write_file(s.dir.path(), "config.toml", &bad);
    let position = format!("{}:8:9", s.config.display());
    let line = s.daemon.wait_for_log("config not reloaded", SOON);
    assert!(line.contains(&position), "{line}");
    assert!(line.contains("often"), "{line}");

    let note = server.next(SOON, &s.daemon);
    assert_eq!(note.summary, CONFIG_ERROR_TITLE);
    assert!(
        note.body.contains(&position) && note.body.contains("often"),
        "{}",
        note.body
    );
    assert_eq!(json(s.home(), &["next", "--count", "3"]), before);
    let status = json(s.home(), &["status"]);
    let error = status["config_error"].as_str().unwrap_or_default();
    assert!(
        error.contains(&position) && error.contains("often"),
        "{status}"
    );
    let status_text = ok(s.home(), &["status"]);
    assert!(status_text.contains("Config error"), "{status_text}");
    // An explicit reload reports the same error, and shows no second notification.
    let line = fails(s.home(), &["reload"]);
    assert!(
        line.contains("config not reloaded") && line.contains(&position),
        "{line}"
    );

    // A valid save clears the error and takes effect.
    write_file(s.dir.path(), "config.toml", &config_every("5m"));
    s.daemon.wait_for_log("config reloaded", SOON);
    let status = json(s.home(), &["status"]);
    assert!(status["config_error"].is_null(), "{status}");
    assert_spacing(&next_times(s.home(), 4), TimeDelta::minutes(5));
    // Every notification has been delivered by now (the daemon waits for Notify's reply).
    let more: Vec<Note> = server
        .drain()
        .into_iter()
        .filter(|n| n.summary == CONFIG_ERROR_TITLE)
        .collect();
    assert!(
        more.is_empty(),
        "more than one error notification: {more:?}"
    );
}

// --- status --follow -----------------------------------------------------------------------------

/// A child process killed on drop.
struct Killed(Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn status_follow_json_streams_a_line_on_every_change() {
    let mut s = Setup::new(&config_every("1h"));
    let mut follower = BIN.command(s.home());
    follower
        .args(["status", "--follow", "--json"])
        .env(TZ.0, TZ.1)
        .env_remove("DBUS_SESSION_BUS_ADDRESS")
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit());
    let mut follower = Killed(follower.spawn().unwrap());
    let stdout = follower.0.stdout.take().unwrap();
    let (lines_tx, lines) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            if lines_tx.send(line).is_err() {
                break;
            }
        }
    });

    let first = lines.recv_timeout(SOON).expect("no first status line");
    let first: Value = serde_json::from_str(&first).unwrap();
    assert!(
        first["text"].as_str().unwrap().starts_with("stretch in "),
        "{first}"
    );
    assert_eq!(first["class"], "active", "{first}");
    assert!(
        first["tooltip"].as_str().unwrap().contains("Next:"),
        "{first}"
    );
    assert_eq!(first["pid"], s.daemon.pid(), "{first}");
    assert_eq!(first["next"]["reminder"], "stretch", "{first}");
    assert_eq!(first["week"]["goal"], 3, "{first}");

    ok(s.home(), &["pause", "1h"]);
    // The change is pushed at once (a minute tick may come first, with the old class).
    let deadline = Instant::now() + SOON;
    loop {
        let line = lines
            .recv_timeout(deadline.saturating_duration_since(Instant::now()))
            .expect("no status line showing the pause");
        let status: Value = serde_json::from_str(&line).unwrap();
        if status["class"] == "paused" {
            assert!(
                status["text"].as_str().unwrap().starts_with("paused"),
                "{status}"
            );
            assert!(status["paused"]["until"].is_string(), "{status}");
            break;
        }
    }

    drop(follower);
    // The daemon forgets the follower and goes on answering.
    ok(s.home(), &["resume"]);
    assert_eq!(json(s.home(), &["status"])["pid"], s.daemon.pid());
    assert!(s.daemon.is_running(), "{}", s.daemon.log());
}
