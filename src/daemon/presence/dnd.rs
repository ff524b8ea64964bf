//! Do-not-disturb of the notification server, where the server tells it on the session bus.
//! Pushed, never polled: the `PropertiesChanged` signals of whoever owns
//! `org.freedesktop.Notifications`, at `/org/freedesktop/Notifications`.
//!
//! - dunst (1.7 and later): property `paused` of interface `org.dunstproject.cmd0`
//!   (`dunstctl set-paused true`); dunst 1.9 emits `PropertiesChanged` for it on every set.
//! - KDE Plasma: property `Inhibited` of interface `org.freedesktop.Notifications`, with
//!   `PropertiesChanged`.
//! - GNOME Shell (while it is the server, as `GetServerInformation` says): the `show-banners`
//!   key of `org.gnome.desktop.notifications` off. It lives in dconf, not in the server: a
//!   change is heard as dconf's `ca.desrt.dconf.Writer.Notify` signal on the session bus (path
//!   `/ca/desrt/dconf/Writer/user`), sent by the dconf service for every write; then, and when
//!   GNOME Shell takes the name, the value is read with `gsettings get` (see [`read_banners`]).
//!
//! Any one on is [`Quiet::DoNotDisturb`]; the combined state is reported when it changes.
//! The values are read at start and whenever a server takes the name (a restarted server starts
//! afresh without announcing it); a read that fails (the server has no such property) counts as
//! off. When the server leaves the bus, do-not-disturb is off. Reads never start a
//! D-Bus-activatable server that is not running.
//!
//! Not covered, as it cannot be heard without polling or another protocol:
//! - mako: modes (`makoctl mode -a do-not-disturb`) are changed over mako's own D-Bus interface
//!   and no signal announces them.

use tokio::sync::mpsc;
use tracing::debug;
use zbus::{Connection, Message, MessageStream};

use super::dbus::{self, BusError, CALL_TIMEOUT};
use super::{PresenceEvent, Quiet};

const NAME: &str = "org.freedesktop.Notifications";
const PATH: &str = "/org/freedesktop/Notifications";
/// dunst's control interface, with `paused`.
const DUNST: &str = "org.dunstproject.cmd0";
const DUNST_PAUSED: &str = "paused";
/// The notification interface, with KDE's `Inhibited`.
const NOTIFICATIONS: &str = "org.freedesktop.Notifications";
const KDE_INHIBITED: &str = "Inhibited";
/// The dconf service, its writer of the user's database, and the signal it sends on each write.
const DCONF: &str = "ca.desrt.dconf";
const DCONF_WRITER_PATH: &str = "/ca/desrt/dconf/Writer/user";
const DCONF_WRITER: &str = "ca.desrt.dconf.Writer";
/// GNOME's do-not-disturb switch, as a dconf path, and as a `GSettings` schema and key.
const BANNERS_KEY: &str = "/org/gnome/desktop/notifications/show-banners";
const BANNERS_SCHEMA: &str = "org.gnome.desktop.notifications";
const BANNERS: &str = "show-banners";
/// What GNOME Shell answers `GetServerInformation` with, as its name.
const GNOME_SHELL: &str = "gnome-shell";

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
    tokio::spawn(follow(tracker, streams));
    Ok(())
}

/// The server's `PropertiesChanged`, its owner's changes, and dconf's writes.
type Streams = (MessageStream, MessageStream, MessageStream);

/// Feeds `tracker` the messages of the three `streams` as they come, until it stops or the
/// connection closes.
async fn follow(mut tracker: Tracker, (mut changes, mut owners, mut dconf): Streams) {
    loop {
        let going_on = tokio::select! {
            msg = dbus::next(&mut changes, "dnd") => match msg {
                Some(msg) => tracker.on_changed(&msg).await,
                None => false,
            },
            msg = dbus::next(&mut owners, "dnd") => match msg {
                Some(msg) => tracker.on_owner(&msg).await,
                None => false,
            },
            msg = dbus::next(&mut dconf, "dnd") => match msg {
                Some(msg) => tracker.on_dconf(&msg).await,
                None => false,
            },
        };
        if !going_on {
            debug!("dnd: stopped (bus connection closed or the daemon stopped listening)");
            return;
        }
    }
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
    let dconf = dbus::subscribe(
        &conn,
        DCONF,
        DCONF_WRITER_PATH,
        Some(DCONF_WRITER),
        Some("Notify"),
    )
    .await
    .map_err(BusError::call("subscribing to dconf's changes"))?;
    let mut tracker = Tracker {
        conn,
        events,
        paused: false,
        inhibited: false,
        banners_off: None,
        reported: false,
    };
    let running = dbus::has_owner(&tracker.conn, NAME)
        .await
        .map_err(BusError::call(format!("asking the session bus for {NAME}")))?;
    if running {
        tracker.read_all().await;
    }
    tracker.report().await;
    Ok((tracker, (changes, owners, dconf)))
}

