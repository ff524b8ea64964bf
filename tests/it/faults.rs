//! Faults: the real `stretchd` binary under the failures a desktop session throws at it. Each
//! test asserts that the daemon keeps running (or exits as it should) and loses no history:
//!
//! - the notification server dies and another one takes its name: one warning, and the next
//!   reminder reaches the new server, whose buttons are heard;
//! - the session bus goes away: the daemon exits with status 1 and says so (systemd's
//!   `Restart=on-failure` starts it again), with its state and history on disk;
//! - the config file is deleted: the settings in force stay, and a new file is loaded;
//! - the state directory becomes read-only: reminders go on, one warning, and the state is
//!   written once the directory is writable again;
//! - the disk fills up under the history: a clear error, no torn line, appends resume;
//! - SIGKILL during a burst of state writes: the state file is the old one or the new one.
//!
//! Each test has its own session bus, home directory (HOME and the XDG directories) and
//! notification server, so they run in parallel. Every wait is bounded: on a log line, a
//! notification, a reply or an exit, with a deadline; the few polls have one too.
//!
//! Two tests need root (CI runs as root): a full disk is a small tmpfs, and a read-only
//! directory that root cannot write to is a read-only bind mount. Without root the disk-full
//! test is skipped with a loud note, and the read-only test uses `chmod 0500` instead.

use std::fs;
use std::io::Write as _;
use std::os::unix::fs::{MetadataExt as _, PermissionsExt as _};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use chrono::{DateTime, TimeDelta, Utc};
use serde_json::Value;
use stretchd::config::Kind;
use stretchd::schedule::state::State;
use stretchd::store::history::{Entry, Log, Outcome};
use tempfile::TempDir;

use testkit::notifications::{NOTIFICATIONS, Server};
use testkit::{
    Bus, Daemon, RUNNING, SOON, config_every, history_path, raw_request, run_bounded, socket_path,
    state_dir, state_path, write_file,
};

use crate::BIN;
/// Bound for a `"2s"` reminder to arrive: generous, for a loaded CI machine.
const DUE: Duration = Duration::from_secs(10);
/// The log line the daemon writes for every firing.
const FIRED: &str = "daemon: reminder reminder=";
/// The log line for a reminder answered Done.
const DONE: &str = "daemon: done reminder=";
/// The warning for a notification that could not be shown.
const NO_SERVER: &str = "cannot show the reminder";
/// The warning for a state that could not be saved, and the note when it can be again.
const SAVE_FAILED: &str = "cannot save the state to";
const SAVED_AGAIN: &str = "the state is saved again";
/// The error for an entry that could not be appended to the history.
const APPEND_FAILED: &str = "cannot append to";
/// What the daemon says when the session bus goes away, just before it exits with status 1.
const BUS_LOST: &str = "lost the D-Bus session bus; exiting so that systemd restarts stretchd";
const TWIST: &str = "Stretch: Seated twist, 15 s each side";

// --- the daemon, its files and the CLI ---------------------------------------------------------

/// Runs a command that must succeed; returns its stdout.
fn ok(home: &Path, args: &[&str]) -> String {
    BIN.ok_in(home, args, &[])
}

/// Runs a command with `--json` that must succeed; returns what it printed.
fn json(home: &Path, args: &[&str]) -> Value {
    BIN.json_in(home, args, &[])
}

/// A history entry `days` days ago.
fn old_entry(days: i64, outcome: Outcome) -> Entry {
    Entry {
        time: Utc::now() - TimeDelta::days(days),
        reminder: "stretch".to_owned(),
        kind: Kind::Stretch,
        item: "seated-twist".to_owned(),
        outcome,
    }
}

fn line(entry: &Entry) -> String {
    let mut line = serde_json::to_string(entry).unwrap();
    line.push('\n');
    line
}

