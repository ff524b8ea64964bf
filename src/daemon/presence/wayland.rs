//! The Wayland idle source: the compositor's `ext-idle-notify-v1` protocol (sway ≥ 1.8, KDE
//! Plasma ≥ 5.27, Hyprland, niri, ...; not GNOME's Mutter).
//!
//! The compositor pushes two events on one idle notification created with the natural-break
//! time as its timeout: `idled` once nothing was typed or moved for that long, `resumed` at the
//! next input. [`start`] turns them into [`PresenceEvent::Away`] and [`PresenceEvent::Back`]
//! with [`Away::Idle`]. Nothing is polled: a task on the daemon's runtime waits for the Wayland
//! socket to become readable (the runtime's own epoll, no thread of its own) and wakes only when
//! the compositor writes, which it does twice per break.
//!
//! The task ends, hanging up, when the receiving side of the channel is dropped or when the
//! connection fails, which is logged.
//!
//! A pause in typing ([`LullWatch`], for a reminder that falls due while the user types) is a
//! second, short idle notification on a connection of its own, made only around a due reminder
//! and closed after: its `idled` is [`PresenceEvent::Lull`] reached, its `resumed` the user
//! typing again.

use std::ffi::OsString;
use std::io::ErrorKind;
use std::os::fd::OwnedFd;
use std::os::unix::net::UnixStream;
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{TimeDelta, Utc};
use tokio::io::Interest;
use tokio::io::unix::AsyncFd;
use tokio::sync::mpsc::Sender;
use wayland_client::backend::WaylandError;
use wayland_client::protocol::wl_callback::{self, WlCallback};
use wayland_client::protocol::wl_registry::{self, WlRegistry};
use wayland_client::protocol::wl_seat::WlSeat;
use wayland_client::{
    Connection, Dispatch, DispatchError, EventQueue, Proxy, QueueHandle, delegate_noop,
};
use wayland_protocols::ext::idle_notify::v1::client::ext_idle_notification_v1::{
    self, ExtIdleNotificationV1,
};
use wayland_protocols::ext::idle_notify::v1::client::ext_idle_notifier_v1::ExtIdleNotifierV1;

use super::{Away, PresenceEvent};

