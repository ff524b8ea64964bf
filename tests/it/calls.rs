//! Calls hold reminders, with the real binary: PipeWire and WirePlumber in a private runtime
//! directory (`testkit::pipewire`) on a private session bus with the test notification server.
//! A reminder that falls due while the virtual microphone is recorded (`pw-record`), the fake
//! camera consumed (GStreamer's `pipewiresrc`) or, on a headless GNOME Shell, the screen cast
//! (`org.gnome.Mutter.ScreenCast`, consumed the same way) is held: `stretchd status` names the
//! call and the application, and the reminder fires once, `grace` after the capture ends (which
//! the daemon finds at its once-a-minute check). `respect_calls = false` fires during a call.
//! Without PipeWire, or with a `pw-dump` that prints garbage or hangs, reminders fire as usual
//! and the log says so once.
//!
//! The reminder is hourly and falls due a couple of seconds after the start (the state file
//! says counting started an hour ago, less that): once it fired, nothing else is due, so "fired
//! once" is checked by a bounded wait in which nothing more comes. The PipeWire tests need
//! pipewire, pipewire-bin, wireplumber and GStreamer's PipeWire plugin and tools, the screen
//! cast GNOME Shell too; without them they are skipped with a note, unless
//! `STRETCHD_REQUIRE_PIPEWIRE=1` (and `STRETCHD_REQUIRE_GNOME=1`), as `.ci/run` sets.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde_json::Value;
use testkit::notifications::{Note, Server};
use testkit::pipewire::PipeWire;
use testkit::{Bus, Daemon, Group, RUNNING, SOON, all_day_config, write_file};

use crate::BIN;

/// `presence.grace` in these tests.
const GRACE: Duration = Duration::from_secs(2);
/// Bound for a held reminder to be let go once its capture ended: the daemon checks once a
/// minute, and a loaded machine may be slow on top.
const RELEASE: Duration = Duration::from_secs(60 + 30);
/// Bound for a reminder to come once it may: generous, for a loaded CI machine.
const LATE: Duration = Duration::from_secs(15);
/// How long nothing more may come after the held reminder fired.
const NOTHING_MORE: Duration = Duration::from_secs(4);

/// A config with one hourly stretch reminder, idle detection off, a short grace and `presence`
/// (more lines of the `[presence]` table).
fn config(presence: &str) -> String {
    all_day_config(&format!(
        "[presence]\n\
         idle_source = \"none\"\n\
         grace = \"{}s\"\n\
         {presence}\n\
         \n\
         [[reminder]]\n\
         id = \"stretch\"\n\
         kind = \"stretch\"\n\
         every = \"1h\"\n",
        GRACE.as_secs()
    ))
}

/// Makes the hourly reminder fall due `secs` after now in `home`: the state file says counting
/// started an hour ago, less that.
fn due_in(home: &Path, secs: i64) {
    let started = chrono::Utc::now() - chrono::Duration::hours(1) + chrono::Duration::seconds(secs);
    let dir = testkit::state_dir(home);
    std::fs::create_dir_all(&dir).unwrap();
    write_file(
        &dir,
        "state.json",
        &serde_json::json!({ "started": started }).to_string(),
    );
}

/// A private session bus with the test notification server, and a home directory.
struct Session {
    bus: Bus,
    server: Server,
    home: tempfile::TempDir,
}

impl Session {
    fn start() -> Session {
        let bus = Bus::start();
        let server = Server::start(&bus.address);
        Session {
            bus,
            server,
            home: tempfile::tempdir().unwrap(),
        }
    }

    fn home(&self) -> &Path {
        self.home.path()
    }

    /// PipeWire in the daemon's runtime directory (`$XDG_RUNTIME_DIR` of [`testkit::Bin`]'s
    /// commands), with a home of its own.
    fn pipewire(&self) -> PipeWire {
        PipeWire::start_on(
            &self.bus.address,
            &self.home().join("runtime"),
            &self.home().join("pipewire-home"),
        )
    }

