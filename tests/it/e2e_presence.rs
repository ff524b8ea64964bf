//! End to end: the real `stretchd run` with logind's suspend and lock signals, on two private
//! buses started by each test: a session bus with the test notification server of
//! `testkit::notifications`, which records when each `Notify` arrives, and a second bus standing in for the system bus
//! (`DBUS_SYSTEM_BUS_ADDRESS`) with the fake logind of `testkit::logind`.
//!
//! The reminders are short (every 3 s, or a cron line firing every 5 s) and `natural_break` is
//! 2 s, so that a suspend or a lock of a few seconds is a natural break. Each test checks:
//!
//! - nothing arrives while the user is away, over a window that covers at least one due time
//!   (these "nothing happens" checks are the only waits that do not end on an event; each is
//!   bounded and named, and sized to span at least one due reminder);
//! - on the return, no burst: the interval restarts from the return, so the first reminder is
//!   not sooner than one interval after it (one fired at once, or two close together, fail), and
//!   the next keeps the normal spacing; a cron time missed while away is dropped, not fired on
//!   the return;
//! - `stretchd status --json` says why reminders are held while away, and names the idle
//!   source.
//!
//! Every test has its own buses, fake, server and home directory, so they run in parallel.

use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use testkit::logind::{Call, Fake, Setup};
use testkit::notifications::{Note, Server};
use testkit::{Bus, Daemon, SOON, all_day_config, write_file};

use crate::BIN;

/// The `every` of the interval reminder.
const INTERVAL: Duration = Duration::from_secs(3);
/// The cron reminder's period: `*/5` in the seconds field.
const CRON_PERIOD: Duration = Duration::from_secs(5);
/// Slack for timing checks that bound a reminder from below: a reminder due `INTERVAL` after
/// an event is not counted as early unless it comes this much before.
const EARLY_SLACK: Duration = Duration::from_millis(500);
/// Bound for a reminder to arrive after it is due: generous, for a loaded CI machine.
const LATE: Duration = Duration::from_secs(5);

/// A config with every day at work, `natural_break = "2s"`, the idle source given, and
/// `reminder` (a `[[reminder]]` table).
fn config(idle_source: &str, reminder: &str) -> String {
    all_day_config(&format!(
        "[presence]\n\
         idle_source = \"{idle_source}\"\n\
         natural_break = \"2s\"\n\
         \n\
         [[reminder]]\n\
         id = \"stretch\"\n\
         kind = \"stretch\"\n\
         {reminder}\n"
    ))
}

fn every_3s() -> String {
    format!("every = \"{}s\"", INTERVAL.as_secs())
}

/// Six fields, seconds first: every 5 s on the wall clock.
const CRON_EVERY_5S: &str = "cron = \"*/5 * * * * *\"";

/// The daemon with its two buses, the fake logind and the notification server.
struct Env {
    fake: Fake,
    daemon: Daemon,
    server: Server,
    _session: Bus,
    _dir: tempfile::TempDir,
}

impl Env {
    /// Starts everything with [`config`]`(idle_source, reminder)` and waits (bounded) until the
    /// daemon runs, follows the fake's session and uses `idle_source`.
    async fn start(idle_source: &str, reminder: &str) -> Env {
        let mut fake = Fake::start(Setup::default()).await;
        let session = Bus::start();
        let server = Server::start(&session.address);
        let dir = tempfile::tempdir().unwrap();
        let path = write_file(dir.path(), "config.toml", &config(idle_source, reminder));
        let mut daemon = BIN
            .daemon(&session.address, &path)
            .env("DBUS_SYSTEM_BUS_ADDRESS", &fake.address)
            .env("RUST_LOG", "stretchd=debug")
            .start();
        // All three are logged before the daemon says it runs, so they are found in this order.
        let line = daemon
            .wait_for_log_async("logind: following the session", SOON)
            .await;
        assert!(
            line.contains(testkit::logind::SESSION_PATH),
            "not the session the fake named: {line}"
        );
        daemon
            .wait_for_log_async(&format!("idle source: {idle_source}"), SOON)
            .await;
        daemon.wait_for_log_async("stretchd is running", SOON).await;
        // The daemon, not some other client, asked logind for its own session.
        assert_eq!(fake.next_call().await, Call::SessionByPid(daemon.pid()));
        Env {
            fake,
            daemon,
            server,
            _session: session,
            _dir: dir,
        }
    }

