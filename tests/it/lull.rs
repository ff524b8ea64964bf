//! Not mid-sentence, end to end: the real `stretchd run` with a simulated typist
//! (`testkit::typist`), a reminder falling due while the typist types. It must wait for a pause
//! in typing (`presence.lull`): show no sooner than the lull after the last key and soon after
//! it, or after `lull_max` when the typing never stops; once the user has paused long enough,
//! the next one shows on time without waiting. `stretchd status` names the wait.
//!
//! Two idle sources, each against the real thing: X11 on Xvfb with keys typed by `xdotool`
//! (asked: the X server's idle time), and Wayland on `kwin_wayland --virtual` with input made
//! through KDE's `simulate_user_activity` (a short ext-idle-notify notification). The GNOME
//! (Mutter) case is in `gnome.rs`, on the real shell. Each test has its own buses, test
//! notification server, display or compositor and home. Without Xvfb and xdotool, or
//! `kwin_wayland`, a test is skipped with a note, unless `STRETCHD_REQUIRE_DUNST` is set (as
//! `.ci/run` does after installing them).

use std::time::{Duration, Instant};

use testkit::notifications::{Note, Server};
use testkit::typist::{Key, Typist};
use testkit::wayland::{Compositor, KwinActivity, start_kwin};
use testkit::x11::{start_xvfb, xdotool};
use testkit::{Bus, Daemon, Guard, RUNNING, SOON, all_day_config, tools_present, write_file};

use crate::BIN;

/// `presence.lull` in the tests.
const LULL: Duration = Duration::from_secs(2);
/// A reminder's interval: it falls due this long after the start, and after each showing.
const EVERY: Duration = Duration::from_secs(4);
/// Time between two keys of the typist.
const KEY_EVERY: Duration = Duration::from_millis(200);
/// Bound for a reminder to come after it may: generous, for a loaded CI machine.
const LATE: Duration = Duration::from_secs(2);
/// The X server counts time in whole milliseconds: a reminder is not early unless it comes this
/// much before its time. (`KWin` gets more: [`Desk::early_slack`].)
const EARLY_SLACK: Duration = Duration::from_millis(20);
/// The daemon's line when a due reminder begins to wait.
const WAITS: &str = "the reminder due waits for a pause in typing";

const X11_INSTALL: &str =
    "install xvfb and xdotool (Debian: `apt-get install xvfb xdotool`; CI does)";
const KWIN_INSTALL: &str = "install kwin-wayland (Debian: `apt-get install --no-install-recommends kwin-wayland`; CI does)";

/// Where the typing happens.
enum Desk {
    /// Xvfb (kept running), and its display.
    X11(
        #[expect(dead_code, reason = "held to keep Xvfb running")] Guard,
        String,
    ),
    /// `KWin`.
    Wayland(Compositor),
}

impl Desk {
    fn x11() -> Desk {
        let (xvfb, display) = start_xvfb(&[]);
        Desk::X11(xvfb, display)
    }

    fn wayland() -> Desk {
        Desk::Wayland(start_kwin(&[]))
    }

    /// A typist pressing a key every [`KEY_EVERY`].
    fn typist(&self) -> Typist {
        match self {
            Desk::X11(_, display) => {
                let display = display.clone();
                Typist::steady(KEY_EVERY, move || move || xdotool(&display, &["key", "a"]))
            }
            Desk::Wayland(kwin) => {
                let socket = kwin.socket.clone();
                Typist::steady(KEY_EVERY, move || {
                    // Only a handle to make input with: it never fires meanwhile.
                    let mut activity = KwinActivity::connect(&socket, 3_600_000);
                    move || activity.simulate()
                })
            }
        }
    }

    /// How early a reminder may come before its time without counting as early: `KWin` times
    /// idleness with Qt's coarse timers, which may fire up to 5 % early; stretchd asks it for
    /// 5 % more than the lull, which leaves a quarter of a percent.
    fn early_slack(&self) -> Duration {
        match self {
            Desk::X11(..) => EARLY_SLACK,
            Desk::Wayland(_) => EARLY_SLACK + LULL / 100,
        }
    }

