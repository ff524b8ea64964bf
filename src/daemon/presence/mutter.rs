//! Idle from GNOME's Mutter, over the session bus: `org.gnome.Mutter.IdleMonitor` at
//! `/org/gnome/Mutter/IdleMonitor/Core`. Pushed, never polled.
//!
//! One *idle watch* of the natural-break length is added for the life of the task: Mutter fires
//! it (`WatchFired(id)`) each time the user's idle time crosses the interval, which is
//! [`Away::Idle`] since the last input (now minus the interval). Then a *user-active watch* is
//! added, which Mutter fires once, on the next input, and removes by itself: back. Idle time
//! that had already passed the interval when the task started is read once (`GetIdletime`), as
//! Mutter does not fire a watch for a crossing that is over.
//!
//! Mutter drops a client's watches when the client leaves the bus, and forgets all of them when
//! it restarts (X11 `Alt+F2 r`): a new owner of the name gets a new idle watch, and the user
//! counts as back.
//!
//! A pause in typing ([`LullWatch`], for a reminder that falls due while the user types) is a
//! second idle watch of the lull's length, added only when a reminder is due and removed after:
//! `GetIdletime` tells at once whether the user has paused that long already, and its
//! `WatchFired` when they do.

use std::time::Duration;

use chrono::{TimeDelta, Utc};
use tokio::sync::{mpsc, oneshot};
use tracing::{debug, warn};
use zbus::{Connection, Message, proxy};

use super::dbus::{self, BusError, CALL_TIMEOUT, Streams};
use super::{Away, PresenceEvent};

const NAME: &str = "org.gnome.Mutter.IdleMonitor";
const PATH: &str = "/org/gnome/Mutter/IdleMonitor/Core";
const INTERFACE: &str = "org.gnome.Mutter.IdleMonitor";

#[proxy(
    interface = "org.gnome.Mutter.IdleMonitor",
    default_service = "org.gnome.Mutter.IdleMonitor",
    default_path = "/org/gnome/Mutter/IdleMonitor/Core"
)]
trait IdleMonitor {
    fn get_idletime(&self) -> zbus::Result<u64>;

    fn add_idle_watch(&self, interval: u64) -> zbus::Result<u32>;

    fn add_user_active_watch(&self) -> zbus::Result<u32>;

    fn remove_watch(&self, id: u32) -> zbus::Result<()>;
}

/// On the session-bus connection `conn`, spawns a task that reports idle periods of at least
/// `natural_break` to `events` (see the module documentation). Fails when nobody owns
/// `org.gnome.Mutter.IdleMonitor` (not a GNOME session) or the watch cannot be added. Must be
/// called inside the tokio runtime.
pub async fn start_on(
    conn: Connection,
    events: mpsc::Sender<PresenceEvent>,
    natural_break: Duration,
) -> Result<LullWatch, BusError> {
    let lull = LullWatch {
        conn: conn.clone(),
        events: events.clone(),
        armed: super::Armed::default(),
    };
    let (tracker, streams) = tokio::time::timeout(CALL_TIMEOUT, setup(conn, events, natural_break))
        .await
        .map_err(|_| BusError::Timeout { who: NAME })??;
    tokio::spawn(dbus::follow(tracker, streams));
    Ok(lull)
}

/// The watch for a pause in typing ([`super::WatchLull`]): each armed watch is a task that adds
/// an idle watch of the lull's length on the source's connection, reports whether the user is
/// idle that long already (`GetIdletime`) and when they are (`WatchFired`), and removes the
/// watch when it is disarmed.
#[derive(Debug)]
pub struct LullWatch {
    conn: Connection,
    events: mpsc::Sender<PresenceEvent>,
    armed: super::Armed,
}

impl super::WatchLull for LullWatch {
    fn lead(&self, _lull: Duration) -> Duration {
        Duration::ZERO
    }

    fn arm(&mut self, watch: u32, lull: Duration) {
        let stopped = self.armed.rearm();
        tokio::spawn(watch_lull(
            self.conn.clone(),
            self.events.clone(),
            watch,
            lull,
            stopped,
        ));
    }