    /// The next notification, within `timeout`.
    async fn next_shown(&mut self, timeout: Duration) -> Note {
        self.server.next_async(timeout, &self.daemon).await
    }

    /// Forgets the notifications received so far. Used right after the daemon logged that the
    /// user is away: a `Notify` sent before that has been answered (the daemon waits for the
    /// reply before it handles the next event), so it is already here.
    fn drain(&mut self) {
        self.server.drain();
    }

    /// The bounded "nothing happens" check: no notification arrives before `until`.
    async fn assert_nothing_until(&mut self, until: Instant, why: &str) {
        let window = until.saturating_duration_since(Instant::now());
        if let Some(shown) = self.server.recv_async(window).await {
            panic!(
                "a notification arrived {why}: {shown:?}; daemon log:\n{}",
                self.daemon.log()
            );
        }
    }

    /// `stretchd status --json`, run without blocking the runtime (the fake logind, served
    /// on it, must keep answering meanwhile).
    async fn status(&self) -> serde_json::Value {
        let home = self.daemon.home().to_owned();
        let out = tokio::task::spawn_blocking(move || {
            BIN.run_in(&home, &["status", "--json"], &[], SOON)
        })
        .await
        .unwrap();
        assert!(out.status.success(), "stretchd status failed: {out:?}");
        let json: serde_json::Value = serde_json::from_slice(&out.stdout)
            .unwrap_or_else(|e| panic!("status --json is not JSON ({e}): {out:?}"));
        assert_eq!(json["type"], "status", "{json}");
        json
    }

    /// Asserts `status --json` holds reminders for `why` and names `idle_source`.
    async fn assert_held(&self, why: &str, idle_source: &str) {
        let json = self.status().await;
        let held = json["held"]["reason"].as_str().unwrap_or_else(|| {
            panic!("status has no \"held\" while the user is away: {json}");
        });
        assert_eq!(held, why, "\"held\" does not say {why:?}: {json}");
        assert!(json["held"]["since"].is_string(), "{json}");
        assert_eq!(json["idle_source"], idle_source, "{json}");
    }

    /// Asserts `status --json` holds nothing back.
    async fn assert_not_held(&self) {
        let json = self.status().await;
        assert!(json["held"].is_null(), "held after the return: {json}");
    }
}

/// Asserts `later` came `at_least` (less [`EARLY_SLACK`]) after `earlier`.
fn assert_gap(earlier: Instant, later: &Note, at_least: Duration, what: &str) {
    let gap = later.at.saturating_duration_since(earlier);
    assert!(
        gap + EARLY_SLACK >= at_least,
        "{what}: {gap:?} after, expected at least {at_least:?} less {EARLY_SLACK:?} (a reminder \
         fired early or in a burst): {later:?}"
    );
}

/// The wall clock as a duration since the epoch.
fn since_epoch(t: SystemTime) -> Duration {
    t.duration_since(UNIX_EPOCH).unwrap()
}

/// How far `t` is past the last multiple of `period` on the wall clock.
fn phase(t: SystemTime, period: Duration) -> Duration {
    let ns = since_epoch(t).as_nanos() % period.as_nanos();
    Duration::from_nanos(u64::try_from(ns).unwrap())
}

#[tokio::test]
async fn asleep_fires_nothing_and_the_resume_brings_no_burst() {
    let mut env = Env::start("none", &every_3s()).await;
    // Reminders reach the server; the next is due one interval from this one, while asleep.
    env.next_shown(INTERVAL + LATE).await;

    env.fake.prepare_for_sleep(true).await;
    let asleep = Instant::now();
    env.daemon
        .wait_for_log_async("away reason=Asleep", SOON)
        .await;
    env.drain();
    env.assert_held("asleep", "none").await;
    // The "nothing happens" check: 8 s asleep spans two due times of the 3 s reminder.
    let asleep_for = Duration::from_secs(8);
    env.assert_nothing_until(asleep + asleep_for, "while asleep")
        .await;

    let resumed = Instant::now();
    env.fake.prepare_for_sleep(false).await;
    env.daemon
        .wait_for_log_async("back reason=Asleep", SOON)
        .await;
    // Asleep longer than natural_break: the interval restarts from the resume. A reminder
    // missed while asleep and fired at once would come ~3 s early; two in a row, sooner still.
    let first = env.next_shown(INTERVAL + LATE).await;
    assert_gap(
        resumed,
        &first,
        INTERVAL,
        "the first reminder after the resume",
    );
    let second = env.next_shown(INTERVAL + LATE).await;
    assert_gap(
        first.at,
        &second,
        INTERVAL,
        "the second reminder after the resume",
    );
    assert_eq!(
        env.daemon.count(": reminder reminder="),
        3,
        "one reminder before the suspend and two after: {}",
        env.daemon.log()
    );
}