    /// The idle source and where the daemon finds it.
    fn source(&self) -> (&'static str, (&'static str, String)) {
        match self {
            Desk::X11(_, display) => ("x11", ("DISPLAY", display.clone())),
            Desk::Wayland(kwin) => (
                "wayland",
                (
                    "WAYLAND_DISPLAY",
                    kwin.socket.to_string_lossy().into_owned(),
                ),
            ),
        }
    }
}

/// The daemon on private buses with the test notification server, its idle source on `desk`.
struct Env {
    daemon: Daemon,
    server: Server,
    _session: Bus,
    _system: Bus,
    _dir: tempfile::TempDir,
}

impl Env {
    /// Starts everything with a stretch every [`EVERY`], the lull [`LULL`] and `lull_max`, and
    /// waits until the daemon runs with the desk's idle source.
    fn start(desk: &Desk, lull_max: &str) -> Env {
        let session = Bus::start();
        // An empty stand-in for the system bus: no logind of the machine's.
        let system = Bus::system();
        let server = Server::start(&session.address);
        let dir = tempfile::tempdir().unwrap();
        let (source, (key, value)) = desk.source();
        let config = all_day_config(&format!(
            "[presence]\nidle_source = \"{source}\"\nlull = \"{}s\"\nlull_max = \"{lull_max}\"\n\n\
             [[reminder]]\nid = \"stretch\"\nkind = \"stretch\"\nevery = \"{}s\"\n",
            LULL.as_secs(),
            EVERY.as_secs()
        ));
        let path = write_file(dir.path(), "config.toml", &config);
        let mut daemon = BIN
            .daemon(&session.address, &path)
            .env("DBUS_SYSTEM_BUS_ADDRESS", &system.address)
            .env(key, value)
            .env("RUST_LOG", "stretchd=debug")
            .start();
        daemon.wait_for_log(&format!("idle source: {source}"), SOON);
        daemon.wait_for_log(RUNNING, SOON);
        Env {
            daemon,
            server,
            _session: session,
            _system: system,
            _dir: dir,
        }
    }

    /// Waits (bounded) until the reminder due begins to wait, and returns when it was seen.
    fn wait_begins(&mut self) -> Instant {
        self.daemon.wait_for_log(WAITS, EVERY + SOON);
        Instant::now()
    }

    /// Asserts that no reminder comes within `window` (while the typist types).
    fn nothing_for(&self, window: Duration, why: &str) {
        if let Some(note) = self.server.recv(window) {
            panic!(
                "a reminder came {why}: {note:?}; daemon log:\n{}",
                self.daemon.log()
            );
        }
    }

    /// The next reminder, within `timeout`.
    fn next(&self, timeout: Duration) -> Note {
        self.server.next_reminder(timeout, &self.daemon)
    }

    /// Asserts `note` came no sooner than [`LULL`] after `last` (less `slack`) and at most
    /// [`LATE`] later.
    fn assert_after_lull(&self, note: &Note, last: Key, slack: Duration) {
        assert!(
            note.at + slack >= last.began + LULL,
            "shown {:?} after the last key, sooner than the lull ({LULL:?}); log:\n{}",
            note.at.saturating_duration_since(last.began),
            self.daemon.log()
        );
        assert!(
            note.at <= last.ended + LULL + LATE,
            "shown {:?} after the last key, more than {LATE:?} after the lull ({LULL:?}); \
             log:\n{}",
            note.at.saturating_duration_since(last.ended),
            self.daemon.log()
        );
    }
}

