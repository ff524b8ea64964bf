//! The Wayland idle source: the compositor's `ext-idle-notify-v1` protocol (sway ≥ 1.8, KDE
//! Plasma ≥ 5.27, Hyprland, niri, ...; not GNOME's Mutter).
//!
//! The compositor pushes two events on one idle notification created with the natural-break
//! time as its timeout: `idled` once nothing was typed or moved for that long, `resumed` at the
//! next input. [`start`] turns them into [`PresenceEvent::Away`] and [`PresenceEvent::Back`]
//! with [`Away::Idle`]. Nothing is polled: a dedicated thread sleeps in `poll(2)` on the Wayland
//! socket and wakes only when the compositor writes, which it does twice per break.
//!
//! The thread ends when the receiving side of the channel is dropped (at once when [`start`] was
//! called inside a tokio runtime, otherwise at the next event) or when the connection fails,
//! which is logged.

use std::ffi::OsString;
use std::net::Shutdown;
use std::os::unix::net::UnixStream;
use std::path::{Path, PathBuf};
use std::sync::mpsc as std_mpsc;
use std::time::Duration;

use chrono::{TimeDelta, Utc};
use tokio::sync::mpsc::Sender;
use wayland_client::globals::{BindError, GlobalList, GlobalListContents, registry_queue_init};
use wayland_client::protocol::{wl_registry::WlRegistry, wl_seat::WlSeat};
use wayland_client::{Connection, Dispatch, EventQueue, QueueHandle, delegate_noop};
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
    /// A local resource for the source could not be had.
    #[error("cannot {doing}: {cause}")]
    Local {
        /// What ("start the Wayland idle thread").
        doing: &'static str,
        /// Why.
        cause: std::io::Error,
    },
    /// The Wayland connection could not be set up.
    #[error("cannot set up the Wayland connection: {0}")]
    Setup(wayland_client::ConnectError),
    /// The compositor's globals could not be listed.
    #[error("cannot list the Wayland compositor's globals: {0}")]
    Globals(wayland_client::globals::GlobalError),
    /// The compositor lacks a global the protocol needs.
    #[error("the Wayland compositor does not offer {0} (ext-idle-notify-v1 needs it)")]
    Missing(&'static str),
    /// The compositor's global has no version this source speaks.
    #[error("the Wayland compositor's {0} is unusable")]
    Unusable(&'static str),
    /// The compositor answered the idle notification with an error.
    #[error("the Wayland compositor refused the idle notification: {0}")]
    Refused(wayland_client::DispatchError),
    /// The compositor did not answer the setup within [`SETUP_TIMEOUT`].
    #[error("the Wayland compositor at {} did not answer within {SETUP_TIMEOUT:?}", .0.display())]
    Silent(PathBuf),
    /// The idle thread ended before it said how the setup went.
    #[error("the Wayland idle thread ended during setup")]
    ThreadEnded,
}

/// How long [`start_on`] waits for the compositor to answer the initial round trips before it
/// gives up: a live compositor answers in milliseconds, a hung one never.
pub const SETUP_TIMEOUT: Duration = Duration::from_secs(5);

/// Connects to the compositor named by `$WAYLAND_DISPLAY` (a socket name under
/// `$XDG_RUNTIME_DIR`, or an absolute path) and reports idle periods of at least
/// `natural_break` on `events`; see [`start_on`].
pub fn start(events: Sender<PresenceEvent>, natural_break: Duration) -> Result<(), Error> {
    let socket = socket_path(
        std::env::var_os("WAYLAND_DISPLAY"),
        std::env::var_os("XDG_RUNTIME_DIR"),
    )?;
    start_on(&socket, events, natural_break)
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
/// thread that sends [`PresenceEvent::Away`] (`since` = now − `natural_break`, the last input)
/// on `idled` and [`PresenceEvent::Back`] on `resumed`.
///
/// Returns once the compositor has accepted the notification, or with the reason when the
/// socket cannot be reached, the compositor lacks the protocol or a seat, or it does not answer
/// within [`SETUP_TIMEOUT`]. `natural_break` must be between 1 ms and about 49 days (the
/// protocol's timeout is a 32-bit count of milliseconds).
///
/// Blocks the caller for the setup: a few round trips to the compositor, milliseconds, at most
/// [`SETUP_TIMEOUT`].
pub fn start_on(
    socket: &Path,
    events: Sender<PresenceEvent>,
    natural_break: Duration,
) -> Result<(), Error> {
    let timeout_ms = u32::try_from(natural_break.as_millis())
        .ok()
        .filter(|&ms| ms > 0)
        .ok_or(Error::NaturalBreak(natural_break))?;
    // Cannot fail below u32::MAX milliseconds; checked all the same.
    let idle_for =
        TimeDelta::from_std(natural_break).map_err(|_| Error::NaturalBreak(natural_break))?;
    let stream = UnixStream::connect(socket).map_err(|cause| Error::Connect {
        socket: socket.to_owned(),
        cause,
    })?;
    // Shutting this clone down wakes the thread out of its wait on the socket.
    let hangup = stream.try_clone().map_err(|cause| Error::Local {
        doing: "duplicate the Wayland socket",
        cause,
    })?;

    let (ready_tx, ready_rx) = std_mpsc::sync_channel(1);
    let state = State {
        events: events.clone(),
        idle_for,
        closed: false,
    };
    std::thread::Builder::new()
        .name("wayland-idle".to_owned())
        .stack_size(256 * 1024)
        .spawn(move || run(stream, state, timeout_ms, &ready_tx))
        .map_err(|cause| Error::Local {
            doing: "start the Wayland idle thread",
            cause,
        })?;

    match ready_rx.recv_timeout(SETUP_TIMEOUT) {
        Ok(Ok(())) => {}
        Ok(Err(reason)) => return Err(reason),
        Err(std_mpsc::RecvTimeoutError::Timeout) => {
            let _ = hangup.shutdown(Shutdown::Both);
            return Err(Error::Silent(socket.to_owned()));
        }
        Err(std_mpsc::RecvTimeoutError::Disconnected) => return Err(Error::ThreadEnded),
    }
    // Inside a runtime, stop the thread as soon as the receiver goes away rather than at the
    // compositor's next event: one task that sleeps until then.
    if let Ok(runtime) = tokio::runtime::Handle::try_current() {
        runtime.spawn(async move {
            events.closed().await;
            let _ = hangup.shutdown(Shutdown::Both);
        });
    }
    Ok(())
}

/// What the dispatch thread owns.
struct State {
    events: Sender<PresenceEvent>,
    /// The natural-break time, to date `idled` back to the last input.
    idle_for: TimeDelta,
    /// The receiver is gone: stop.
    closed: bool,
}

impl State {
    fn send(&mut self, event: PresenceEvent) {
        // On a plain thread, outside any runtime: blocking_send is the right call here.
        if self.events.blocking_send(event).is_err() {
            self.closed = true;
        }
    }
}

/// The thread: sets the notification up, reports how that went on `ready`, then dispatches
/// until the channel closes or the connection fails.
fn run(
    stream: UnixStream,
    mut state: State,
    timeout_ms: u32,
    ready: &std_mpsc::SyncSender<Result<(), Error>>,
) {
    let (mut queue, _notification) = match setup(stream, &mut state, timeout_ms) {
        Ok(set_up) => {
            let _ = ready.send(Ok(()));
            set_up
        }
        Err(reason) => {
            let _ = ready.send(Err(reason));
            return;
        }
    };
    tracing::debug!(
        timeout_ms,
        "wayland: watching idle time with ext-idle-notify-v1"
    );
    while !state.closed {
        if let Err(e) = queue.blocking_dispatch(&mut state) {
            if !state.events.is_closed() {
                tracing::warn!("wayland: the idle source stopped: {e}");
            }
            return;
        }
    }
}

/// Connects, binds the globals and creates the idle notification, checked with a round trip.
fn setup(
    stream: UnixStream,
    state: &mut State,
    timeout_ms: u32,
) -> Result<(EventQueue<State>, ExtIdleNotificationV1), Error> {
    let conn = Connection::from_socket(stream).map_err(Error::Setup)?;
    let (globals, mut queue) = registry_queue_init::<State>(&conn).map_err(Error::Globals)?;
    let qh = queue.handle();
    let notifier: ExtIdleNotifierV1 = bind(&globals, &qh, "ext_idle_notifier_v1")?;
    let seat: WlSeat = bind(&globals, &qh, "wl_seat")?;
    // `get_idle_notification` (version 1), not version 2's `get_input_idle_notification`: the
    // latter ignores idle inhibitors, while this one does not report idle while a client
    // inhibits it. A video player inhibits idle during playback; someone watching a talk is at
    // the desk, so that must not count as a natural break.
    let notification = notifier.get_idle_notification(timeout_ms, &seat, &qh, ());
    queue.roundtrip(state).map_err(Error::Refused)?;
    Ok((queue, notification))
}

/// Binds version 1 of the global `name`, or says that the compositor lacks it.
fn bind<I>(globals: &GlobalList, qh: &QueueHandle<State>, name: &'static str) -> Result<I, Error>
where
    I: wayland_client::Proxy + 'static,
    State: Dispatch<I, ()>,
{
    globals.bind(qh, 1..=1, ()).map_err(|e| match e {
        BindError::NotPresent => Error::Missing(name),
        BindError::UnsupportedVersion => Error::Unusable(name),
    })
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
        match event {
            ext_idle_notification_v1::Event::Idled => state.send(PresenceEvent::Away {
                reason: Away::Idle,
                since: now.checked_sub_signed(state.idle_for).unwrap_or(now),
            }),
            ext_idle_notification_v1::Event::Resumed => state.send(PresenceEvent::Back {
                reason: Away::Idle,
                at: now,
            }),
            _ => {}
        }
    }
}

/// Globals that come and go later do not matter: the seat and notifier are bound once.
impl Dispatch<WlRegistry, GlobalListContents> for State {
    fn event(
        _: &mut Self,
        _: &WlRegistry,
        _: wayland_client::protocol::wl_registry::Event,
        _: &GlobalListContents,
        _: &Connection,
        _: &QueueHandle<Self>,
    ) {
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

    #[test]
    fn out_of_range_natural_break_is_refused_before_connecting() {
        let (tx, _rx) = tokio::sync::mpsc::channel(1);
        let nowhere = Path::new("/nonexistent/wayland-0");
        let zero = start_on(nowhere, tx.clone(), Duration::ZERO)
            .unwrap_err()
            .to_string();
        assert!(zero.contains("natural_break"), "{zero}");
        let huge = start_on(nowhere, tx, Duration::from_secs(60 * 86_400))
            .unwrap_err()
            .to_string();
        assert!(huge.contains("natural_break"), "{huge}");
    }
}
