//! The X11 presence source: idle time from the MIT-SCREEN-SAVER extension, and whether the
//! focused window is full screen from the EWMH properties `_NET_ACTIVE_WINDOW` and
//! `_NET_WM_STATE`.
//!
//! Idle time can only be asked for ([`X11Idle::idle_time`]: one local round trip); X pushes
//! nothing when the user goes idle. The daemon decides when to ask, and [`next_ask`] is the rule
//! it uses: about one question per natural-break length while the user is active, one a minute
//! while away.
//!
//! Full-screen state *is* pushed: [`watch_fullscreen`] subscribes to property changes and
//! reports [`PresenceEvent::Quiet`] with [`Quiet::Fullscreen`] from a thread that sleeps in
//! `wait_for_event`; it never polls.
//!
//! Everything here talks the X protocol directly (x11rb's pure-Rust connection, no libxcb), so
//! it needs only `$DISPLAY` and a socket. Under Wayland, `$DISPLAY` may name Xwayland, which
//! sees only the input that goes to X clients: the daemon should prefer a Wayland source there.

use std::time::Duration;

use tokio::sync::mpsc::Sender;
use x11rb::connection::{Connection as _, RequestConnection as _};
use x11rb::errors::{ConnectionError, ReplyError};
use x11rb::protocol::Event;
use x11rb::protocol::screensaver::{self, ConnectionExt as _};
use x11rb::protocol::xproto::{
    Atom, AtomEnum, ChangeWindowAttributesAux, ConnectionExt as _, EventMask, Window,
};
use x11rb::rust_connection::RustConnection;

use super::{PresenceEvent, Quiet};

/// Why the X11 source cannot be used, or stopped answering.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// `$DISPLAY` is unset.
    #[error("DISPLAY is not set: not an X11 session")]
    NoDisplay,
    /// `$DISPLAY` is empty.
    #[error("DISPLAY is empty: not an X11 session")]
    EmptyDisplay,
    /// `$DISPLAY` is not UTF-8 (shown lossily).
    #[error("DISPLAY is not valid UTF-8: {0}")]
    DisplayNotUtf8(String),
    /// A display number no X server can have.
    #[error("DISPLAY={display}: display number {number} is out of range")]
    DisplayOutOfRange {
        /// The display.
        display: String,
        /// Its number.
        number: u32,
    },
    /// No X server answers at the display.
    #[error("cannot connect to the X server at DISPLAY={display}: {cause}")]
    Connect {
        /// The display.
        display: String,
        /// Why.
        cause: x11rb::errors::ConnectError,
    },
    /// The display names a screen the server does not have.
    #[error("the X server at DISPLAY={display} has no screen {screen}")]
    NoScreen {
        /// The display.
        display: String,
        /// The screen it names.
        screen: usize,
    },
    /// The server lacks MIT-SCREEN-SAVER.
    #[error(
        "the X server at DISPLAY={display} has no {} extension, so idle time cannot be read",
        screensaver::X11_EXTENSION_NAME
    )]
    NoScreenSaver {
        /// The display.
        display: String,
    },
    /// The connection failed.
    #[error("X server at DISPLAY={display}: {cause}")]
    Connection {
        /// The display.
        display: String,
        /// Why.
        cause: ConnectionError,
    },
    /// A request failed.
    #[error("X server at DISPLAY={display}: {cause}")]
    Reply {
        /// The display.
        display: String,
        /// Why.
        cause: ReplyError,
    },
    /// A thread for the source could not be started.
    #[error("cannot start the X11 {what} thread: {cause}")]
    Thread {
        /// Which thread ("idle", "full-screen watcher").
        what: &'static str,
        /// Why.
        cause: std::io::Error,
    },
}

/// How long [`next_ask`] waits while the user is away: the longest they can be back before the
/// daemon notices.
pub const AWAY_ASK: Duration = Duration::from_secs(60);

/// The shortest wait [`next_ask`] returns, so that a clock at the edge never spins.
pub const MIN_ASK: Duration = Duration::from_secs(1);

