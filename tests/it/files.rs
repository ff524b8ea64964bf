//! The files stretchd reads (config.toml, state.json, history.jsonl) when they are not what they
//! seem: garbage, empty, a named pipe, a directory, a symlink to `/dev/zero`, a dangling symlink,
//! unreadable, too large, or with values that parse but make no sense. Each case runs the real
//! binary (the CLI, or the daemon on a private session bus) and checks that the answer is a
//! clear error, a warning or a set-aside file, promptly: never a hang, a panic or a flood.
//!
//! Every process is bounded by a timeout (`run_bounded`, `Daemon::wait_for_log`).

use std::fmt::Write as _;
use std::fs;
use std::os::unix::fs::{PermissionsExt as _, symlink};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use testkit::{
    Bus, Daemon, SOON, all_day_config, history_path, state_dir, state_path, text, write_file,
};

use crate::BIN;

/// What sits at a file's path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum What {
    /// Bytes that are not the format.
    Garbage,
    /// An empty file.
    Empty,
    /// A named pipe nobody writes to.
    Fifo,
    /// A directory.
    Directory,
    /// A symlink to `/dev/zero`.
    DevZero,
    /// A symlink to nothing.
    Dangling,
    /// A file with mode 0000 (only when not root: root reads it anyway).
    Unreadable,
    /// A file larger than any sane one (for the history: one line longer than any entry).
    TooBig,
}

impl What {
    const ALL: [What; 8] = [
        What::Garbage,
        What::Empty,
        What::Fifo,
        What::Directory,
        What::DevZero,
        What::Dangling,
        What::Unreadable,
        What::TooBig,
    ];

    /// Puts this at `path` (creating its directory); `None` if it cannot be tested here.
    fn plant(self, path: &Path) -> Option<()> {
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        match self {
            What::Garbage => fs::write(path, "\u{0}\u{1b}[31m not { valid ] anything\n").unwrap(),
            What::Empty => fs::write(path, "").unwrap(),
            What::Fifo => mkfifo(path),
            What::Directory => fs::create_dir(path).unwrap(),
            What::DevZero => symlink("/dev/zero", path).unwrap(),
            What::Dangling => symlink(path.with_extension("nowhere"), path).unwrap(),
            What::Unreadable if is_root() => return None,
            What::Unreadable => {
                fs::write(path, "# nothing\n").unwrap();
                fs::set_permissions(path, fs::Permissions::from_mode(0o000)).unwrap();
            }
            What::TooBig => {
                let mut text = "#".repeat(3 << 20);
                text.push('\n');
                fs::write(path, text).unwrap();
            }
        }
        Some(())
    }

    /// Part of the message that says what it is, for the kinds that are refused as such.
    fn refusal(self) -> Option<&'static str> {
        match self {
            What::Fifo => Some("is a named pipe, not a regular file"),
            What::Directory => Some("is a directory, not a regular file"),
            What::DevZero => Some("is a character device, not a regular file"),
            What::Unreadable => Some("ermission denied"),
            _ => None,
        }
    }
}

fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(status.success(), "mkfifo {}", path.display());
}

fn is_root() -> bool {
    use std::os::unix::fs::MetadataExt as _;
    fs::metadata("/proc/self").is_ok_and(|m| m.uid() == 0)
}

fn config_path(home: &Path) -> PathBuf {
    home.join("config/stretchd/config.toml")
}

/// Asserts that a command neither panicked nor flooded its stderr, and that a failure says
/// something; returns its stderr.
fn sane(out: &Output, what: &str) -> String {
    let stderr = text(&out.stderr);
    assert!(!stderr.contains("panicked"), "{what} panicked: {stderr}");
    assert!(
        stderr.len() < 2000,
        "{what}: {} bytes of stderr",
        stderr.len()
    );
    if !out.status.success() {
        assert!(!stderr.trim().is_empty(), "{what} failed silently");
    }
    stderr
}

