//! Screen lock from `org.freedesktop.ScreenSaver` on the session bus (KDE Plasma, Xfce's
//! screensaver, and others; GNOME has `org.gnome.ScreenSaver` instead, and logind's
//! `LockedHint` covers it): its `ActiveChanged(bool)` signal, and `GetActive()` once at start.
//! Active counts as [`Away::Locked`]. Pushed, never polled.
//!
//! Only the object at `/org/freedesktop/ScreenSaver` is heard: KDE exports the same object at
//! `/ScreenSaver` too, and a signal from each path would be one change told twice. When the
//! service leaves the bus the screen counts as unlocked; a new owner is asked again.

use chrono::Utc;
use tokio::sync::mpsc;
use tracing::debug;
use zbus::{Connection, Message, proxy};

use super::dbus::{self, BusError, CALL_TIMEOUT, Streams};
use super::{Away, PresenceEvent};

const NAME: &str = "org.freedesktop.ScreenSaver";
const PATH: &str = "/org/freedesktop/ScreenSaver";
const INTERFACE: &str = "org.freedesktop.ScreenSaver";

#[proxy(
    interface = "org.freedesktop.ScreenSaver",
    default_service = "org.freedesktop.ScreenSaver",
    default_path = "/org/freedesktop/ScreenSaver"
)]
trait ScreenSaver {
    fn get_active(&self) -> zbus::Result<bool>;
}

/// On the session-bus connection `conn`, spawns a task that reports the screen saver's active state
/// to `events` as locked/back (the initial state too, if active). Fails when nobody owns
/// `org.freedesktop.ScreenSaver`. Must be called inside the tokio runtime.
pub async fn start_on(
    conn: Connection,
    events: mpsc::Sender<PresenceEvent>,
) -> Result<(), BusError> {
    let (tracker, streams) = tokio::time::timeout(CALL_TIMEOUT, setup(conn, events))
        .await
        .map_err(|_| BusError::Timeout { who: NAME })??;
    tokio::spawn(dbus::follow(tracker, streams));
    Ok(())
}

async fn setup(
    conn: Connection,
    events: mpsc::Sender<PresenceEvent>,
) -> Result<(Tracker, Streams), BusError> {
    // Subscribed before the initial value is read, so that no change falls in between.
    let (changes, owners) =
        dbus::follow_service(&conn, NAME, PATH, INTERFACE, "ActiveChanged", "").await?;
    let proxy = ScreenSaverProxy::builder(&conn)
        .cache_properties(zbus::proxy::CacheProperties::No)
        .build()
        .await
        .map_err(BusError::call(NAME))?;
    let mut tracker = Tracker {
        proxy,
        events,
        active: false,
    };
    tracker.ask().await;
    Ok((tracker, (changes, owners)))
}

/// The task's state.
struct Tracker {
    proxy: ScreenSaverProxy<'static>,
    events: mpsc::Sender<PresenceEvent>,
    /// The state last reported.
    active: bool,
}

/// First `ActiveChanged`, second the name's owner changes.
impl dbus::Follow for Tracker {
    const NAME: &'static str = "screensaver";

    async fn first(&mut self, msg: &Message) -> bool {
        self.on_changed(msg).await
    }

    async fn second(&mut self, msg: &Message) -> bool {
        self.on_owner(msg).await
    }
}

impl Tracker {
    /// `ActiveChanged(active)`.
    async fn on_changed(&mut self, msg: &Message) -> bool {
        match msg.body().deserialize::<bool>() {
            Ok(active) => self.set(active).await,
            Err(_) => true,
        }
    }

    /// `NameOwnerChanged`: gone means unlocked; a new owner is asked.
    async fn on_owner(&mut self, msg: &Message) -> bool {
        match dbus::owned_now(msg) {
            Some(true) => self.ask().await,
            Some(false) => self.set(false).await,
            None => true,
        }
    }

    /// Asks `GetActive` and reports the answer (a failure counts as inactive).
    async fn ask(&mut self) -> bool {
        let active = dbus::bounded(self.proxy.get_active())
            .await
            .inspect_err(|e| debug!("screensaver: GetActive: {e}"))
            .unwrap_or(false);
        self.set(active).await
    }

    /// Reports a state that differs from the last one.
    async fn set(&mut self, active: bool) -> bool {
        if active == self.active {
            return true;
        }
        self.active = active;
        let now = Utc::now();
        let event = if active {
            PresenceEvent::Away {
                reason: Away::Locked,
                since: now,
            }
        } else {
            PresenceEvent::Back {
                reason: Away::Locked,
                at: now,
            }
        };
        debug!(?event, "screensaver");
        self.events.send(event).await.is_ok()
    }
}