    /// The daemon in this home with `config`, due in 2 s, once it runs; `env` added.
    fn daemon(&self, config: &str, env: &[(&str, &OsStr)]) -> Daemon {
        due_in(self.home(), 2);
        let path = write_file(self.home(), "config.toml", config);
        let mut builder = BIN
            .daemon(&self.bus.address, &path)
            .home(self.home())
            .env("TZ", "UTC");
        for (k, v) in env {
            builder = builder.env(k, v);
        }
        let mut daemon = builder.start();
        daemon.wait_for_log(RUNNING, SOON);
        daemon
    }

    /// The next notification, within `timeout`.
    fn next(&self, timeout: Duration, daemon: &Daemon) -> Note {
        self.server.next_reminder(timeout, daemon)
    }

    /// The bounded "nothing more" check: no notification for [`NOTHING_MORE`].
    fn nothing_more(&self, daemon: &Daemon, why: &str) {
        if let Some(note) = self.server.recv(NOTHING_MORE) {
            panic!(
                "a second notification came {why}: {note:?}; log:\n{}",
                daemon.log()
            );
        }
    }
}

/// `stretchd status --json` in `home`.
fn status(home: &Path) -> Value {
    BIN.json_in(home, &["status"], &[])
}

/// Checks that `daemon` holds its due reminder for `capture` by `app`, in `status` and its
/// text, and that nothing was shown.
fn assert_held_for(session: &Session, daemon: &mut Daemon, capture: &str, app: &str) {
    let line = daemon.wait_for_log("hold reason=Call on=true", SOON + LATE);
    assert!(line.contains(&format!("app={app}")), "{line}");
    let json = status(session.home());
    assert_eq!(json["held"]["reason"], "call", "{json}");
    assert_eq!(json["held"]["capture"], capture, "{json}");
    assert_eq!(json["held"]["app"], app, "{json}");
    assert!(json["held"]["since"].is_string(), "{json}");
    assert_eq!(
        json["held_next"]["reminder"]["reminder"], "stretch",
        "{json}"
    );
    let text = BIN.ok_in(session.home(), &["status"], &[]);
    let words = match capture {
        "microphone" => "microphone in use",
        "camera" => "camera in use",
        _ => "screen being shared",
    };
    assert!(
        text.contains(&format!("Held:      {words} ({app}) since ")),
        "{text}"
    );
    assert!(
        text.contains("shows 2s after the call ends (checked once a minute)"),
        "{text}"
    );
    assert!(
        session.server.drain().is_empty(),
        "shown during the call; log:\n{}",
        daemon.log()
    );
}

/// After the capture ended: the daemon lets the reminder go at its next check, and it fires
/// once, `grace` later.
fn assert_fires_once_after_grace(session: &Session, daemon: &mut Daemon) {
    daemon.wait_for_log("hold reason=Call on=false", RELEASE);
    let released = Instant::now();
    let note = session.next(GRACE + LATE, daemon);
    let after = note.at.saturating_duration_since(released);
    // The log line is read a moment after it was written: half a second of slack.
    assert!(
        after + Duration::from_millis(500) >= GRACE,
        "fired {after:?} after the call, before the grace of {GRACE:?}"
    );
    assert!(note.summary.starts_with("Stretch: "), "{note:?}");
    session.nothing_more(daemon, "after the held reminder fired");
    let json = status(session.home());
    assert!(
        json["held"].is_null() || json["held"]["reason"] == "grace",
        "{json}"
    );
}

/// The whole story for one capture: `capture` by `app` from what `start` begins (and ends when
/// dropped).
fn held_while(capture: &str, app: &str, start: impl FnOnce(&PipeWire, &Path) -> Vec<Group>) {
    let session = Session::start();
    let pipewire = session.pipewire();
    let running = start(&pipewire, session.home());
    let mut daemon = session.daemon(&config(""), &[]);
    assert_held_for(&session, &mut daemon, capture, app);
    drop(running);
    pipewire.wait_until_gone("running capture stream", |n| {
        n.state == "running" && n.class.starts_with("Stream/Input/")
    });
    assert_fires_once_after_grace(&session, &mut daemon);
    assert_eq!(daemon.count("calls source is off"), 0, "{}", daemon.log());
}