    fn disarm(&mut self) {
        self.armed.end();
    }
}

/// The task of lull watch number `watch`: see [`LullWatch`]. Its set-up is not cut short by
/// `stop` (it is bounded), so that a watch Mutter added is always removed.
async fn watch_lull(
    conn: Connection,
    events: mpsc::Sender<PresenceEvent>,
    watch: u32,
    lull: Duration,
    mut stop: oneshot::Receiver<()>,
) {
    let reached = || {
        events.send(PresenceEvent::Lull {
            watch,
            reached: true,
        })
    };
    let interval = u64::try_from(lull.as_millis()).unwrap_or(u64::MAX).max(1);
    let setup = async {
        // Subscribed before the watch exists, so that its first firing is queued.
        let fired = dbus::subscribe(&conn, NAME, PATH, Some(INTERFACE), Some("WatchFired"))
            .await
            .map_err(BusError::call(format!(
                "subscribing to {NAME}'s WatchFired"
            )))?;
        let monitor = IdleMonitorProxy::builder(&conn)
            .cache_properties(zbus::proxy::CacheProperties::No)
            .build()
            .await
            .map_err(BusError::call(NAME))?;
        let id = dbus::bounded(monitor.add_idle_watch(interval))
            .await
            .map_err(BusError::call(format!("{NAME}.AddIdleWatch")))?;
        Ok::<_, BusError>((fired, monitor, id))
    };
    let (mut fired, monitor, id) = match setup.await {
        Ok(set) => set,
        Err(e) => {
            warn!("mutter: cannot watch for a pause in typing: {e}; the reminder shows now");
            let _ = reached().await;
            return;
        }
    };
    debug!(
        watch,
        id, interval, "mutter: watching for a pause in typing"
    );
    // Paused that long already: the watch fires only at the next crossing.
    match dbus::bounded(monitor.get_idletime()).await {
        Ok(ms) if ms >= interval => {
            let _ = reached().await;
        }
        Ok(_) => {}
        Err(e) => debug!("mutter: GetIdletime: {e}"),
    }
    loop {
        tokio::select! {
            msg = dbus::next(&mut fired, "mutter") => match msg {
                Some(msg) if msg.body().deserialize::<u32>().ok() == Some(id) => {
                    if reached().await.is_err() {
                        break;
                    }
                }
                Some(_) => {}
                None => break,
            },
            _ = &mut stop => break,
        }
    }
    if let Err(e) = dbus::bounded(monitor.remove_watch(id)).await {
        debug!("mutter: RemoveWatch({id}): {e}");
    }
}

async fn setup(
    conn: Connection,
    events: mpsc::Sender<PresenceEvent>,
    natural_break: Duration,
) -> Result<(Tracker, Streams), BusError> {
    // Subscribed before the watch exists, so that its first firing is queued.
    let (fired, owners) =
        dbus::follow_service(&conn, NAME, PATH, INTERFACE, "WatchFired", " (not GNOME?)").await?;
    let monitor = IdleMonitorProxy::builder(&conn)
        .cache_properties(zbus::proxy::CacheProperties::No)
        .build()
        .await
        .map_err(BusError::call(NAME))?;
    let mut tracker = Tracker {
        monitor,
        events,
        natural_break,
        interval_ms: u64::try_from(natural_break.as_millis())
            .unwrap_or(u64::MAX)
            .max(1),
        idle_watch: None,
        active_watch: None,
        away: false,
    };
    let id = tracker
        .monitor
        .add_idle_watch(tracker.interval_ms)
        .await
        .map_err(BusError::call(format!("{NAME}.AddIdleWatch")))?;
    tracker.idle_watch = Some(id);
    // Already idle for longer than a break (the watch only fires on the next crossing).
    match tracker.monitor.get_idletime().await {
        Ok(ms) if ms >= tracker.interval_ms => {
            let now = Utc::now();
            let since = i64::try_from(ms)
                .ok()
                .and_then(TimeDelta::try_milliseconds)
                .and_then(|idle| now.checked_sub_signed(idle))
                .unwrap_or(now);
            tracker.went_away(since).await;
        }
        Ok(_) => {}
        Err(e) => debug!("mutter: GetIdletime: {e}"),
    }
    Ok((tracker, (fired, owners)))
}