/// How long to wait before asking the X server for the idle time again.
///
/// - While the user is present (`away == false`): `natural_break - idle`, the earliest moment a
///   natural break could be complete (if there is no input until then, the next answer is at
///   least `natural_break` and the user is away from the moment their last input was made).
///   At least [`MIN_ASK`].
/// - While away: [`AWAY_ASK`] (60 s), to notice the return.
///
/// Wakeups that result: while the user is active, input keeps `idle` small, so the daemon asks
/// about once per `natural_break` (12 an hour for the default 5 minutes); while the user is
/// away, once a minute. The daemon adds one question just before a reminder would fire.
pub fn next_ask(idle: Duration, natural_break: Duration, away: bool) -> Duration {
    if away {
        AWAY_ASK
    } else {
        natural_break.saturating_sub(idle).max(MIN_ASK)
    }
}

/// The X display to connect to, from the value of `$DISPLAY`: an error when it is unset or
/// empty, that is, when this is not an X11 session.
pub fn display_from(var: Option<std::ffi::OsString>) -> Result<String, Error> {
    match var {
        None => Err(Error::NoDisplay),
        Some(v) if v.is_empty() => Err(Error::EmptyDisplay),
        Some(v) => v
            .into_string()
            .map_err(|v| Error::DisplayNotUtf8(v.to_string_lossy().into_owned())),
    }
}

/// Refuses a display number that cannot be right: x11rb 0.13 adds the X TCP port base (6000)
/// to it unchecked, which panics in a debug build for numbers above 59535.
fn check_display_number(display: &str) -> Result<(), Error> {
    let number = display
        .rsplit_once(':')
        .map(|(_, rest)| rest.split('.').next().unwrap_or(rest));
    match number.and_then(|n| n.parse::<u32>().ok()) {
        Some(number) if number > u32::from(u16::MAX - 6000) => Err(Error::DisplayOutOfRange {
            display: display.to_owned(),
            number,
        }),
        _ => Ok(()),
    }
}

/// Connects to `display` and returns the connection with its default screen's root window.
fn open(display: &str) -> Result<(RustConnection, Window), Error> {
    check_display_number(display)?;
    let (conn, screen) = x11rb::connect(Some(display)).map_err(|cause| Error::Connect {
        display: display.to_owned(),
        cause,
    })?;
    let root = conn
        .setup()
        .roots
        .get(screen)
        .map(|s| s.root)
        .ok_or_else(|| Error::NoScreen {
            display: display.to_owned(),
            screen,
        })?;
    Ok((conn, root))
}

/// The X11 idle-time source: the MIT-SCREEN-SAVER extension's time since the last user input.
pub struct X11Idle {
    conn: RustConnection,
    root: Window,
    display: String,
}

impl std::fmt::Debug for X11Idle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("X11Idle")
            .field("display", &self.display)
            .field("root", &self.root)
            .finish_non_exhaustive()
    }
}

impl X11Idle {
    /// Connects to the X server named by `$DISPLAY`. Fails with the reason when `$DISPLAY` is
    /// unset, when no X server answers there, or when it lacks the MIT-SCREEN-SAVER extension.
    pub fn connect() -> Result<X11Idle, Error> {
        X11Idle::connect_to(&display_from(std::env::var_os("DISPLAY"))?)
    }

    /// [`X11Idle::connect`] to the X server at `display` (such as `:0`) instead of `$DISPLAY`.
    pub fn connect_to(display: &str) -> Result<X11Idle, Error> {
        let (conn, root) = open(display)?;
        let present = conn
            .extension_information(screensaver::X11_EXTENSION_NAME)
            .map_err(|cause| Error::Connection {
                display: display.to_owned(),
                cause,
            })?;
        if present.is_none() {
            return Err(Error::NoScreenSaver {
                display: display.to_owned(),
            });
        }
        Ok(X11Idle {
            conn,
            root,
            display: display.to_owned(),
        })
    }