#[test]
fn a_recorded_microphone_holds_the_reminder_until_recording_stops() {
    if !PipeWire::present("calls::a_recorded_microphone_holds_the_reminder") {
        return;
    }
    held_while("microphone", "pw-record", |pipewire, home| {
        pipewire.virtual_mic();
        vec![pipewire.record(&home.join("recorded.wav"))]
    });
}

#[test]
fn a_camera_in_use_holds_the_reminder_until_it_is_released() {
    if !PipeWire::present("calls::a_camera_in_use_holds_the_reminder") {
        return;
    }
    // gst-launch-1.0's node has no application.name: it is named by its client.
    held_while("camera", "gst-launch-1.0", |pipewire, _| {
        let camera = pipewire.fake_camera();
        vec![pipewire.watch_camera(), camera]
    });
}

#[test]
fn with_respect_calls_off_a_reminder_fires_during_a_call() {
    if !PipeWire::present("calls::with_respect_calls_off_a_reminder_fires_during_a_call") {
        return;
    }
    let session = Session::start();
    let pipewire = session.pipewire();
    pipewire.virtual_mic();
    let _recording = pipewire.record(&session.home().join("recorded.wav"));
    let daemon = session.daemon(&config("respect_calls = false"), &[]);
    session.next(SOON + LATE, &daemon);
    assert_eq!(daemon.count("hold reason=Call"), 0, "{}", daemon.log());
    // PipeWire was not asked, nor its absence mentioned.
    assert_eq!(daemon.count("calls:"), 0, "{}", daemon.log());
}

#[test]
fn without_pipewire_reminders_fire_and_the_log_says_the_source_is_off_once() {
    let session = Session::start();
    let config = config("").replace("every = \"1h\"", "every = \"1s\"");
    let daemon = session.daemon(&config, &[]);
    for _ in 0..3 {
        session.next(SOON, &daemon);
    }
    assert_eq!(
        daemon.count("calls: PipeWire is not running"),
        1,
        "{}",
        daemon.log()
    );
    assert_eq!(daemon.count("calls source is off"), 1, "{}", daemon.log());
    assert_eq!(daemon.count("hold reason=Call"), 0, "{}", daemon.log());
}

/// A stand-in `pw-dump` running `body`, first on `PATH`, and a socket file where the daemon
/// looks for PipeWire's (nothing listens on it: the stand-in never connects).
fn broken_pw_dump(session: &Session, body: &str) -> (PathBuf, String) {
    let bin = session.home().join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    testkit::shell_script(&bin, "pw-dump", body);
    let runtime = session.home().join("pipewire-runtime");
    std::fs::create_dir_all(&runtime).unwrap();
    std::fs::write(runtime.join("pipewire-0"), "").unwrap();
    (runtime, testkit::path_with(&bin))
}

#[test]
fn a_pw_dump_that_writes_garbage_holds_nothing_and_is_reported_once() {
    let session = Session::start();
    let (runtime, path) = broken_pw_dump(&session, "echo '[{\"id\": 1, \"info\": '");
    let config = config("").replace("every = \"1h\"", "every = \"1s\"");
    let daemon = session.daemon(
        &config,
        &[
            ("PIPEWIRE_RUNTIME_DIR", runtime.as_os_str()),
            ("PATH", OsStr::new(&path)),
        ],
    );
    for _ in 0..3 {
        session.next(SOON, &daemon);
    }
    assert_eq!(
        daemon.count("calls: pw-dump wrote no graph"),
        1,
        "{}",
        daemon.log()
    );
    assert_eq!(daemon.count("hold reason=Call"), 0, "{}", daemon.log());
}

