//! The X11 presence source for real, against Xvfb: idle time read through MIT-SCREEN-SAVER and
//! reset by input made with `xdotool`, and full-screen windows reported from the EWMH
//! properties, which the test sets itself (Xvfb has no window manager).
//!
//! Needs `Xvfb` and `xdotool` (Debian: `apt-get install xvfb xdotool`). Without them each test is
//! skipped with a loud note; under `STRETCHD_REQUIRE_DUNST=1` (set by `.ci/run`) a missing tool
//! fails it instead.
//!
//! Every wait is bounded; the only sleeps are the idle time being measured.

use std::time::{Duration, Instant};

use stretchd::daemon::presence::x11::{X11Idle, watch_fullscreen_on};
use stretchd::daemon::presence::{PresenceEvent, Quiet};
use tokio::sync::mpsc;
use x11rb::connection::Connection as _;
use x11rb::protocol::xproto::{
    Atom, AtomEnum, ConnectionExt as _, CreateWindowAux, PropMode, Window, WindowClass,
};
use x11rb::rust_connection::RustConnection;
use x11rb::wrapper::ConnectionExt as _;

use testkit::x11::{start_xvfb, xdotool};
use testkit::{SOON, tools_present};

const INSTALL: &str = "install xvfb and xdotool (Debian: `apt-get install xvfb xdotool`; CI does)";