/// Why the Wayland idle source cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// `$WAYLAND_DISPLAY` is unset or empty.
    #[error("WAYLAND_DISPLAY is not set: not a Wayland session")]
    NoDisplay,
    /// `$WAYLAND_DISPLAY` is a name, and `$XDG_RUNTIME_DIR` is unset or empty.
    #[error("XDG_RUNTIME_DIR is not set, so WAYLAND_DISPLAY cannot be resolved")]
    NoRuntimeDir,
    /// `$XDG_RUNTIME_DIR` is relative.
    #[error("XDG_RUNTIME_DIR is not an absolute path: {}", .0.display())]
    RelativeRuntimeDir(PathBuf),
    /// The natural break is outside what the protocol's timeout can say.
    #[error(
        "natural_break {0:?} does not fit the idle protocol (1 ms to {max:?})",
        max = Duration::from_millis(u32::MAX.into())
    )]
    NaturalBreak(Duration),
    /// Nothing answers on the socket.
    #[error("cannot connect to the Wayland compositor at {}: {cause}", socket.display())]
    Connect {
        /// The compositor's socket.
        socket: PathBuf,
        /// Why.
        cause: std::io::Error,
    },
    /// The socket could not be duplicated or registered with the runtime.
    #[error("cannot {doing}: {cause}")]
    Local {
        /// What ("duplicate the Wayland socket").
        doing: &'static str,
        /// Why.
        cause: std::io::Error,
    },
    /// The Wayland connection could not be set up.
    #[error("cannot set up the Wayland connection: {0}")]
    Setup(wayland_client::ConnectError),
    /// The compositor's globals could not be listed.
    #[error("cannot list the Wayland compositor's globals: {0}")]
    Globals(DispatchError),
    /// The compositor lacks a global the protocol needs.
    #[error("the Wayland compositor does not offer {0} (ext-idle-notify-v1 needs it)")]
    Missing(&'static str),
    /// The compositor's global has no version this source speaks.
    #[error("the Wayland compositor's {0} is unusable")]
    Unusable(&'static str),
    /// The compositor answered the idle notification with an error.
    #[error("the Wayland compositor refused the idle notification: {0}")]
    Refused(DispatchError),
    /// The compositor did not answer the setup within [`SETUP_TIMEOUT`].
    #[error("the Wayland compositor at {} did not answer within {SETUP_TIMEOUT:?}", .0.display())]
    Silent(PathBuf),
}

/// How long [`start_on`] waits for the compositor to answer the initial round trips before it
/// gives up: a live compositor answers in milliseconds, a hung one never.
pub const SETUP_TIMEOUT: Duration = Duration::from_secs(5);

/// Connects to the compositor named by `$WAYLAND_DISPLAY` (a socket name under
/// `$XDG_RUNTIME_DIR`, or an absolute path) and reports idle periods of at least
/// `natural_break` on `events`; see [`start_on`].
pub async fn start(
    events: Sender<PresenceEvent>,
    natural_break: Duration,
) -> Result<LullWatch, Error> {
    let socket = socket_path(
        std::env::var_os("WAYLAND_DISPLAY"),
        std::env::var_os("XDG_RUNTIME_DIR"),
    )?;
    start_on(&socket, events, natural_break).await
}

/// The compositor's socket from the values of `WAYLAND_DISPLAY` and `XDG_RUNTIME_DIR`, resolved
/// the way libwayland does.
fn socket_path(display: Option<OsString>, runtime_dir: Option<OsString>) -> Result<PathBuf, Error> {
    let display = display
        .filter(|d| !d.is_empty())
        .map(PathBuf::from)
        .ok_or(Error::NoDisplay)?;
    if display.is_absolute() {
        return Ok(display);
    }
    let runtime_dir = runtime_dir
        .filter(|d| !d.is_empty())
        .map(PathBuf::from)
        .ok_or(Error::NoRuntimeDir)?;
    if !runtime_dir.is_absolute() {
        return Err(Error::RelativeRuntimeDir(runtime_dir));
    }
    Ok(runtime_dir.join(display))
}

/// Connects to the compositor listening on `socket`, binds `ext_idle_notifier_v1` and the first
/// `wl_seat`, creates one idle notification with `natural_break` as its timeout, and spawns a
/// task that sends [`PresenceEvent::Away`] (`since` = now − `natural_break`, the last input)
/// on `idled` and [`PresenceEvent::Back`] on `resumed`. Returns the watch for a pause in typing
/// on the same compositor.
///
/// Returns once the compositor has accepted the notification, or with the reason when the
/// socket cannot be reached, the compositor lacks the protocol or a seat, or it does not answer
/// within [`SETUP_TIMEOUT`] (then it hangs up). `natural_break` must be between 1 ms and about
/// 49 days (the protocol's timeout is a 32-bit count of milliseconds). Must be called inside the
/// tokio runtime.
pub async fn start_on(
    socket: &Path,
    events: Sender<PresenceEvent>,
    natural_break: Duration,
) -> Result<LullWatch, Error> {
    let timeout_ms = timeout_ms(natural_break).ok_or(Error::NaturalBreak(natural_break))?;
    // Cannot fail below u32::MAX milliseconds; checked all the same.
    let idle_for =
        TimeDelta::from_std(natural_break).map_err(|_| Error::NaturalBreak(natural_break))?;
    let (source, notification) = connect(socket, Which::Break(idle_for), timeout_ms).await?;
    tracing::debug!(
        timeout_ms,
        "wayland: watching idle time with ext-idle-notify-v1"
    );
    let lull = LullWatch {
        socket: socket.to_owned(),
        events: events.clone(),
        armed: super::Armed::default(),
    };
    tokio::spawn(source.run(notification, events));
    Ok(lull)
}

/// `timeout` as the protocol's timeout: 1 ms to `u32::MAX` ms.
fn timeout_ms(timeout: Duration) -> Option<u32> {
    u32::try_from(timeout.as_millis()).ok().filter(|&ms| ms > 0)
}

/// Connects to the compositor at `socket` and creates an idle notification of `timeout_ms`
/// whose events are `which`'s, within [`SETUP_TIMEOUT`].
async fn connect(
    socket: &Path,
    which: Which,
    timeout_ms: u32,
) -> Result<(Source, ExtIdleNotificationV1), Error> {
    let stream = UnixStream::connect(socket).map_err(|cause| Error::Connect {
        socket: socket.to_owned(),
        cause,
    })?;
    let mut source = Source::new(stream, which)?;
    let notification = tokio::time::timeout(SETUP_TIMEOUT, source.set_up(timeout_ms))
        .await
        .map_err(|_| Error::Silent(socket.to_owned()))??;
    Ok((source, notification))
}

/// How much earlier than its timeout ahead of the due time a watch is armed ([`LullWatch`]), so
/// that for a user idle all along its `idled` comes before the due time rather than with it.
pub const LEAD_MARGIN: Duration = Duration::from_millis(250);

/// The timeout of a watch for a pause of `lull`: 5 % more, because `KWin` times idleness with
/// Qt's coarse timers, which may fire up to 5 % early (measured: 2.85 s for 3 s), and a pause a
/// little shorter than the lull must not count as one. On a compositor with exact timers (sway)
/// the reminder comes that much later: 150 ms for the default 3 s.
pub fn lull_timeout(lull: Duration) -> Duration {
    lull + lull / 20
}

/// The watch for a pause in typing ([`super::WatchLull`]): each armed watch is an idle
/// notification of [`lull_timeout`], on a connection of its own that lasts until it is
/// disarmed. The compositor counts its timeout from the notification's creation, so the daemon
/// arms it that long (and [`LEAD_MARGIN`]) ahead of the due time ([`super::WatchLull::lead`]).
#[derive(Debug)]
pub struct LullWatch {
    socket: PathBuf,
    events: Sender<PresenceEvent>,
    armed: super::Armed,
}

impl super::WatchLull for LullWatch {
    fn lead(&self, lull: Duration) -> Duration {
        lull_timeout(lull) + LEAD_MARGIN
    }

    fn arm(&mut self, watch: u32, lull: Duration) {
        let stopped = self.armed.rearm();
        let socket = self.socket.clone();
        let events = self.events.clone();
        tokio::spawn(async move {
            let watched = async {
                // The config keeps a lull between 1 s and a minute.
                let timeout_ms = u32::try_from(lull_timeout(lull).as_millis())
                    .unwrap_or(u32::MAX)
                    .max(1);
                let (mut source, _notification) =
                    connect(&socket, Which::Lull(watch), timeout_ms).await?;
                tracing::debug!(watch, timeout_ms, "wayland: watching for a pause in typing");
                source.forward(&events).await.map_err(Error::Refused)
            };
            tokio::select! {
                Err(e) = watched => {
                    tracing::warn!("wayland: cannot watch for a pause in typing: {e}; the reminder shows now");
                    let _ = events.send(PresenceEvent::Lull { watch, reached: true }).await;
                }
                _ = stopped => {}
            }
        });
    }

    fn disarm(&mut self) {
        self.armed.end();
    }
}

/// The connection and what the task owns; dropping it hangs up.
struct Source {
    conn: Connection,
    queue: EventQueue<State>,
    /// A duplicate of the connection's socket, registered with the runtime.
    socket: AsyncFd<OwnedFd>,
    state: State,
}

/// Which idle notification a connection holds.
#[derive(Debug, Clone, Copy)]
enum Which {
    /// The natural break's, of this length (to date `idled` back to the last input).
    Break(TimeDelta),
    /// Lull watch number `n`.
    Lull(u32),
}

/// What the event handlers see.
struct State {
    /// The notification's events.
    which: Which,
    /// Events from the compositor, not sent yet.
    pending: Vec<PresenceEvent>,
    /// The first `ext_idle_notifier_v1` global, as (name, version).
    notifier: Option<(u32, u32)>,
    /// The first `wl_seat` global, as (name, version).
    seat: Option<(u32, u32)>,
    /// The last round trip's `wl_display.sync` is answered.
    synced: bool,
}

impl Source {
    /// Wraps the connected `stream`; no request is sent yet.
    fn new(stream: UnixStream, which: Which) -> Result<Source, Error> {
        let conn = Connection::from_socket(stream).map_err(Error::Setup)?;
        let fd = conn
            .backend()
            .poll_fd()
            .try_clone_to_owned()
            .map_err(|cause| Error::Local {
                doing: "duplicate the Wayland socket",
                cause,
            })?;
        // The AsyncFd owns the only handle to the duplicate and nothing else closes it, which is
        // the I/O-safety condition the deprecation warns about; the replacement is an
        // `unsafe fn`, which this crate forbids.
        #[expect(
            deprecated,
            reason = "sound here: the AsyncFd owns the only handle to its fd"
        )]
        let socket = AsyncFd::with_interest(fd, Interest::READABLE | Interest::WRITABLE).map_err(
            |cause| Error::Local {
                doing: "register the Wayland socket",
                cause,
            },
        )?;
        let queue = conn.new_event_queue();
        Ok(Source {
            conn,
            queue,
            socket,
            state: State {
                which,
                pending: Vec::new(),
                notifier: None,
                seat: None,
                synced: false,
            },
        })
    }

    /// Lists the globals, binds the notifier and the first seat, and creates the idle
    /// notification, checked with a round trip.
    async fn set_up(&mut self, timeout_ms: u32) -> Result<ExtIdleNotificationV1, Error> {
        let qh = self.queue.handle();
        let registry = self.conn.display().get_registry(&qh, ());
        self.roundtrip().await.map_err(Error::Globals)?;
        let notifier: ExtIdleNotifierV1 = bind(&registry, &qh, self.state.notifier)?;
        let seat: WlSeat = bind(&registry, &qh, self.state.seat)?;
        // `get_idle_notification` (version 1), not version 2's `get_input_idle_notification`:
        // the latter ignores idle inhibitors, while this one does not report idle while a client
        // inhibits it. A video player inhibits idle during playback; someone watching a talk is
        // at the desk, so that must not count as a natural break.
        let notification = notifier.get_idle_notification(timeout_ms, &seat, &qh, ());
        self.roundtrip().await.map_err(Error::Refused)?;
        Ok(notification)
    }

    /// Sends `wl_display.sync` and dispatches until the compositor answers it.
    async fn roundtrip(&mut self) -> Result<(), DispatchError> {
        self.state.synced = false;
        self.conn.display().sync(&self.queue.handle(), ());
        self.dispatch_until(|state| state.synced).await
    }

    /// The task: forwards the compositor's events until the receiver is dropped (at once, not
    /// at the next event) or the connection fails. Holds `_notification` meanwhile.
    async fn run(mut self, _notification: ExtIdleNotificationV1, events: Sender<PresenceEvent>) {
        tokio::select! {
            Err(e) = self.forward(&events) => {
                if !events.is_closed() {
                    tracing::warn!("wayland: the idle source stopped: {e}");
                }
            }
            () = events.closed() => {}
        }
    }

    /// Sends each event to `events`; returns when the receiver is gone, or the error that
    /// broke the connection.
    async fn forward(&mut self, events: &Sender<PresenceEvent>) -> Result<(), DispatchError> {
        loop {
            self.dispatch_until(|state| !state.pending.is_empty())
                .await?;
            for event in std::mem::take(&mut self.state.pending) {
                if events.send(event).await.is_err() {
                    return Ok(());
                }
            }
        }
    }

    /// Dispatches the compositor's events until `done`: flushes the requests, then sleeps until
    /// the socket is readable, reads and dispatches what came.
    async fn dispatch_until(&mut self, done: impl Fn(&State) -> bool) -> Result<(), DispatchError> {
        loop {
            self.queue.dispatch_pending(&mut self.state)?;
            if done(&self.state) {
                return Ok(());
            }
            self.flush().await?;
            let Some(read) = self.queue.prepare_read() else {
                // Events came in meanwhile: dispatch them first.
                continue;
            };
            let mut ready = self.socket.readable().await.map_err(WaylandError::Io)?;
            match read.read() {
                Ok(_) => {}
                Err(WaylandError::Io(e)) if e.kind() == ErrorKind::WouldBlock => {
                    ready.clear_ready();
                }
                Err(e) => return Err(e.into()),
            }
        }
    }

    /// Writes the queued requests, waiting while the socket's buffer is full.
    async fn flush(&self) -> Result<(), WaylandError> {
        loop {
            match self.conn.flush() {
                Err(WaylandError::Io(e)) if e.kind() == ErrorKind::WouldBlock => {
                    self.socket.writable().await?.clear_ready();
                }
                done => return done,
            }
        }
    }
}