/// Writes a history from earlier days into `home`'s state directory (created 0700 if missing);
/// returns its bytes.
fn seed_history(home: &Path) -> Vec<u8> {
    let dir = state_dir(home);
    fs::create_dir_all(&dir).unwrap();
    fs::set_permissions(&dir, fs::Permissions::from_mode(0o700)).unwrap();
    let text: String = [
        old_entry(3, Outcome::Done),
        old_entry(3, Outcome::Skipped),
        old_entry(2, Outcome::Snoozed),
        old_entry(2, Outcome::Done),
        old_entry(1, Outcome::Expired),
    ]
    .iter()
    .map(line)
    .collect();
    fs::write(history_path(home), &text).unwrap();
    text.into_bytes()
}

/// Asserts that the history still starts with `before`, byte for byte, and that every line of
/// it parses (nothing torn, nothing glued together); returns the whole log.
fn assert_history_kept(home: &Path, before: &[u8], daemon: &Daemon) -> Log {
    let now = fs::read(history_path(home)).unwrap();
    assert!(
        now.starts_with(before),
        "the history lost or changed earlier entries:\nbefore:\n{}\nnow:\n{}\ndaemon log:\n{}",
        String::from_utf8_lossy(before),
        String::from_utf8_lossy(&now),
        daemon.log()
    );
    let log = stretchd::store::history::parse(&now);
    assert!(
        log.skipped.is_empty(),
        "history lines {:?} do not parse:\n{}\ndaemon log:\n{}",
        log.skipped,
        String::from_utf8_lossy(&now),
        daemon.log()
    );
    log
}

/// The entries of `log` after the first `count`.
fn entries_after(log: &Log, before: &[u8]) -> Vec<Entry> {
    let count = stretchd::store::history::parse(before).entries.len();
    log.entries[count..].to_vec()
}

/// How many entries of the history in `home` have `outcome`.
fn count_outcome(home: &Path, outcome: Outcome) -> usize {
    let bytes = fs::read(history_path(home)).unwrap_or_default();
    let log = stretchd::store::history::parse(&bytes);
    log.entries.iter().filter(|e| e.outcome == outcome).count()
}

/// Waits (bounded) until the history holds more than `count` entries with `outcome`: the log
/// line for an answer comes just before its entry is written.
fn wait_for_outcome(home: &Path, outcome: Outcome, count: usize, daemon: &Daemon) {
    wait_until(&format!("a new {outcome} entry"), SOON, daemon, || {
        count_outcome(home, outcome) > count
    });
}