    /// The time since the user's last input (keyboard, pointer), as the X server counts it
    /// (`ScreenSaverQueryInfo`'s `ms_since_user_input` on the root window). One blocking
    /// round trip to the server.
    pub fn idle_time(&mut self) -> Result<Duration, Error> {
        let reply = self
            .conn
            .screensaver_query_info(self.root)
            .map_err(|cause| Error::Connection {
                display: self.display.clone(),
                cause,
            })?
            .reply()
            .map_err(|cause| Error::Reply {
                display: self.display.clone(),
                cause,
            })?;
        Ok(Duration::from_millis(u64::from(reply.ms_since_user_input)))
    }
}

impl super::AskIdle for X11Idle {
    fn name(&self) -> &'static str {
        "x11"
    }

    fn idle_time(&mut self) -> Result<Duration, super::AskError> {
        Ok(X11Idle::idle_time(self)?)
    }
}

/// Starts reporting whether the focused window is full screen, from `$DISPLAY`.
///
/// Connects and subscribes before returning (so a change made after `Ok` is seen), then
/// spawns a thread that sleeps in `wait_for_event` and sends
/// `PresenceEvent::Quiet { reason: Quiet::Fullscreen, on }` with `events.blocking_send`
/// whenever the answer changes. At start it sends `on: true` once if the focused window is
/// already full screen, and nothing otherwise.
///
/// The thread wakes only for property changes on the root window and on the focused window
/// (the window manager updating `_NET_ACTIVE_WINDOW`, the application changing its title or
/// state). It ends, with a log line, when the X connection fails, or at the next such wakeup
/// after the receiver is dropped.
///
/// Without a window manager that sets `_NET_ACTIVE_WINDOW` there is nothing to read and
/// nothing is ever reported.
pub fn watch_fullscreen(events: Sender<PresenceEvent>) -> Result<(), Error> {
    watch_fullscreen_on(&display_from(std::env::var_os("DISPLAY"))?, events)
}

/// [`watch_fullscreen`] on the X server at `display` (such as `:0`) instead of `$DISPLAY`.
pub fn watch_fullscreen_on(display: &str, events: Sender<PresenceEvent>) -> Result<(), Error> {
    let mut watcher = FullscreenWatcher::new(display)?;
    let fullscreen = watcher.start().map_err(|e| watcher.describe(e))?;
    std::thread::Builder::new()
        .name("x11-fullscreen".to_owned())
        .spawn(move || watcher.run(fullscreen, &events))
        .map_err(|cause| Error::Thread {
            what: "full-screen watcher",
            cause,
        })?;
    Ok(())
}

/// Why the watcher thread stops.
enum Stop {
    /// The daemon dropped the receiver.
    Closed,
    /// The X connection failed.
    Connection(ConnectionError),
}

impl From<ConnectionError> for Stop {
    fn from(e: ConnectionError) -> Self {
        Stop::Connection(e)
    }
}

/// The state of the full-screen watcher: its own connection, the atoms it needs, and the
/// focused window it is subscribed to.
struct FullscreenWatcher {
    conn: RustConnection,
    display: String,
    root: Window,
    net_active_window: Atom,
    net_wm_state: Atom,
    net_wm_state_fullscreen: Atom,
    /// The focused window, if any, whose property changes we receive.
    active: Option<Window>,
}

impl FullscreenWatcher {
    /// Connects and interns the atoms (three requests, one wait).
    fn new(display: &str) -> Result<FullscreenWatcher, Error> {
        let (conn, root) = open(display)?;
        let cookies = [
            &b"_NET_ACTIVE_WINDOW"[..],
            b"_NET_WM_STATE",
            b"_NET_WM_STATE_FULLSCREEN",
        ]
        .map(|name| conn.intern_atom(false, name));
        let mut atoms = [0; 3];
        for (atom, cookie) in atoms.iter_mut().zip(cookies) {
            *atom = cookie
                .map_err(|cause| Error::Connection {
                    display: display.to_owned(),
                    cause,
                })?
                .reply()
                .map_err(|cause| Error::Reply {
                    display: display.to_owned(),
                    cause,
                })?
                .atom;
        }
        let [net_active_window, net_wm_state, net_wm_state_fullscreen] = atoms;
        Ok(FullscreenWatcher {
            conn,
            display: display.to_owned(),
            root,
            net_active_window,
            net_wm_state,
            net_wm_state_fullscreen,
            active: None,
        })
    }