/// Binds version 1 of `global` (found in the registry as (name, version)), or says that the
/// compositor lacks it.
fn bind<I>(
    registry: &WlRegistry,
    qh: &QueueHandle<State>,
    global: Option<(u32, u32)>,
) -> Result<I, Error>
where
    I: Proxy + 'static,
    State: Dispatch<I, ()>,
{
    let interface = I::interface().name;
    match global {
        None => Err(Error::Missing(interface)),
        Some((_, 0)) => Err(Error::Unusable(interface)),
        Some((name, _)) => Ok(registry.bind(name, 1, qh, ())),
    }
}

impl Dispatch<ExtIdleNotificationV1, ()> for State {
    fn event(
        state: &mut Self,
        _: &ExtIdleNotificationV1,
        event: ext_idle_notification_v1::Event,
        (): &(),
        _: &Connection,
        _: &QueueHandle<Self>,
    ) {
        let now = Utc::now();
        let idled = match event {
            ext_idle_notification_v1::Event::Idled => true,
            ext_idle_notification_v1::Event::Resumed => false,
            _ => return,
        };
        state.pending.push(match (state.which, idled) {
            (Which::Break(idle_for), true) => PresenceEvent::Away {
                reason: Away::Idle,
                since: now.checked_sub_signed(idle_for).unwrap_or(now),
            },
            (Which::Break(_), false) => PresenceEvent::Back {
                reason: Away::Idle,
                at: now,
            },
            (Which::Lull(watch), reached) => PresenceEvent::Lull { watch, reached },
        });
    }
}