/// Polls every 50 ms until `done` holds; panics with `what` after `timeout`.
fn wait_until(what: &str, timeout: Duration, daemon: &Daemon, mut done: impl FnMut() -> bool) {
    let deadline = Instant::now() + timeout;
    while !done() {
        assert!(
            Instant::now() < deadline,
            "{what}: not within {timeout:?}; daemon log:\n{}",
            daemon.log()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

// --- root, mounts and skips --------------------------------------------------------------------

fn is_root() -> bool {
    fs::metadata("/proc/self").is_ok_and(|m| m.uid() == 0)
}

/// Says loudly that a test did not run and why. Written to the process's stderr directly, not
/// with `eprintln!`, which the test harness captures and shows only for failures.
fn skip(test: &str, why: &str) {
    let bar = "!".repeat(100);
    let _ = writeln!(
        std::io::stderr(),
        "\n{bar}\n!!! SKIPPED {test}: {why}\n{bar}\n"
    );
}

/// Runs `program args...` (bounded); its stderr when it fails.
fn run_tool(program: &str, args: &[&str], target: &Path) -> Result<(), String> {
    let mut cmd = Command::new(program);
    cmd.args(args)
        .arg(target)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let out = run_bounded(cmd, SOON);
    if out.status.success() {
        Ok(())
    } else {
        Err(format!(
            "{program} {args:?} {}: {} {}",
            target.display(),
            out.status,
            String::from_utf8_lossy(&out.stderr).trim()
        ))
    }
}

/// A filesystem mounted on a directory for one test; unmounted on drop (lazily, if busy).
struct Mount {
    target: PathBuf,
    mounted: bool,
}

impl Mount {
    /// `mount ARGS... TARGET`; the error says why it is not possible here.
    fn new(args: &[&str], target: &Path) -> Result<Mount, String> {
        run_tool("mount", args, target)?;
        Ok(Mount {
            target: target.to_owned(),
            mounted: true,
        })
    }

    fn unmount(&mut self) {
        if self.mounted {
            run_tool("umount", &[], &self.target).unwrap();
            self.mounted = false;
        }
    }
}

impl Drop for Mount {
    fn drop(&mut self) {
        if self.mounted && run_tool("umount", &[], &self.target).is_err() {
            let _ = run_tool("umount", &["--lazy"], &self.target);
        }
    }
}

/// A directory made read-only for this test: for root, which ignores permissions, a read-only
/// bind mount of the directory on itself (writes fail with EROFS); for anyone else, mode 0500.
enum ReadOnly {
    Mount(Mount),
    Mode(PathBuf),
}

impl ReadOnly {
    /// Makes `dir` read-only; the error says why that is not possible here.
    fn make(dir: &Path) -> Result<ReadOnly, String> {
        if is_root() {
            Mount::new(&["--bind", "-o", "ro", &dir.to_string_lossy()], dir).map(ReadOnly::Mount)
        } else {
            fs::set_permissions(dir, fs::Permissions::from_mode(0o500)).unwrap();
            Ok(ReadOnly::Mode(dir.to_owned()))
        }
    }

    /// Makes the directory writable again.
    fn undo(&mut self) {
        match self {
            ReadOnly::Mount(mount) => mount.unmount(),
            ReadOnly::Mode(dir) => {
                fs::set_permissions(&*dir, fs::Permissions::from_mode(0o700)).unwrap();
            }
        }
    }
}

impl Drop for ReadOnly {
    fn drop(&mut self) {
        if let ReadOnly::Mode(dir) = self {
            let _ = fs::set_permissions(&*dir, fs::Permissions::from_mode(0o700));
        }
    }
}

// --- the tests ---------------------------------------------------------------------------------

#[test]
fn the_notification_server_dies_and_the_next_reminder_reaches_a_new_one() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    seed_history(home);
    let bus = Bus::start();
    let dir = tempfile::tempdir().unwrap();
    let config = write_file(dir.path(), "config.toml", &config_every("2s"));
    let mut first = Server::start(&bus.address);
    let mut daemon = BIN.start_daemon(&bus, &config, home);

    let note = first.next_reminder(DUE, &daemon);
    assert_eq!(note.summary, TWIST);
    let done = count_outcome(home, Outcome::Done);
    first.press(note.id, "done");
    daemon.wait_for_log(DONE, SOON);
    wait_for_outcome(home, Outcome::Done, done, &daemon);
    let before = fs::read(history_path(home)).unwrap();

    // The server goes away; its name goes with its connection.
    first.stop();
    wait_until("the old server's name is released", SOON, &daemon, || {
        !bus.has_owner(NOTIFICATIONS)
    });
    daemon.wait_for_log(NO_SERVER, DUE);
    // Two more firings: the first of them certainly failed too (the next one is only logged
    // once it is done), and neither warned again.
    daemon.wait_for_log(FIRED, DUE);
    daemon.wait_for_log(FIRED, DUE);
    assert!(daemon.is_running(), "log:\n{}", daemon.log());

    let second = Server::start(&bus.address);
    let note = second.next_reminder(DUE, &daemon);
    assert_eq!(note.summary, TWIST);
    daemon.wait_for_log("notification server is back", SOON);
    assert_eq!(daemon.count(NO_SERVER), 1, "log:\n{}", daemon.log());
    // The new server's buttons are heard too: the daemon listens to whoever owns the name.
    let done = count_outcome(home, Outcome::Done);
    second.press(note.id, "done");
    daemon.wait_for_log(DONE, SOON);
    wait_for_outcome(home, Outcome::Done, done, &daemon);

    assert!(daemon.is_running(), "log:\n{}", daemon.log());
    let log = assert_history_kept(home, &before, &daemon);
    let after = entries_after(&log, &before);
    assert!(
        after.iter().any(|e| e.outcome == Outcome::Done),
        "the answer on the new server is not in the history: {after:?}"
    );
    // The reminders the missing server could not show were recorded as expired.
    assert!(
        after.iter().any(|e| e.outcome == Outcome::Expired),
        "{after:?}"
    );
}

#[test]
fn losing_the_session_bus_exits_with_status_1_and_a_clear_error_for_systemd_to_restart() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    seed_history(home);
    let bus = Bus::start();
    let dir = tempfile::tempdir().unwrap();
    let config = write_file(dir.path(), "config.toml", &config_every("2s"));
    let server = Server::start(&bus.address);
    let mut daemon = BIN.start_daemon(&bus, &config, home);

    let note = server.next_reminder(DUE, &daemon);
    let done = count_outcome(home, Outcome::Done);
    server.press(note.id, "done");
    daemon.wait_for_log(DONE, SOON);
    wait_for_outcome(home, Outcome::Done, done, &daemon);
    ok(home, &["pause"]);
    let history = fs::read(history_path(home)).unwrap();
    let state = fs::read(state_path(home)).unwrap();
    let saved: State = serde_json::from_slice(&state).unwrap();
    assert!(saved.pause.is_some(), "{}", String::from_utf8_lossy(&state));

    // The session bus goes away (the session ends, or dbus-daemon crashes).
    drop(bus);
    let status = daemon.wait_exit(SOON);
    assert_eq!(status.code(), Some(1), "{status}; log:\n{}", daemon.log());
    assert_eq!(daemon.count(BUS_LOST), 1, "log:\n{}", daemon.log());
    assert_eq!(daemon.count("panicked"), 0, "log:\n{}", daemon.log());

    // Nothing lost: the history as it was, the state with the pause.
    let log = assert_history_kept(home, &history, &daemon);
    assert!(log.entries.iter().any(|e| e.outcome == Outcome::Done));
    let now: State = serde_json::from_slice(&fs::read(state_path(home)).unwrap()).unwrap();
    assert_eq!(now.pause, saved.pause);

    // What systemd does next: start it again, in a new session. It picks up where it was.
    let bus = Bus::start();
    let _daemon = BIN.start_daemon(&bus, &config, home);
    let status = json(home, &["status"]);
    assert!(!status["paused"].is_null(), "{status}");
}

/// Deletes the config file under a running daemon and brings it back with another interval.
/// `default_path`: the daemon runs without `--config` (as systemd starts it) and reads
/// `$XDG_CONFIG_HOME/stretchd/config.toml`; otherwise it was given the file with `--config`.
fn deleted_config(default_path: bool) {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    let before = seed_history(home);
    let bus = Bus::start();
    let other = tempfile::tempdir().unwrap();
    let dir = if default_path {
        let dir = home.join("config/stretchd");
        fs::create_dir_all(&dir).unwrap();
        dir
    } else {
        other.path().to_owned()
    };
    let config = write_file(&dir, "config.toml", &config_every("2s"));
    let server = Server::start(&bus.address);
    let mut builder = BIN.daemon(&bus.address, &config).home(home);
    if default_path {
        builder = builder.default_config();
    }
    let mut daemon = builder.start();
    daemon.wait_for_log(RUNNING, SOON);
    server.next_reminder(DUE, &daemon);

    fs::remove_file(&config).unwrap();
    let kept = if default_path {
        "the config file is gone; keeping its settings until it is back"
    } else {
        "config not reloaded, keeping the previous one"
    };
    daemon.wait_for_log(kept, SOON);
    // Reminders keep coming every 2 s, and the daemon answers.
    server.drain();
    server.next_reminder(DUE, &daemon);
    server.next_reminder(DUE, &daemon);
    let status = json(home, &["status"]);
    assert_eq!(status["type"], "status", "{status}");
    assert!(!status["next"].is_null(), "{status}");

    // Back, with another interval: loaded.
    write_file(&dir, "config.toml", &config_every("1h"));
    daemon.wait_for_log("config reloaded", SOON);
    let next = json(home, &["next", "--count", "1"]);
    let at: DateTime<Utc> = next["upcoming"][0]["at"]
        .as_str()
        .unwrap_or_else(|| panic!("{next}"))
        .parse()
        .unwrap();
    assert!(
        at - Utc::now() > TimeDelta::minutes(50),
        "the new interval is not in force: {next}"
    );
    let status = json(home, &["status"]);
    assert!(status["config_error"].is_null(), "{status}");

    assert!(daemon.is_running(), "log:\n{}", daemon.log());
    assert_history_kept(home, &before, &daemon);
}

#[test]
fn a_deleted_config_keeps_its_settings_until_it_is_back() {
    deleted_config(true);
}

#[test]
fn a_deleted_config_given_with_dash_dash_config_keeps_its_settings_until_it_is_back() {
    deleted_config(false);
}

/// Found by the second hostile pass: a config directory made only after the daemon started
/// (on the built-in default), or moved away and back (a dotfiles checkout), was never watched
/// again, so a save there changed nothing until `stretchd reload`.
#[test]
fn a_config_directory_made_after_the_start_or_moved_away_and_back_is_watched() {
    const RELOADED: &str = "config reloaded";
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    let bus = Bus::start();
    let dir = home.join("config/stretchd");
    let config = dir.join("config.toml");
    let mut daemon = BIN
        .daemon(&bus.address, &config)
        .home(home)
        .default_config()
        .start();
    daemon.wait_for_log(RUNNING, SOON);
    assert_eq!(json(home, &["status"])["config"], "<built-in default>");

    fs::create_dir_all(&dir).unwrap();
    write_file(&dir, "config.toml", &config_every("7h"));
    daemon.wait_for_log(RELOADED, SOON);
    let path = config.display().to_string();
    assert_eq!(json(home, &["status"])["config"], path.as_str());

    let away = home.join("config/stretchd.away");
    fs::rename(&dir, &away).unwrap();
    daemon.wait_for_log("the config file is gone", SOON);
    write_file(&away, "config.toml", &config_every("3h"));
    fs::rename(&away, &dir).unwrap();
    daemon.wait_for_log(RELOADED, SOON);
    // And it is watched there again: an edit in place reloads.
    fs::write(&config, config_every("5h")).unwrap();
    daemon.wait_for_log(RELOADED, SOON);
    let status = json(home, &["status"]);
    assert!(status["config_error"].is_null(), "{status}");
    assert!(daemon.is_running(), "log:\n{}", daemon.log());
}

#[test]
fn a_read_only_state_dir_warns_once_and_the_state_is_written_once_it_is_writable() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    seed_history(home);
    let bus = Bus::start();
    let dir = tempfile::tempdir().unwrap();
    let config = write_file(dir.path(), "config.toml", &config_every("2s"));
    let server = Server::start(&bus.address);
    let mut daemon = BIN.start_daemon(&bus, &config, home);
    server.next_reminder(DUE, &daemon);
    // Answered after the firing's save: the state file is there.
    ok(home, &["status"]);
    assert!(state_path(home).is_file());

    let before = fs::read(history_path(home)).unwrap();
    let made_read_only = Utc::now();
    let state_dir = state_dir(home);
    let mut read_only = match ReadOnly::make(&state_dir) {
        Ok(read_only) => read_only,
        Err(why) => {
            skip(
                "a_read_only_state_dir_warns_once_and_the_state_is_written_once_it_is_writable",
                &format!("cannot make a directory read-only for root here ({why})"),
            );
            return;
        }
    };
    assert!(
        fs::write(state_dir.join("probe"), b"x").is_err(),
        "the state directory is still writable"
    );

    // Three reminders, each a change of state that cannot be saved; then a request, whose
    // save is attempted before the reply.
    for _ in 0..3 {
        let note = server.next_reminder(DUE, &daemon);
        assert_eq!(note.summary, TWIST);
    }
    ok(home, &["status"]);
    daemon.wait_for_log(SAVE_FAILED, SOON);
    assert_eq!(daemon.count(SAVE_FAILED), 1, "log:\n{}", daemon.log());
    assert!(daemon.is_running(), "log:\n{}", daemon.log());
    // The history was open already: its appends go on.
    let log = assert_history_kept(home, &before, &daemon);
    assert!(
        entries_after(&log, &before).len() >= 2,
        "no history while the directory was read-only: {:?}",
        log.entries
    );
    let kept: State = serde_json::from_slice(&fs::read(state_path(home)).unwrap()).unwrap();
    assert!(kept.last_fired["stretch"] < made_read_only, "{kept:?}");

    // Writable again: the next change (or request) writes the state.
    read_only.undo();
    ok(home, &["status"]);
    daemon.wait_for_log(SAVED_AGAIN, SOON);
    let written: State = serde_json::from_slice(&fs::read(state_path(home)).unwrap()).unwrap();
    assert!(
        written.last_fired["stretch"] > made_read_only,
        "the state written is not the current one: {written:?}"
    );
    server.next_reminder(DUE, &daemon);
    assert_eq!(daemon.count(SAVE_FAILED), 1, "log:\n{}", daemon.log());
    assert!(daemon.is_running(), "log:\n{}", daemon.log());
    assert_history_kept(home, &before, &daemon);
}