/// A reminder due mid-typing: `status` names the wait; it shows a lull after the last key.
fn shows_a_lull_after_typing_stops(desk: &Desk) {
    let typist = desk.typist();
    let mut env = Env::start(desk, "30s");
    env.wait_begins();
    let status = BIN.json_in(env.daemon.home(), &["status"], &[]);
    let until = status["lull_wait"]["until"].as_str().unwrap_or_else(|| {
        panic!("status --json does not name the wait: {status}");
    });
    assert!(status["lull_wait"]["since"].is_string(), "{status}");
    let text = BIN.ok_in(env.daemon.home(), &["status"], &[]);
    assert!(
        text.contains("Due:       waiting for a pause in typing, at most until "),
        "{text}"
    );
    // It shows at most 30 s after it fell due.
    let until: chrono::DateTime<chrono::Utc> = until.parse().unwrap();
    let left = (until - chrono::Utc::now()).to_std().unwrap_or_default();
    assert!(
        left > Duration::from_secs(25) && left <= Duration::from_secs(30),
        "{left:?} left"
    );
    // Typing goes on for a while: nothing shows meanwhile.
    env.nothing_for(Duration::from_secs(2), "while the typist types");
    let last = typist.stop();
    let note = env.next(LULL + LATE + SOON);
    env.assert_after_lull(&note, last, desk.early_slack());
    assert_eq!(
        env.daemon.count("a pause in typing: the reminder shows"),
        1,
        "{}",
        env.daemon.log()
    );
    let status = BIN.json_in(env.daemon.home(), &["status"], &[]);
    assert!(status["lull_wait"].is_null(), "{status}");
}

/// A typist who never stops: the reminder shows `lull_max` after it fell due. Then the typing
/// stops, and the next reminder, due with the user idle for longer than the lull, shows on
/// time without waiting.
fn shows_after_lull_max_and_on_time_once_idle(desk: &Desk) {
    let lull_max = Duration::from_secs(3);
    let typist = desk.typist();
    let mut env = Env::start(desk, "3s");
    let began = env.wait_begins();
    let first = env.next(lull_max + LATE + SOON);
    let waited = first.at.saturating_duration_since(began);
    assert!(
        waited + Duration::from_millis(500) >= lull_max && waited <= lull_max + LATE,
        "shown {waited:?} after the wait began (lull_max {lull_max:?}); log:\n{}",
        env.daemon.log()
    );
    assert_eq!(
        env.daemon
            .count("no pause in typing came; the reminder shows anyway"),
        1,
        "{}",
        env.daemon.log()
    );
    // The interval restarts at the showing; the typing stops now, so the next is due with the
    // user idle for longer than the lull.
    typist.stop();
    let second = env.next(EVERY + LATE + SOON);
    let gap = second.at.saturating_duration_since(first.at);
    assert!(
        gap + desk.early_slack() >= EVERY && gap <= EVERY + LATE,
        "the next came {gap:?} after, expected the interval ({EVERY:?}); log:\n{}",
        env.daemon.log()
    );
    assert_eq!(
        env.daemon.count(WAITS),
        1,
        "the second reminder waited although the user had paused: {}",
        env.daemon.log()
    );
}

#[test]
fn x11_a_reminder_due_mid_typing_shows_a_lull_after_the_last_key() {
    if !tools_present("lull::x11_mid_typing", &["Xvfb", "xdotool"], X11_INSTALL) {
        return;
    }
    shows_a_lull_after_typing_stops(&Desk::x11());
}

#[test]
fn x11_a_typist_who_never_stops_gets_it_after_lull_max() {
    if !tools_present("lull::x11_never_stops", &["Xvfb", "xdotool"], X11_INSTALL) {
        return;
    }
    shows_after_lull_max_and_on_time_once_idle(&Desk::x11());
}

#[test]
fn wayland_a_reminder_due_mid_typing_shows_a_lull_after_the_last_key() {
    if !tools_present("lull::wayland_mid_typing", &["kwin_wayland"], KWIN_INSTALL) {
        return;
    }
    shows_a_lull_after_typing_stops(&Desk::wayland());
}

#[test]
fn wayland_a_typist_who_never_stops_gets_it_after_lull_max() {
    if !tools_present("lull::wayland_never_stops", &["kwin_wayland"], KWIN_INSTALL) {
        return;
    }
    shows_after_lull_max_and_on_time_once_idle(&Desk::wayland());
}