/// The task's state.
struct Tracker {
    conn: Connection,
    events: mpsc::Sender<PresenceEvent>,
    /// dunst's `paused`.
    paused: bool,
    /// KDE's `Inhibited`.
    inhibited: bool,
    /// While GNOME Shell is the server (`None` otherwise): whether its `show-banners` is off.
    banners_off: Option<bool>,
    /// The combined state last reported.
    reported: bool,
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
                self.banners_off = None;
            }
            None => return true,
        }
        self.report().await
    }

    /// dconf's `Notify(prefix, changes, tag)`: a write under `prefix` of the keys `changes`
    /// (relative to it; `[""]` when the prefix is the key). Only `show-banners` is read again,
    /// and only while GNOME Shell is the server.
    async fn on_dconf(&mut self, msg: &Message) -> bool {
        let Ok((prefix, changes, _tag)) = msg.body().deserialize::<(String, Vec<String>, String)>()
        else {
            return true;
        };
        let touched = changes.iter().any(|c| {
            let key = format!("{prefix}{c}");
            // A key, or a directory above it (a reset of the whole directory).
            BANNERS_KEY.starts_with(&key) && (key.ends_with('/') || key == BANNERS_KEY)
        });
        if self.banners_off.is_none() || !touched {
            return true;
        }
        self.banners_off = Some(!read_banners().await);
        self.report().await
    }

    /// Reads both properties (a failure counts as off), and whether the server is GNOME Shell
    /// and, if it is, its `show-banners`.
    async fn read_all(&mut self) {
        let gnome;
        (self.paused, self.inhibited, gnome) = futures_util::future::join3(
            read(&self.conn, DUNST, DUNST_PAUSED),
            read(&self.conn, NOTIFICATIONS, KDE_INHIBITED),
            is_gnome_shell(&self.conn),
        )
        .await;
        self.banners_off = if gnome {
            Some(!read_banners().await)
        } else {
            None
        };
    }

    /// Reports the combined state if it differs from the last one.
    async fn report(&mut self) -> bool {
        let on = self.paused || self.inhibited || self.banners_off == Some(true);
        if on == self.reported {
            return true;
        }
        self.reported = on;
        debug!(
            on,
            paused = self.paused,
            inhibited = self.inhibited,
            banners_off = ?self.banners_off,
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

/// Whether the server's `GetServerInformation` names GNOME Shell (`false` when it cannot say).
async fn is_gnome_shell(conn: &Connection) -> bool {
    let call = conn.call_method(
        Some(NAME),
        PATH,
        Some(NOTIFICATIONS),
        "GetServerInformation",
        &(),
    );
    match dbus::bounded(call).await {
        Ok(reply) => reply
            .body()
            .deserialize::<(String, String, String, String)>()
            .is_ok_and(|(name, ..)| name == GNOME_SHELL),
        Err(e) => {
            debug!("dnd: GetServerInformation: {e}");
            false
        }
    }
}

/// GNOME's `show-banners`, read with `gsettings get org.gnome.desktop.notifications
/// show-banners`; `true` (banners shown, not quiet) when it cannot be read.
///
/// Why a child process: the dconf service has no method to read a key (readers map the
/// database file `~/.config/dconf/user`, a GVDB file, and apply the system defaults and locks
/// from `/etc/dconf` on top: a parser of both is far more code than this), and the portal's
/// `org.freedesktop.portal.Settings` needs xdg-desktop-portal, which a GNOME session may lack.
/// `gsettings` comes with `GLib` on every GNOME system, answers from the files without a bus, and
/// is run only when GNOME Shell takes the name and when dconf says the key changed: no polling,
/// and nothing at all on other desktops.
async fn read_banners() -> bool {
    let out = tokio::process::Command::new("gsettings")
        .args(["get", BANNERS_SCHEMA, BANNERS])
        .stdin(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .kill_on_drop(true)
        .output();
    match tokio::time::timeout(CALL_TIMEOUT, out).await {
        Ok(Ok(out)) if out.status.success() => {
            String::from_utf8_lossy(&out.stdout).trim() != "false"
        }
        Ok(Ok(out)) => {
            debug!(
                "dnd: gsettings get {BANNERS_SCHEMA} {BANNERS}: {}",
                out.status
            );
            true
        }
        Ok(Err(e)) => {
            debug!("dnd: cannot run gsettings: {e}");
            true
        }
        Err(_) => {
            debug!("dnd: gsettings did not answer within {CALL_TIMEOUT:?}");
            true
        }
    }
}