/// The set-aside copies of the state in `home`.
fn set_aside(home: &Path) -> Vec<PathBuf> {
    let Ok(dir) = fs::read_dir(state_dir(home)) else {
        return Vec::new();
    };
    dir.map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().contains("state.json.corrupt-"))
        .collect()
}

/// Undoes what [`What::plant`] did, so the temporary directory can be removed.
fn unplant(path: &Path) {
    if let Ok(meta) = path.symlink_metadata() {
        if meta.is_dir() {
            let _ = fs::remove_dir_all(path);
        } else {
            let _ = fs::set_permissions(path, fs::Permissions::from_mode(0o600));
            let _ = fs::remove_file(path);
        }
    }
}

// --- config.toml -------------------------------------------------------------------------------

#[test]
fn a_config_of_every_kind_is_a_prompt_clear_answer() {
    for what in What::ALL {
        for explicit in [true, false] {
            let home = tempfile::tempdir().unwrap();
            let path = config_path(home.path());
            if what.plant(&path).is_none() {
                continue;
            }
            let config = path.to_str().unwrap();
            // `run` reads it first thing (and, with no session bus here, stops soon after).
            for command in ["check", "run"] {
                let args: &[&str] = if explicit {
                    &[command, "--config", config]
                } else {
                    &[command]
                };
                let out = BIN.run_in(home.path(), args, &[], SOON);
                let case = format!("{what:?} config.toml, {args:?}");
                let stderr = sane(&out, &case);
                let failed = !out.status.success();
                if let Some(refusal) = what.refusal() {
                    assert!(failed, "{case}: {out:?}");
                    assert!(stderr.contains(config), "{case}: no path in {stderr}");
                    assert!(stderr.contains(refusal), "{case}: {stderr}");
                }
                match what {
                    What::TooBig => {
                        assert!(failed, "{case}");
                        assert!(stderr.contains(config), "{case}: {stderr}");
                        let limit = "larger than the 1 MiB limit";
                        assert!(stderr.contains(limit), "{case}: {stderr}");
                    }
                    What::Garbage => {
                        assert!(failed, "{case}");
                        assert!(stderr.contains(config), "{case}: {stderr}");
                    }
                    // A missing default config is the built-in one; a missing --config an error.
                    What::Dangling if explicit => assert!(failed, "{case}"),
                    _ => {}
                }
            }
            unplant(&path);
        }
    }
}

/// What a reload reads: `Config::load` in-process, bounded.
#[test]
fn config_load_of_a_named_pipe_returns_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("config.toml");
    mkfifo(&fifo);
    let (tx, rx) = std::sync::mpsc::channel();
    let path = fifo.clone();
    std::thread::spawn(move || {
        let _ = tx.send(stretchd::config::Config::load(Some(&path)).map(|_| ()));
    });
    let err = rx
        .recv_timeout(SOON)
        .expect("Config::load blocked on a named pipe")
        .unwrap_err()
        .to_string();
    assert!(err.contains(&*fifo.to_string_lossy()), "{err}");
    assert!(err.contains("is a named pipe, not a regular file"), "{err}");
}

/// A reminder that does not fire during a test (a config needs one).
const HOURLY: &str = "[[reminder]]\nid = \"posture\"\nkind = \"posture\"\nevery = \"1h\"\n";

#[test]
fn reloading_a_config_replaced_by_a_named_pipe_keeps_the_daemon_running() {
    let bus = Bus::start();
    let home = tempfile::tempdir().unwrap();
    let config = write_file(home.path(), "stretchd.toml", &all_day_config(HOURLY));
    let mut daemon = BIN.start_daemon(&bus, &config, home.path());
    let fifo = home.path().join("fifo");
    mkfifo(&fifo);
    fs::rename(&fifo, &config).unwrap();
    let out = BIN.run_in(home.path(), &["reload"], &[], SOON);
    let stderr = sane(&out, "reload");
    assert!(!out.status.success(), "{out:?}");
    assert!(stderr.contains("is a named pipe"), "{stderr}");
    daemon.wait_for_log("config not reloaded", SOON);
    let status = BIN.run_in(home.path(), &["status"], &[], SOON);
    assert!(status.status.success(), "{status:?}\n{}", daemon.log());
    assert!(daemon.is_running());
}