/// The task's state.
struct Tracker {
    monitor: IdleMonitorProxy<'static>,
    events: mpsc::Sender<PresenceEvent>,
    natural_break: Duration,
    interval_ms: u64,
    /// The idle watch of the natural-break length, while Mutter has it.
    idle_watch: Option<u32>,
    /// The one-shot user-active watch, while the user is away.
    active_watch: Option<u32>,
    /// The state last reported.
    away: bool,
}

/// First `WatchFired`, second the name's owner changes.
impl dbus::Follow for Tracker {
    const NAME: &'static str = "mutter";

    async fn first(&mut self, msg: &Message) -> bool {
        self.on_fired(msg).await
    }

    async fn second(&mut self, msg: &Message) -> bool {
        self.on_owner(msg).await
    }
}

impl Tracker {
    /// `WatchFired(id)`.
    async fn on_fired(&mut self, msg: &Message) -> bool {
        let Ok(id) = msg.body().deserialize::<u32>() else {
            return true;
        };
        if Some(id) == self.idle_watch {
            let since = TimeDelta::from_std(self.natural_break)
                .ok()
                .and_then(|d| Utc::now().checked_sub_signed(d))
                .unwrap_or_else(Utc::now);
            self.went_away(since).await
        } else if Some(id) == self.active_watch {
            self.active_watch = None;
            self.came_back().await
        } else {
            true
        }
    }

    /// `NameOwnerChanged`: Mutter restarted (or left), and took its watches with it.
    async fn on_owner(&mut self, msg: &Message) -> bool {
        let Some(owned) = dbus::owned_now(msg) else {
            return true;
        };
        self.idle_watch = None;
        self.active_watch = None;
        if !self.came_back().await {
            return false;
        }
        if owned {
            match dbus::bounded(self.monitor.add_idle_watch(self.interval_ms)).await {
                Ok(id) => self.idle_watch = Some(id),
                Err(e) => warn!("mutter: re-adding the idle watch after a restart: {e}"),
            }
        }
        true
    }

    /// Reports the user away since `since` and watches for their return.
    async fn went_away(&mut self, since: chrono::DateTime<Utc>) -> bool {
        if self.away {
            return true;
        }
        self.away = true;
        if !self
            .send(PresenceEvent::Away {
                reason: Away::Idle,
                since,
            })
            .await
        {
            return false;
        }
        match dbus::bounded(self.monitor.add_user_active_watch()).await {
            Ok(id) => self.active_watch = Some(id),
            Err(e) => {
                // Nothing would tell the return: say back now rather than stay away.
                warn!("mutter: AddUserActiveWatch: {e}");
                return self.came_back().await;
            }
        }
        // Input between the idle watch firing and the active watch being added fires nothing:
        // check once that the user is still idle. (Half the interval, not all of it: a watch
        // that fired a millisecond early must not count as a return.)
        if let Ok(ms) = dbus::bounded(self.monitor.get_idletime()).await
            && ms < self.interval_ms / 2
        {
            if let Some(id) = self.active_watch.take()
                && let Err(e) = dbus::bounded(self.monitor.remove_watch(id)).await
            {
                debug!("mutter: RemoveWatch({id}): {e}");
            }
            return self.came_back().await;
        }
        true
    }

    /// Reports the user back, if they were away.
    async fn came_back(&mut self) -> bool {
        if !self.away {
            return true;
        }
        self.away = false;
        self.send(PresenceEvent::Back {
            reason: Away::Idle,
            at: Utc::now(),
        })
        .await
    }

    async fn send(&self, event: PresenceEvent) -> bool {
        debug!(?event, "mutter");
        self.events.send(event).await.is_ok()
    }
}