#[test]
fn a_pw_dump_that_hangs_is_killed_and_the_loop_answers_meanwhile() {
    let session = Session::start();
    let pids = session.home().join("pw-dump.pids");
    let (runtime, path) = broken_pw_dump(
        &session,
        &format!("echo $$ >> '{}'\nexec sleep 600", pids.display()),
    );
    let daemon = session.daemon(
        &config(""),
        &[
            ("PIPEWIRE_RUNTIME_DIR", runtime.as_os_str()),
            ("PATH", OsStr::new(&path)),
        ],
    );
    // The reminder is due: pw-dump runs, and does not finish.
    let deadline = Instant::now() + SOON;
    let pid = loop {
        let text = std::fs::read_to_string(&pids).unwrap_or_default();
        if let Some(pid) = text.lines().next() {
            break pid.trim().to_owned();
        }
        assert!(
            Instant::now() < deadline,
            "pw-dump was not run: {}",
            daemon.log()
        );
        std::thread::sleep(Duration::from_millis(20));
    };
    // Meanwhile the daemon answers: the ask runs beside its loop.
    let json = status(session.home());
    assert!(json["held"].is_null(), "{json}");
    assert!(
        Path::new(&format!("/proc/{pid}")).exists(),
        "pw-dump ended before status answered; the test proves nothing"
    );
    // After the bound it is killed, and the reminder fires: a source that cannot tell holds
    // nothing.
    session.next(SOON, &daemon);
    assert_eq!(
        daemon.count("calls: pw-dump did not finish within 2s (killed)"),
        1,
        "{}",
        daemon.log()
    );
    let deadline = Instant::now() + SOON;
    while Path::new(&format!("/proc/{pid}")).exists() {
        assert!(
            Instant::now() < deadline,
            "the hung pw-dump ({pid}) is still there"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[tokio::test]
async fn a_gnome_shell_screen_cast_holds_the_reminder_until_it_ends() {
    let name = "calls::a_gnome_shell_screen_cast_holds_the_reminder_until_it_ends";
    if !PipeWire::present(name) || !testkit::gnome::Shell::present(name) {
        return;
    }
    let shell = testkit::gnome::Shell::start().await;
    let home = tempfile::tempdir().unwrap();
    let cast = shell.screen_cast().await;
    due_in(home.path(), 2);
    let path = write_file(home.path(), "config.toml", &config(""));
    let mut daemon = BIN
        .daemon(&shell.session.address, &path)
        .home(home.path())
        .env("DBUS_SYSTEM_BUS_ADDRESS", &shell.system.address)
        .env("PIPEWIRE_RUNTIME_DIR", shell.pipewire.runtime())
        .start();
    daemon.wait_for_log_async(RUNNING, SOON).await;
    let line = daemon
        .wait_for_log_async("hold reason=Call on=true", SOON + LATE)
        .await;
    assert!(line.contains("capture=ScreenCast"), "{line}");
    assert!(line.contains("app=gnome-shell"), "{line}");
    let json = status(home.path());
    assert_eq!(json["held"]["capture"], "screen_cast", "{json}");
    assert_eq!(json["held"]["app"], "gnome-shell", "{json}");
    let text = BIN.ok_in(home.path(), &["status"], &[]);
    assert!(
        text.contains("Held:      screen being shared (gnome-shell) since "),
        "{text}"
    );
    assert_eq!(shell.listed("stretchd").await, Vec::<String>::new());

    cast.stop().await;
    daemon
        .wait_for_log_async("hold reason=Call on=false", RELEASE)
        .await;
    let released = Instant::now();
    daemon
        .wait_for_log_async("daemon: reminder reminder=stretch", GRACE + LATE)
        .await;
    let after = released.elapsed();
    assert!(
        after + Duration::from_millis(500) >= GRACE,
        "fired {after:?} after the cast, before the grace of {GRACE:?}"
    );
    shell.wait_for_banner("Stretch: ").await;
    assert_eq!(
        daemon.count("daemon: reminder reminder="),
        1,
        "{}",
        daemon.log()
    );
}