/// Notes the first notifier and seat; globals that come and go later do not matter, as they are
/// bound once.
impl Dispatch<WlRegistry, ()> for State {
    fn event(
        state: &mut Self,
        _: &WlRegistry,
        event: wl_registry::Event,
        (): &(),
        _: &Connection,
        _: &QueueHandle<Self>,
    ) {
        let wl_registry::Event::Global {
            name,
            interface,
            version,
        } = event
        else {
            return;
        };
        let slot = if interface == ExtIdleNotifierV1::interface().name {
            &mut state.notifier
        } else if interface == WlSeat::interface().name {
            &mut state.seat
        } else {
            return;
        };
        slot.get_or_insert((name, version));
    }
}

/// The answer to a round trip's `wl_display.sync`.
impl Dispatch<WlCallback, ()> for State {
    fn event(
        state: &mut Self,
        _: &WlCallback,
        event: wl_callback::Event,
        (): &(),
        _: &Connection,
        _: &QueueHandle<Self>,
    ) {
        if let wl_callback::Event::Done { .. } = event {
            state.synced = true;
        }
    }
}

// The seat's capabilities and name are not needed; the notifier has no events (ignored all the
// same, so that a misbehaving compositor cannot make this panic).
delegate_noop!(State: ignore WlSeat);
delegate_noop!(State: ignore ExtIdleNotifierV1);