/// Fills the filesystem holding `path` by writing `path` until it is full.
fn fill(path: &Path) {
    let mut file = fs::File::create(path).unwrap();
    let chunk = vec![0u8; 4096];
    loop {
        match file.write_all(&chunk) {
            Ok(()) => {}
            Err(e) if e.raw_os_error() == Some(28) => return,
            Err(e) => panic!("filling {}: {e}", path.display()),
        }
    }
}

#[test]
fn a_full_disk_under_the_history_loses_no_entry_and_leaves_no_torn_line() {
    const TEST: &str = "a_full_disk_under_the_history_loses_no_entry_and_leaves_no_torn_line";
    /// Room left in the history's last page: less than a line, so the next append is a short
    /// write followed by ENOSPC.
    const SLACK: usize = 40;
    const PAGE: usize = 4096;
    if !is_root() {
        skip(TEST, "mounting a small tmpfs needs root");
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    let state_dir = state_dir(home);
    fs::create_dir_all(&state_dir).unwrap();
    // The state directory on a 64 KiB disk.
    let _disk = match Mount::new(
        &["-t", "tmpfs", "-o", "size=64k,mode=0700", "tmpfs"],
        &state_dir,
    ) {
        Ok(mount) => mount,
        Err(why) => {
            skip(TEST, &format!("cannot mount a tmpfs here ({why})"));
            return;
        }
    };
    seed_history(home);
    let bus = Bus::start();
    let dir = tempfile::tempdir().unwrap();
    let config = write_file(dir.path(), "config.toml", &config_every("2s"));
    let server = Server::start(&bus.address);
    let mut daemon = BIN.start_daemon(&bus, &config, home);
    server.next_reminder(DUE, &daemon);
    // Held while the disk is prepared: nothing is written meanwhile.
    ok(home, &["pause"]);

    // One more old entry, long enough that the history ends SLACK bytes short of a page.
    let len = fs::metadata(history_path(home)).unwrap().len();
    let len = usize::try_from(len).unwrap();
    // Whole seconds: the line's length does not depend on the clock's fraction.
    let template = Entry {
        time: DateTime::from_timestamp(Utc::now().timestamp() - 86_400, 0).unwrap(),
        reminder: "stretch-".to_owned(),
        ..old_entry(1, Outcome::Done)
    };
    let base = line(&template).len();
    let mut want = PAGE - SLACK - len % PAGE;
    if want < base {
        want += PAGE;
    }
    let pad = line(&Entry {
        reminder: format!("stretch-{}", "x".repeat(want - base)),
        ..template
    });
    assert_eq!(pad.len(), want);
    fs::OpenOptions::new()
        .append(true)
        .open(history_path(home))
        .unwrap()
        .write_all(pad.as_bytes())
        .unwrap();
    let before = fs::read(history_path(home)).unwrap();
    assert_eq!(before.len() % PAGE, PAGE - SLACK);
    let filler = state_dir.join("filler");
    fill(&filler);

    // Reminders resume on a full disk: each one records the one it replaces, and fails.
    ok(home, &["resume"]);
    for _ in 0..2 {
        let note = server.next_reminder(DUE, &daemon);
        assert_eq!(note.summary, TWIST);
    }
    daemon.wait_for_log(APPEND_FAILED, DUE);
    daemon.wait_for_log(APPEND_FAILED, DUE);
    assert!(
        daemon.log().contains("No space left on device"),
        "the error does not say why: {}",
        daemon.log()
    );
    assert_eq!(daemon.count(SAVE_FAILED), 1, "log:\n{}", daemon.log());
    // Each failed append took back what it had written: no half line waits for the next one.
    assert_eq!(
        fs::read(history_path(home)).unwrap(),
        before,
        "a failed append left bytes behind; log:\n{}",
        daemon.log()
    );
    assert!(daemon.is_running(), "log:\n{}", daemon.log());

    // Space again: the state is saved and appends resume.
    fs::remove_file(&filler).unwrap();
    daemon.wait_for_log(SAVED_AGAIN, DUE);
    wait_until("an append after the disk has room", DUE, &daemon, || {
        stretchd::store::history::parse(&fs::read(history_path(home)).unwrap())
            .entries
            .len()
            > stretchd::store::history::parse(&before).entries.len()
    });
    let log = assert_history_kept(home, &before, &daemon);
    let after = entries_after(&log, &before);
    assert!(
        after.iter().all(|e| e.outcome == Outcome::Expired),
        "{after:?}"
    );
    assert!(daemon.is_running(), "log:\n{}", daemon.log());
}

/// Sends one request over the control socket and reads the reply line.
fn request(socket: &Path, frame: &str) -> std::io::Result<Value> {
    let reply = raw_request(socket, frame.as_bytes(), SOON)?;
    serde_json::from_str(&reply).map_err(std::io::Error::other)
}

/// A small xorshift generator: random kill moments without a dependency.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

/// The pause end that request number `n` asks for: each request changes the state, and the
/// state on disk tells which request wrote it.
fn pause_end(base: DateTime<Utc>, n: u64) -> DateTime<Utc> {
    base + TimeDelta::seconds(i64::try_from(n).unwrap())
}

/// A client on its own thread that writes the state as fast as the daemon takes it: request
/// after request, each a pause until [`pause_end`] of its number, until the daemon is gone.
struct Hammer {
    /// The number of the last request sent (shared across rounds: numbers keep growing).
    sent: Arc<AtomicU64>,
    /// The number of the last request answered, 0 for none yet.
    acked: Arc<AtomicU64>,
    stop: Arc<AtomicBool>,
    thread: std::thread::JoinHandle<()>,
}

impl Hammer {
    fn start(socket: &Path, base: DateTime<Utc>, sent: &Arc<AtomicU64>) -> Hammer {
        let acked = Arc::new(AtomicU64::new(0));
        let stop = Arc::new(AtomicBool::new(false));
        let thread = {
            let (sent, acked, stop) = (Arc::clone(sent), Arc::clone(&acked), Arc::clone(&stop));
            let socket = socket.to_owned();
            std::thread::spawn(move || {
                while !stop.load(Ordering::SeqCst) {
                    let n = sent.fetch_add(1, Ordering::SeqCst) + 1;
                    let frame = format!(
                        "{{\"type\":\"pause\",\"until\":\"{}\"}}\n",
                        pause_end(base, n).to_rfc3339()
                    );
                    match request(&socket, &frame) {
                        Ok(reply) if reply["type"] == "ok" => acked.store(n, Ordering::SeqCst),
                        Ok(reply) => panic!("request {n} refused: {reply}"),
                        // The daemon was killed under it.
                        Err(_) => return,
                    }
                }
            })
        };
        Hammer {
            sent: Arc::clone(sent),
            acked,
            stop,
            thread,
        }
    }

    fn acked(&self) -> u64 {
        self.acked.load(Ordering::SeqCst)
    }

    /// Stops the client; returns the numbers of the last request answered and sent.
    fn stop(self) -> (u64, u64) {
        self.stop.store(true, Ordering::SeqCst);
        self.thread.join().expect("the client thread panicked");
        (
            self.acked.load(Ordering::SeqCst),
            self.sent.load(Ordering::SeqCst),
        )
    }
}

/// After a kill: the state file parses and holds the last answered request, or one sent after
/// it (in flight when the kill came); nothing was set aside as corrupt. Returns the pause end
/// on disk, and whether the kill left the temporary file (it came in the middle of a write).
fn check_after_kill(
    home: &Path,
    round: u32,
    base: DateTime<Utc>,
    (acked, sent): (u64, u64),
) -> (DateTime<Utc>, bool) {
    let text = fs::read(state_path(home)).unwrap();
    let state: State = serde_json::from_slice(&text).unwrap_or_else(|e| {
        panic!(
            "round {round}: a torn state file ({e}):\n{}",
            String::from_utf8_lossy(&text)
        )
    });
    let on_disk = state.pause.and_then(|p| p.until);
    let allowed: Vec<_> = (acked..=sent).map(|n| pause_end(base, n)).collect();
    let Some(on_disk) = on_disk.filter(|u| allowed.contains(u)) else {
        panic!(
            "round {round}: the state says pause until {on_disk:?}, but the last answered \
             request paused until {} ({} sent after it)",
            pause_end(base, acked),
            sent - acked
        );
    };
    let corrupt: Vec<_> = fs::read_dir(state_dir(home))
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.contains("corrupt"))
        .collect();
    assert!(corrupt.is_empty(), "round {round}: {corrupt:?}");
    let mid_write = state_dir(home).join("state.json.tmp").exists();
    (on_disk, mid_write)
}