/// Reads the idle time every 50 ms until it reaches `at_least`; panics after [`SOON`].
fn wait_idle(idle: &mut X11Idle, at_least: Duration) -> Duration {
    let deadline = Instant::now() + SOON;
    loop {
        let now = idle.idle_time().unwrap();
        if now >= at_least {
            return now;
        }
        assert!(
            Instant::now() < deadline,
            "idle time still {now:?} after {SOON:?}, expected {at_least:?}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn idle_time_grows_and_input_resets_it() {
    if !tools_present(
        "idle_time_grows_and_input_resets_it",
        &["Xvfb", "xdotool"],
        INSTALL,
    ) {
        return;
    }
    let (_xvfb, display) = start_xvfb(&[]);
    let mut idle = X11Idle::connect_to(&display).unwrap();

    // Nothing happens: idle time grows by (at least nearly) the time waited.
    let first = idle.idle_time().unwrap();
    std::thread::sleep(Duration::from_millis(300));
    let second = idle.idle_time().unwrap();
    assert!(
        second >= first + Duration::from_millis(250),
        "idle time did not grow: {first:?} then {second:?}"
    );

    // Pointer input ends the idle stretch: the count starts again from zero.
    let before = wait_idle(&mut idle, Duration::from_secs(2));
    xdotool(&display, &["mousemove", "10", "20"]);
    let after = idle.idle_time().unwrap();
    assert!(
        after < Duration::from_secs(1),
        "idle time {after:?} after moving the pointer (was {before:?})"
    );

    // So does keyboard input.
    let before = wait_idle(&mut idle, Duration::from_secs(2));
    xdotool(&display, &["key", "shift"]);
    let after = idle.idle_time().unwrap();
    assert!(
        after < Duration::from_secs(1),
        "idle time {after:?} after a key press (was {before:?})"
    );
}

#[test]
fn no_screen_saver_extension_is_a_clear_error() {
    if !tools_present(
        "no_screen_saver_extension_is_a_clear_error",
        &["Xvfb"],
        INSTALL,
    ) {
        return;
    }
    let (_xvfb, display) = start_xvfb(&["-extension", "MIT-SCREEN-SAVER"]);
    let err = X11Idle::connect_to(&display).unwrap_err().to_string();
    assert!(err.contains("no MIT-SCREEN-SAVER extension"), "{err}");
}

/// A test client standing in for the window manager and the applications.
struct Client {
    conn: RustConnection,
    root: Window,
    active_window: Atom,
    wm_state: Atom,
    fullscreen: Atom,
    above: Atom,
}

impl Client {
    fn connect(display: &str) -> Client {
        let (conn, screen) = x11rb::connect(Some(display)).unwrap();
        let root = conn.setup().roots[screen].root;
        let atom = |name: &str| {
            conn.intern_atom(false, name.as_bytes())
                .unwrap()
                .reply()
                .unwrap()
                .atom
        };
        Client {
            active_window: atom("_NET_ACTIVE_WINDOW"),
            wm_state: atom("_NET_WM_STATE"),
            fullscreen: atom("_NET_WM_STATE_FULLSCREEN"),
            above: atom("_NET_WM_STATE_ABOVE"),
            conn,
            root,
        }
    }

    /// A new top-level window (unmapped: only its properties matter).
    fn window(&self) -> Window {
        let window = self.conn.generate_id().unwrap();
        self.conn
            .create_window(
                x11rb::COPY_DEPTH_FROM_PARENT,
                window,
                self.root,
                0,
                0,
                100,
                100,
                0,
                WindowClass::INPUT_OUTPUT,
                x11rb::COPY_FROM_PARENT,
                &CreateWindowAux::new(),
            )
            .unwrap()
            .check()
            .unwrap();
        window
    }

    /// Sets `_NET_ACTIVE_WINDOW` on the root, as a window manager does on a focus change.
    fn focus(&self, window: Window) {
        self.conn
            .change_property32(
                PropMode::REPLACE,
                self.root,
                self.active_window,
                AtomEnum::WINDOW,
                &[window],
            )
            .unwrap()
            .check()
            .unwrap();
    }

    /// Sets `window`'s `_NET_WM_STATE` to `states`.
    fn set_state(&self, window: Window, states: &[Atom]) {
        self.conn
            .change_property32(
                PropMode::REPLACE,
                window,
                self.wm_state,
                AtomEnum::ATOM,
                states,
            )
            .unwrap()
            .check()
            .unwrap();
    }

    /// Removes `window`'s `_NET_WM_STATE` altogether.
    fn clear_state(&self, window: Window) {
        self.conn
            .delete_property(window, self.wm_state)
            .unwrap()
            .check()
            .unwrap();
    }

    /// Changes a property the watcher does not care about (the window's title).
    fn set_title(&self, window: Window, title: &str) {
        self.conn
            .change_property8(
                PropMode::REPLACE,
                window,
                AtomEnum::WM_NAME,
                AtomEnum::STRING,
                title.as_bytes(),
            )
            .unwrap()
            .check()
            .unwrap();
    }
}

fn quiet(on: bool) -> PresenceEvent {
    PresenceEvent::Quiet {
        reason: Quiet::Fullscreen,
        on,
    }
}

/// The next event from the watcher; panics after [`SOON`] or if the watcher stopped.
async fn next(rx: &mut mpsc::Receiver<PresenceEvent>) -> PresenceEvent {
    tokio::time::timeout(SOON, rx.recv())
        .await
        .unwrap_or_else(|_| panic!("no presence event within {SOON:?}"))
        .expect("the full-screen watcher stopped")
}

#[tokio::test]
async fn fullscreen_focused_window_holds_reminders_back() {
    if !tools_present(
        "fullscreen_focused_window_holds_reminders_back",
        &["Xvfb"],
        INSTALL,
    ) {
        return;
    }
    let (_xvfb, display) = start_xvfb(&[]);
    let x = Client::connect(&display);
    let (tx, mut rx) = mpsc::channel(8);
    // Nothing is focused yet, so nothing is sent at start.
    watch_fullscreen_on(&display, tx).unwrap();

    let window = x.window();
    x.focus(window);
    x.set_state(window, &[x.fullscreen]);
    assert_eq!(next(&mut rx).await, quiet(true));

    // Changes that leave it full screen send nothing: the next event is the real change.
    x.set_title(window, "slides");
    x.set_state(window, &[x.above, x.fullscreen]);
    x.clear_state(window);
    assert_eq!(next(&mut rx).await, quiet(false));

    x.set_state(window, &[x.fullscreen]);
    assert_eq!(next(&mut rx).await, quiet(true));
    x.set_state(window, &[x.above]);
    assert_eq!(next(&mut rx).await, quiet(false));
}

#[tokio::test]
async fn only_the_focused_window_counts() {
    if !tools_present("only_the_focused_window_counts", &["Xvfb"], INSTALL) {
        return;
    }
    let (_xvfb, display) = start_xvfb(&[]);
    let x = Client::connect(&display);
    let (tx, mut rx) = mpsc::channel(8);
    watch_fullscreen_on(&display, tx).unwrap();

    let (video, editor) = (x.window(), x.window());
    // Full screen but not focused: nothing.
    x.set_state(video, &[x.fullscreen]);
    x.focus(editor);
    // Focusing it: on.
    x.focus(video);
    assert_eq!(next(&mut rx).await, quiet(true));
    // Focus moves away: off.
    x.focus(editor);
    assert_eq!(next(&mut rx).await, quiet(false));
    // The unfocused window's changes are ignored; the focused one's are not.
    x.clear_state(video);
    x.set_state(video, &[x.fullscreen]);
    x.set_state(editor, &[x.fullscreen]);
    assert_eq!(next(&mut rx).await, quiet(true));
    // Nothing focused at all: off.
    x.focus(x11rb::NONE);
    assert_eq!(next(&mut rx).await, quiet(false));
}

#[tokio::test]
async fn fullscreen_at_start_is_reported_once() {
    if !tools_present("fullscreen_at_start_is_reported_once", &["Xvfb"], INSTALL) {
        return;
    }
    let (_xvfb, display) = start_xvfb(&[]);
    let x = Client::connect(&display);
    let window = x.window();
    x.set_state(window, &[x.fullscreen]);
    x.focus(window);

    let (tx, mut rx) = mpsc::channel(8);
    watch_fullscreen_on(&display, tx).unwrap();
    assert_eq!(next(&mut rx).await, quiet(true));
    x.set_title(window, "video");
    x.clear_state(window);
    assert_eq!(next(&mut rx).await, quiet(false));
}
