//! Do-not-disturb of the notification server, where the server tells it on the session bus.
//! Pushed, never polled: the `PropertiesChanged` signals of whoever owns
//! `org.freedesktop.Notifications`, at `/org/freedesktop/Notifications`.
//!
//! - dunst (1.7 and later): property `paused` of interface `org.dunstproject.cmd0`
//!   (`dunstctl set-paused true`); dunst 1.9 emits `PropertiesChanged` for it on every set.
//! - KDE Plasma: property `Inhibited` of interface `org.freedesktop.Notifications`, with
//!   `PropertiesChanged`.
//!
//! Either one on is [`Quiet::DoNotDisturb`]; the combined state is reported when it changes.
//! The values are read at start and whenever a server takes the name (a restarted server starts
//! afresh without announcing it); a read that fails (the server has no such property) counts as
//! off. When the server leaves the bus, do-not-disturb is off. Reads never start a
//! D-Bus-activatable server that is not running.
//!
//! Not covered, as they cannot be heard without polling or another protocol:
//! - GNOME: "do not disturb" is the `show-banners` key of `org.gnome.desktop.notifications` in
//!   dconf (`GSettings`), not a property of the notification server.
//! - mako: modes (`makoctl mode -a do-not-disturb`) are changed over mako's own D-Bus interface
//!   and no signal announces them.

use tokio::sync::mpsc;
use tracing::debug;
use zbus::{Connection, Message};

use super::dbus::{self, BusError, CALL_TIMEOUT, Streams};
use super::{PresenceEvent, Quiet};

const NAME: &str = "org.freedesktop.Notifications";
const PATH: &str = "/org/freedesktop/Notifications";
/// dunst's control interface, with `paused`.
const DUNST: &str = "org.dunstproject.cmd0";
const DUNST_PAUSED: &str = "paused";
/// The notification interface, with KDE's `Inhibited`.
const NOTIFICATIONS: &str = "org.freedesktop.Notifications";
const KDE_INHIBITED: &str = "Inhibited";

/// On the session-bus connection `conn`, spawns a task that reports the notification server's
/// do-not-disturb state to `events` as [`PresenceEvent::Quiet`] (the initial state too, if on).
/// No server needs to be running. Must be called inside the tokio runtime.
pub async fn start_on(
    conn: Connection,
    events: mpsc::Sender<PresenceEvent>,
) -> Result<(), BusError> {
    let (tracker, streams) = tokio::time::timeout(CALL_TIMEOUT, setup(conn, events))
        .await
        .map_err(|_| BusError::Timeout {
            who: "the session bus",
        })??;
    tokio::spawn(dbus::follow(tracker, streams));
    Ok(())
}

async fn setup(
    conn: Connection,
    events: mpsc::Sender<PresenceEvent>,
) -> Result<(Tracker, Streams), BusError> {
    // Subscribed before the initial values are read, so that no change falls in between.
    let changes = dbus::subscribe(
        &conn,
        NAME,
        PATH,
        Some(dbus::PROPERTIES),
        Some("PropertiesChanged"),
    )
    .await
    .map_err(BusError::call(
        "subscribing to the notification server's properties",
    ))?;
    let owners = dbus::owner_changes(&conn, NAME)
        .await
        .map_err(BusError::call(format!("subscribing to {NAME}'s owner")))?;
    let mut tracker = Tracker {
        conn,
        events,
        paused: false,
        inhibited: false,
        reported: false,
    };
    let running = dbus::has_owner(&tracker.conn, NAME)
        .await
        .map_err(BusError::call(format!("asking the session bus for {NAME}")))?;
    if running {
        tracker.read_all().await;
    }
    tracker.report().await;
    Ok((tracker, (changes, owners)))
}

/// The task's state.
struct Tracker {
    conn: Connection,
    events: mpsc::Sender<PresenceEvent>,
    /// dunst's `paused`.
    paused: bool,
    /// KDE's `Inhibited`.
    inhibited: bool,
    /// The combined state last reported.
    reported: bool,
}

/// First `PropertiesChanged`, second the name's owner changes.
impl dbus::Follow for Tracker {
    const NAME: &'static str = "dnd";

    async fn first(&mut self, msg: &Message) -> bool {
        self.on_changed(msg).await
    }

    async fn second(&mut self, msg: &Message) -> bool {
        self.on_owner(msg).await
    }
}

impl Tracker {
    /// `PropertiesChanged` from the server (dunst also sends it for its queue lengths).
    async fn on_changed(&mut self, msg: &Message) -> bool {
        let Some(change) = dbus::properties_changed(msg) else {
            return true;
        };
        let name = match change.interface.as_str() {
            DUNST => DUNST_PAUSED,
            NOTIFICATIONS => KDE_INHIBITED,
            _ => return true,
        };
        if !change.touches(name) {
            return true;
        }
        let value = match change.bool(name) {
            Some(value) => value,
            // Invalidated without the value: ask.
            None => read(&self.conn, &change.interface, name).await,
        };
        if change.interface == DUNST {
            self.paused = value;
        } else {
            self.inhibited = value;
        }
        self.report().await
    }

    /// `NameOwnerChanged`: a new server is asked afresh; no server, no do-not-disturb.
    async fn on_owner(&mut self, msg: &Message) -> bool {
        match dbus::owned_now(msg) {
            Some(true) => self.read_all().await,
            Some(false) => {
                self.paused = false;
                self.inhibited = false;
            }
            None => return true,
        }
        self.report().await
    }

    /// Reads both properties (a failure counts as off).
    async fn read_all(&mut self) {
        (self.paused, self.inhibited) = futures_util::future::join(
            read(&self.conn, DUNST, DUNST_PAUSED),
            read(&self.conn, NOTIFICATIONS, KDE_INHIBITED),
        )
        .await;
    }

    /// Reports the combined state if it differs from the last one.
    async fn report(&mut self) -> bool {
        let on = self.paused || self.inhibited;
        if on == self.reported {
            return true;
        }
        self.reported = on;
        debug!(
            on,
            paused = self.paused,
            inhibited = self.inhibited,
            "dnd: do not disturb"
        );
        self.events
            .send(PresenceEvent::Quiet {
                reason: Quiet::DoNotDisturb,
                on,
            })
            .await
            .is_ok()
    }
}

/// Boolean property `interface.name` of the server; `false` when it cannot be read.
async fn read(conn: &Connection, interface: &str, name: &str) -> bool {
    match dbus::get_property(conn, NAME, PATH, interface, name).await {
        Ok(value) => bool::try_from(value).unwrap_or(false),
        Err(e) => {
            debug!("dnd: no {interface}.{name}: {e}");
            false
        }
    }
}