    /// `cause` as the error of this watcher's connection.
    fn describe(&self, cause: ConnectionError) -> Error {
        Error::Connection {
            display: self.display.clone(),
            cause,
        }
    }

    /// Subscribes to the root window, then follows the focused window; returns whether it is
    /// full screen. Subscribing before reading means no change falls in between.
    fn start(&mut self) -> Result<bool, ConnectionError> {
        self.select(self.root, EventMask::PROPERTY_CHANGE)?;
        self.follow_active()?;
        self.fullscreen()
    }

    /// Sets our event mask on `window`. An error (the window is gone) arrives later as an
    /// event, which [`FullscreenWatcher::run`] ignores.
    fn select(&self, window: Window, mask: EventMask) -> Result<(), ConnectionError> {
        let aux = ChangeWindowAttributesAux::new().event_mask(mask);
        self.conn.change_window_attributes(window, &aux)?;
        Ok(())
    }

    /// Reads the 32-bit values of `property` on `window`; `None` when the window is gone.
    fn property32(
        &self,
        window: Window,
        property: Atom,
        kind: AtomEnum,
    ) -> Result<Option<Vec<u32>>, ConnectionError> {
        let reply = self
            .conn
            .get_property(false, window, property, kind, 0, 1024)?
            .reply();
        match reply {
            Ok(reply) => Ok(Some(
                reply.value32().map(Iterator::collect).unwrap_or_default(),
            )),
            // BadWindow: the window was destroyed under us.
            Err(ReplyError::X11Error(_)) => Ok(None),
            Err(ReplyError::ConnectionError(e)) => Err(e),
        }
    }

    /// Reads `_NET_ACTIVE_WINDOW` and moves our subscription to that window if it changed.
    fn follow_active(&mut self) -> Result<(), ConnectionError> {
        let active = self
            .property32(self.root, self.net_active_window, AtomEnum::WINDOW)?
            .and_then(|v| v.first().copied())
            .filter(|&w| w != x11rb::NONE);
        if active == self.active {
            return Ok(());
        }
        if let Some(old) = self.active.filter(|&w| w != self.root) {
            self.select(old, EventMask::NO_EVENT)?;
        }
        if let Some(new) = active.filter(|&w| w != self.root) {
            self.select(new, EventMask::PROPERTY_CHANGE)?;
        }
        self.active = active;
        Ok(())
    }

    /// Whether the focused window's `_NET_WM_STATE` holds `_NET_WM_STATE_FULLSCREEN`.
    fn fullscreen(&self) -> Result<bool, ConnectionError> {
        let Some(window) = self.active else {
            return Ok(false);
        };
        Ok(self
            .property32(window, self.net_wm_state, AtomEnum::ATOM)?
            .is_some_and(|state| state.contains(&self.net_wm_state_fullscreen)))
    }

    /// The thread's body: logs why it stopped.
    fn run(mut self, fullscreen: bool, events: &Sender<PresenceEvent>) {
        match self.watch(fullscreen, events) {
            Ok(()) => {}
            Err(Stop::Closed) => {
                tracing::debug!("x11: full-screen watcher stops: the daemon is gone");
            }
            Err(Stop::Connection(e)) => {
                tracing::warn!(
                    "x11: full-screen watcher stops: {}; full-screen windows no longer hold reminders back",
                    self.describe(e)
                );
            }
        }
    }