// --- state.json --------------------------------------------------------------------------------

/// `stretchd run` in `home` with a config of its own, once it listens.
fn start(bus: &Bus, home: &Path) -> Daemon {
    let config = write_file(home, "stretchd.toml", &all_day_config(HOURLY));
    BIN.start_daemon(bus, &config, home)
}

#[test]
fn a_state_of_every_kind_is_set_aside_or_ignored_promptly() {
    let bus = Bus::start();
    for what in What::ALL {
        let home = tempfile::tempdir().unwrap();
        let path = state_path(home.path());
        if what.plant(&path).is_none() {
            continue;
        }
        let case = format!("{what:?} state.json");
        // `guide` reads the state too (has the safety notice been shown?), without changing it.
        let out = BIN.run_in(home.path(), &["guide", "--no-wait"], &[], SOON);
        sane(&out, &case);
        assert!(out.status.success(), "{case}: guide: {out:?}");

        let daemon = start(&bus, home.path());
        let aside = set_aside(home.path());
        if what == What::Dangling {
            assert!(aside.is_empty(), "{case}: {aside:?}");
        } else {
            assert_eq!(aside.len(), 1, "{case}: not set aside\n{}", daemon.log());
            let line = daemon.log();
            assert!(line.contains("unreadable state"), "{case}: {line}");
            if let Some(refusal) = what.refusal() {
                assert!(line.contains(refusal), "{case}: {line}");
            }
        }
        drop(daemon);
        for p in aside {
            unplant(&p);
        }
        unplant(&path);
    }
}

/// A state that parses, with a time chrono accepts but the schedule cannot add to.
fn extreme_state(field: &str, time: &str) -> String {
    let now = "2026-11-24T10:00:00Z";
    let mut started = now;
    let mut last_fired = now;
    let mut shown = now;
    let mut snooze = now;
    let mut pause = now;
    match field {
        "started" => started = time,
        "last_fired" => last_fired = time,
        "rotation" => shown = time,
        "snooze" => snooze = time,
        "pause" => pause = time,
        _ => unreachable!(),
    }
    format!(
        r#"{{"started":"{started}","last_fired":{{"stretch":"{last_fired}"}},
        "snooze":{{"reminder":"stretch","item":"seated-twist","until":"{snooze}","count":1}},
        "pause":{{"until":"{pause}"}},
        "rotation":{{"shown":{{"seated-twist":"{shown}"}},"last_stretch":"seated-twist"}},
        "safety_shown":true}}"#
    )
}

#[test]
fn a_state_with_times_out_of_range_is_set_aside_and_the_daemon_runs() {
    let bus = Bus::start();
    for (field, time) in [
        ("last_fired", "+262142-12-29T00:00:00Z"),
        ("pause", "-262143-01-01T00:00:00Z"),
    ] {
        let home = tempfile::tempdir().unwrap();
        fs::create_dir_all(state_dir(home.path())).unwrap();
        fs::write(state_path(home.path()), extreme_state(field, time)).unwrap();
        let mut daemon = start(&bus, home.path());
        let log = daemon.log();
        assert_eq!(set_aside(home.path()).len(), 1, "{field}: {log}");
        assert!(
            log.contains(field),
            "the warning does not name {field}: {log}"
        );
        let out = BIN.run_in(home.path(), &["status"], &[], SOON);
        assert!(out.status.success(), "{field}: {out:?}\n{}", daemon.log());
        assert!(daemon.is_running());
    }
}

// --- history.jsonl -----------------------------------------------------------------------------