#[tokio::test]
async fn a_cron_time_missed_while_asleep_is_dropped_not_fired_on_the_resume() {
    let mut env = Env::start("logind", CRON_EVERY_5S).await;
    // The first cron time: on a multiple of 5 s of the wall clock.
    let first = env.next_shown(CRON_PERIOD + LATE).await;
    let boundary = first
        .at
        .checked_sub(phase(first.wall, CRON_PERIOD))
        .expect("the boundary is after the boot");

    env.fake.prepare_for_sleep(true).await;
    env.daemon
        .wait_for_log_async("away reason=Asleep", SOON)
        .await;
    assert!(
        Instant::now() + EARLY_SLACK < boundary + CRON_PERIOD,
        "the suspend was not handled before the next cron time; the machine is too slow for \
         this test"
    );
    env.drain();
    // The "nothing happens" check: asleep over the next cron time, until halfway through the
    // period after it.
    let wake = boundary + CRON_PERIOD + CRON_PERIOD / 2;
    env.assert_nothing_until(wake, "while asleep").await;

    let resumed = Instant::now();
    env.fake.prepare_for_sleep(false).await;
    env.daemon
        .wait_for_log_async("back reason=Asleep", SOON)
        .await;
    // `missed = "drop"` (the default): the time missed while asleep does not fire on the
    // resume; the next one comes at the next cron time, half a period later.
    let next = env.next_shown(CRON_PERIOD + LATE).await;
    assert_gap(
        resumed,
        &next,
        CRON_PERIOD / 2,
        "the first reminder after the resume",
    );
    let off = phase(next.wall, CRON_PERIOD);
    assert!(
        off < Duration::from_secs(1),
        "the first reminder after the resume is {off:?} past a cron time: not the cron time"
    );
    // And the one after keeps the cron's spacing.
    let after = env.next_shown(CRON_PERIOD + LATE).await;
    assert_gap(next.at, &after, CRON_PERIOD, "the next cron reminder");
    assert_eq!(
        env.daemon.count(": reminder reminder="),
        3,
        "one reminder before the suspend and two after: {}",
        env.daemon.log()
    );
}

/// Locks with `lock`, checks the hold, unlocks with `unlock` after a lock longer than both the
/// interval and `natural_break`, and checks that the interval restarts from the unlock.
async fn lock_holds_and_unlock_restarts(idle_source: &str, by_hint: bool) {
    let mut env = Env::start(idle_source, &every_3s()).await;
    env.next_shown(INTERVAL + LATE).await;

    let locked = Instant::now();
    if by_hint {
        env.fake.set_locked_hint(true).await;
    } else {
        env.fake.lock_signal(true).await;
    }
    env.daemon
        .wait_for_log_async("away reason=Locked", SOON)
        .await;
    env.drain();
    env.assert_held("locked", idle_source).await;
    // The "nothing happens" check: 4 s locked spans the next due time (3 s after the last).
    env.assert_nothing_until(locked + Duration::from_secs(4), "while locked")
        .await;

    let unlocked = Instant::now();
    if by_hint {
        env.fake.set_locked_hint(false).await;
    } else {
        env.fake.lock_signal(false).await;
    }
    env.daemon
        .wait_for_log_async("back reason=Locked", SOON)
        .await;
    env.assert_not_held().await;
    // Locked longer than natural_break: the interval restarts from the unlock. The reminder
    // that fell due while locked, fired at once, would come ~3 s early.
    let first = env.next_shown(INTERVAL + LATE).await;
    assert_gap(
        unlocked,
        &first,
        INTERVAL,
        "the first reminder after the unlock",
    );
    let second = env.next_shown(INTERVAL + LATE).await;
    assert_gap(
        first.at,
        &second,
        INTERVAL,
        "the second reminder after the unlock",
    );
}

#[tokio::test]
async fn lock_signal_holds_reminders_and_unlock_restarts_the_interval() {
    lock_holds_and_unlock_restarts("logind", false).await;
}

#[tokio::test]
async fn locked_hint_works_like_the_lock_signal() {
    lock_holds_and_unlock_restarts("none", true).await;
}