    fn watch(&mut self, mut fullscreen: bool, events: &Sender<PresenceEvent>) -> Result<(), Stop> {
        let send = |on: bool| {
            tracing::debug!(on, "x11: full-screen window");
            events
                .blocking_send(PresenceEvent::Quiet {
                    reason: Quiet::Fullscreen,
                    on,
                })
                .map_err(|_| Stop::Closed)
        };
        if fullscreen {
            send(true)?;
        }
        loop {
            // Sleep until something happens, then take whatever else is queued, so that a
            // burst of changes costs one recomputation.
            let mut next = Some(self.conn.wait_for_event()?);
            let (mut active_changed, mut state_changed) = (false, false);
            while let Some(event) = next {
                match event {
                    Event::PropertyNotify(e) => {
                        if e.window == self.root && e.atom == self.net_active_window {
                            active_changed = true;
                        } else if Some(e.window) == self.active && e.atom == self.net_wm_state {
                            state_changed = true;
                        }
                    }
                    // A request on a window that was destroyed meanwhile: harmless.
                    Event::Error(e) => tracing::debug!(?e, "x11: ignored error"),
                    _ => {}
                }
                next = self.conn.poll_for_event()?;
            }
            if events.is_closed() {
                return Err(Stop::Closed);
            }
            if active_changed {
                self.follow_active()?;
            }
            if !(active_changed || state_changed) {
                continue;
            }
            let now = self.fullscreen()?;
            if now != fullscreen {
                fullscreen = now;
                send(now)?;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MIN: Duration = Duration::from_secs(60);

    #[test]
    fn present_asks_when_a_natural_break_could_be_complete() {
        let natural_break = 5 * MIN;
        assert_eq!(next_ask(Duration::ZERO, natural_break, false), 5 * MIN);
        assert_eq!(next_ask(2 * MIN, natural_break, false), 3 * MIN);
        assert_eq!(
            next_ask(Duration::from_millis(299_500), natural_break, false),
            MIN_ASK,
            "never less than a second"
        );
    }

    #[test]
    fn present_but_already_idle_long_enough_asks_again_soon() {
        assert_eq!(next_ask(5 * MIN, 5 * MIN, false), MIN_ASK);
        assert_eq!(next_ask(60 * MIN, 5 * MIN, false), MIN_ASK);
    }

    #[test]
    fn away_asks_once_a_minute() {
        assert_eq!(next_ask(Duration::ZERO, 5 * MIN, true), AWAY_ASK);
        assert_eq!(next_ask(90 * MIN, 5 * MIN, true), AWAY_ASK);
        assert_eq!(AWAY_ASK, MIN);
    }

    #[test]
    fn a_tiny_natural_break_still_waits_a_second() {
        assert_eq!(next_ask(Duration::ZERO, Duration::ZERO, false), MIN_ASK);
        assert_eq!(
            next_ask(Duration::ZERO, Duration::from_millis(200), false),
            MIN_ASK
        );
    }

    #[test]
    fn an_active_user_is_asked_about_once_per_natural_break() {
        // A user who types all the time: every answer is a fresh input, so an hour with a
        // 5-minute natural break costs 12 questions.
        let natural_break = 5 * MIN;
        let (mut t, mut asks) = (Duration::ZERO, 0);
        while t < 60 * MIN {
            t += next_ask(Duration::from_secs(2), natural_break, false);
            asks += 1;
        }
        assert!((12..=13).contains(&asks), "{asks}");
    }

    #[test]
    fn display_comes_from_the_environment() {
        assert!(
            display_from(None)
                .unwrap_err()
                .to_string()
                .contains("DISPLAY is not set")
        );
        assert!(
            display_from(Some("".into()))
                .unwrap_err()
                .to_string()
                .contains("empty")
        );
        assert_eq!(display_from(Some(":3".into())).unwrap(), ":3");
    }

    #[test]
    fn no_x_server_is_a_clear_error() {
        // No socket for this display number on a test machine (and no TCP listener on
        // 127.0.0.1:6000 + 5999).
        let err = X11Idle::connect_to(":5999").unwrap_err().to_string();
        assert!(err.contains("cannot connect to the X server"), "{err}");
        let (tx, _rx) = tokio::sync::mpsc::channel(1);
        let err = watch_fullscreen_on(":5999", tx).unwrap_err().to_string();
        assert!(err.contains("cannot connect to the X server"), "{err}");
    }

    #[test]
    fn an_impossible_display_number_is_an_error_not_a_panic() {
        for display in [":64999", ":64999.0", "localhost:99999"] {
            let err = X11Idle::connect_to(display).unwrap_err().to_string();
            assert!(err.contains("out of range"), "{display}: {err}");
        }
        assert!(check_display_number(":0").is_ok());
        assert!(check_display_number(":59535.1").is_ok());
        assert!(check_display_number("/tmp/launch-x/org.xquartz:0").is_ok());
    }
}