#[test]
fn a_history_of_every_kind_is_a_prompt_clear_answer() {
    let bus = Bus::start();
    for what in What::ALL {
        let home = tempfile::tempdir().unwrap();
        let path = history_path(home.path());
        if what.plant(&path).is_none() {
            continue;
        }
        let case = format!("{what:?} history.jsonl");
        for command in ["history", "stats"] {
            let out = BIN.run_in(home.path(), &[command], &[], SOON);
            let stderr = sane(&out, &format!("{case}: {command}"));
            if let Some(refusal) = what.refusal() {
                assert!(!out.status.success(), "{case}: {command}: {out:?}");
                assert!(
                    stderr.contains(&*path.to_string_lossy()),
                    "{case}: {stderr}"
                );
                assert!(stderr.contains(refusal), "{case}: {command}: {stderr}");
            } else {
                assert!(out.status.success(), "{case}: {command}: {stderr}");
            }
            if matches!(what, What::Garbage | What::TooBig) {
                assert!(
                    stderr.contains("skipped unreadable line(s) [1]"),
                    "{case}: {stderr}"
                );
            }
        }
        let daemon = start(&bus, home.path());
        if let Some(refusal) = what.refusal() {
            let log = daemon.log();
            assert!(log.contains(refusal), "{case}: {log}");
        }
        drop(daemon);
        unplant(&path);
    }
}

/// One history line.
fn entry(time: &str, reminder: &str, item: &str) -> String {
    format!(
        r#"{{"time":"{time}","reminder":"{reminder}","kind":"stretch","item":"{item}","outcome":"done"}}"#
    )
}

#[test]
fn many_garbage_lines_are_reported_as_a_short_count() {
    let home = tempfile::tempdir().unwrap();
    let path = history_path(home.path());
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    let mut text = entry("2026-11-23T10:00:00Z", "stretch", "seated-twist");
    text.push('\n');
    for i in 0..200_000 {
        writeln!(text, "garbage line {i}").unwrap();
    }
    fs::write(&path, text).unwrap();
    for command in ["history", "stats"] {
        let out = BIN.run_in(home.path(), &[command], &[], SOON);
        let stderr = sane(&out, command);
        assert!(out.status.success(), "{command}: {stderr}");
        assert!(
            stderr.contains("skipped unreadable line(s) [2, 3, 4, 5, 6, ...] (200,000 in all)"),
            "{command}: {stderr}"
        );
    }
}

#[test]
fn an_over_long_line_is_skipped() {
    let home = tempfile::tempdir().unwrap();
    let path = history_path(home.path());
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    // A valid entry, padded with whitespace to far more than any entry needs.
    let good = entry("2026-11-23T10:00:00Z", "stretch", "seated-twist");
    let long = format!("{{{}{}", " ".repeat(4 << 20), &good[1..]);
    fs::write(&path, format!("{good}\n{long}\n{good}\n")).unwrap();
    let out = BIN.run_in(home.path(), &["history", "--json"], &[], SOON);
    let stderr = sane(&out, "history");
    assert!(out.status.success(), "{stderr}");
    let entries: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(entries.as_array().unwrap().len(), 2, "{entries}");
    assert!(
        stderr.contains("skipped unreadable line(s) [2]"),
        "{stderr}"
    );
}

#[test]
fn control_characters_from_the_history_are_escaped_in_text_output() {
    let home = tempfile::tempdir().unwrap();
    let path = history_path(home.path());
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    let now = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let line = entry(&now, r"re\u001b]0;title\u0007", r"\u001b[31mevil\u009b");
    fs::write(&path, format!("{line}\n")).unwrap();
    for command in ["history", "stats"] {
        let out = BIN.run_in(home.path(), &[command], &[], SOON);
        let stdout = text(&out.stdout);
        assert!(out.status.success(), "{command}: {out:?}");
        assert!(
            !stdout.contains(['\u{1b}', '\u{7}', '\u{9b}']),
            "{command} printed a control character: {stdout:?}"
        );
        assert!(
            stdout.contains(r"\u{1b}[31mevil\u{9b}"),
            "{command}: {stdout}"
        );
    }
    let out = BIN.run_in(home.path(), &["history"], &[], SOON);
    assert!(text(&out.stdout).contains(r"re\u{1b}]0;title\u{7}"));
}