#[test]
fn sigkill_during_state_writes_leaves_the_old_or_the_new_state_never_a_torn_one() {
    const ROUNDS: u32 = 20;
    let home = TempDir::new().unwrap();
    let home = home.path();
    let before = seed_history(home);
    let bus = Bus::start();
    let dir = tempfile::tempdir().unwrap();
    let config = write_file(dir.path(), "config.toml", &config_every("1h"));
    let socket = socket_path(home);
    let clock = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap();
    let seed = (clock.as_secs() ^ (u64::from(clock.subsec_nanos()) << 32)) | 1;
    eprintln!("kill moments from seed {seed}");
    let mut rng = Rng(seed);
    let base = Utc::now() + TimeDelta::days(1);
    let sent = Arc::new(AtomicU64::new(0));
    let mut on_disk = None;
    let mut mid_writes = 0;
    for round in 0..ROUNDS {
        let mut daemon = BIN.start_daemon(&bus, &config, home);
        assert_eq!(
            daemon.count("unreadable state"),
            0,
            "log:\n{}",
            daemon.log()
        );
        let hammer = Hammer::start(&socket, base, &sent);
        wait_until("the first request is answered", SOON, &daemon, || {
            hammer.acked() > 0
        });
        std::thread::sleep(Duration::from_millis(rng.below(40)));
        daemon.signal("KILL");
        let status = daemon.wait_exit(SOON);
        assert_eq!(status.code(), None, "{status}");
        let (pause, mid_write) = check_after_kill(home, round, base, hammer.stop());
        on_disk = Some(pause);
        mid_writes += u32::from(mid_write);
    }
    eprintln!(
        "{ROUNDS} kills after {} requests; {mid_writes} of them came in the middle of a write \
         (the temporary file was left)",
        sent.load(Ordering::SeqCst)
    );

    // A restarted daemon takes the state as it is and answers.
    let daemon = BIN.start_daemon(&bus, &config, home);
    assert_eq!(
        daemon.count("unreadable state"),
        0,
        "log:\n{}",
        daemon.log()
    );
    let status = json(home, &["status"]);
    let paused: DateTime<Utc> = status["paused"]["until"]
        .as_str()
        .unwrap_or_else(|| panic!("{status}"))
        .parse()
        .unwrap();
    assert_eq!(Some(paused), on_disk, "{status}");
    assert_history_kept(home, &before, &daemon);
}