#[cfg(test)]
mod tests {
    use super::*;

    fn os(s: &str) -> OsString {
        s.into()
    }

    #[test]
    fn socket_name_is_resolved_in_the_runtime_dir() {
        assert_eq!(
            socket_path(Some(os("wayland-1")), Some(os("/run/user/1000"))).ok(),
            Some(PathBuf::from("/run/user/1000/wayland-1"))
        );
    }

    #[test]
    fn absolute_socket_path_is_taken_as_is() {
        assert_eq!(
            socket_path(Some(os("/tmp/wl/sock")), None).ok(),
            Some(PathBuf::from("/tmp/wl/sock"))
        );
    }

    #[test]
    fn missing_or_relative_variables_are_errors() {
        assert!(socket_path(None, Some(os("/run/user/1000"))).is_err());
        assert!(socket_path(Some(os("")), Some(os("/run/user/1000"))).is_err());
        assert!(socket_path(Some(os("wayland-0")), None).is_err());
        assert!(socket_path(Some(os("wayland-0")), Some(os("run/user"))).is_err());
    }

    #[tokio::test]
    async fn out_of_range_natural_break_is_refused_before_connecting() {
        let (tx, _rx) = tokio::sync::mpsc::channel(1);
        let nowhere = Path::new("/nonexistent/wayland-0");
        let zero = start_on(nowhere, tx.clone(), Duration::ZERO)
            .await
            .unwrap_err()
            .to_string();
        assert!(zero.contains("natural_break"), "{zero}");
        let huge = start_on(nowhere, tx, Duration::from_secs(60 * 86_400))
            .await
            .unwrap_err()
            .to_string();
        assert!(huge.contains("natural_break"), "{huge}");
    }
}
