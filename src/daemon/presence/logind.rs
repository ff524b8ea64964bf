//! Suspend, screen lock and (as the idle source of last resort) idle, from systemd-logind on the
//! system bus. Everything here is pushed: the task sleeps until logind sends a signal.
//!
//! - Suspend: the manager's `PrepareForSleep(true)` before the machine sleeps, `(false)` after
//!   it wakes: [`Away::Asleep`] then back. A *delay* inhibitor lock (`Inhibit("sleep", ...,
//!   "delay")`) is held while awake and released as soon as `PrepareForSleep(true)` has been
//!   handled, so that the task runs, and takes the time, before the machine goes down; without
//!   it the signal could be read only after the resume, and the time asleep would be lost. If
//!   logind refuses the lock, everything else still works. (While the daemon's channel is full
//!   the lock is held longer, which logind caps at `InhibitDelayMaxSec`, 5 s by default.)
//! - Lock: the session's `Lock`/`Unlock` signals (logind asking the screen locker to act) and its
//!   `LockedHint` property (the locker reporting the screen locked), through `PropertiesChanged`:
//!   [`Away::Locked`] and back. Both report the same state, which is reported once per change.
//! - Idle, only when logind is the chosen idle source: the session's `IdleHint`, which the
//!   desktop sets after its own idle delay, with `IdleSinceHint` (µs since the epoch) as the
//!   time the user left: [`Away::Idle`] and back.
//!
//! Which session: the one this process belongs to (`GetSessionByPID`), when it was started from
//! a session; otherwise (under `systemd --user`, which belongs to the user but to no session)
//! the user's *display* session, the `Display` property of the user object (`GetUser(uid)`),
//! which is the user's graphical session. The session is resolved once at start, so a new login
//! needs a new daemon (the shipped user unit is `PartOf=graphical-session.target`, so it stops
//! with the session and starts with the next).

use chrono::{DateTime, Utc};
use tokio::sync::mpsc;
use tracing::{debug, info};
use zbus::{Connection, Message, OwnedFd, OwnedObjectPath, proxy};

use super::dbus::{self, Bus, BusError, CALL_TIMEOUT, Streams};
use super::{Away, PresenceEvent};

const LOGIN1: &str = "org.freedesktop.login1";
const MANAGER_PATH: &str = "/org/freedesktop/login1";
const MANAGER: &str = "org.freedesktop.login1.Manager";
const USER: &str = "org.freedesktop.login1.User";
const SESSION: &str = "org.freedesktop.login1.Session";

#[proxy(
    interface = "org.freedesktop.login1.Manager",
    default_service = "org.freedesktop.login1",
    default_path = "/org/freedesktop/login1"
)]
trait Manager {
    #[zbus(name = "GetSessionByPID")]
    fn get_session_by_pid(&self, pid: u32) -> zbus::Result<OwnedObjectPath>;

    fn get_user(&self, uid: u32) -> zbus::Result<OwnedObjectPath>;

    fn inhibit(&self, what: &str, who: &str, why: &str, mode: &str) -> zbus::Result<OwnedFd>;
}

/// Connects to the system bus (`DBUS_SYSTEM_BUS_ADDRESS` when set), finds this user's session
/// and spawns a task that forwards suspend, lock and, when `idle` is true, idle changes to
/// `events` (see the module documentation). The initial locked and idle state is reported if it
/// is true. Fails within a few seconds, with the reason, when there is no system bus, no logind
/// or no session. Must be called inside the tokio runtime.
pub async fn start(events: mpsc::Sender<PresenceEvent>, idle: bool) -> Result<(), BusError> {
    start_on(dbus::connect(Bus::System).await?, events, idle).await
}

/// [`start`] on a connection the caller made (a test's private bus standing in for the system
/// bus).
pub async fn start_on(
    conn: Connection,
    events: mpsc::Sender<PresenceEvent>,
    idle: bool,
) -> Result<(), BusError> {
    let (tracker, streams) = tokio::time::timeout(CALL_TIMEOUT, setup(conn, events, idle))
        .await
        .map_err(|_| BusError::Timeout { who: "logind" })??;
    tokio::spawn(dbus::follow(tracker, streams));
    Ok(())
}

/// Everything before the task: checks, session, subscriptions, initial state.
async fn setup(
    conn: Connection,
    events: mpsc::Sender<PresenceEvent>,
    idle: bool,
) -> Result<(Tracker, Streams), BusError> {
    if !dbus::has_owner(&conn, LOGIN1)
        .await
        .map_err(BusError::call(format!(
            "asking the system bus for {LOGIN1}"
        )))?
    {
        return Err(BusError::Absent {
            name: LOGIN1,
            bus: Bus::System,
            hint: " (not systemd-logind?)",
        });
    }
    let manager = ManagerProxy::builder(&conn)
        .cache_properties(zbus::proxy::CacheProperties::No)
        .build()
        .await
        .map_err(BusError::call("logind"))?;
    let session = find_session(&conn, &manager).await?;
    info!(session = %session.as_str(), "logind: following the session");

    // Subscribed before the initial values are read, so that no change falls in between.
    let sleep = dbus::subscribe(
        &conn,
        LOGIN1,
        MANAGER_PATH,
        Some(MANAGER),
        Some("PrepareForSleep"),
    )
    .await
    .map_err(BusError::call("subscribing to logind's PrepareForSleep"))?;
    let signals = dbus::subscribe(&conn, LOGIN1, session.as_str(), None, None)
        .await
        .map_err(BusError::call("subscribing to the session's signals"))?;

    let mut tracker = Tracker {
        conn,
        manager,
        events,
        session,
        idle,
        reported: Reported::default(),
        inhibitor: None,
    };
    tracker.inhibit().await;
    if let Some(true) = tracker.read_bool("LockedHint").await {
        tracker.set_locked(true).await;
    }
    if idle && let Some(true) = tracker.read_bool("IdleHint").await {
        let since = tracker.read_u64("IdleSinceHint").await;
        tracker.set_idle(true, since).await;
    }
    Ok((tracker, (sleep, signals)))
}

/// The session to follow: ours, or else the user's display session.
async fn find_session(
    conn: &Connection,
    manager: &ManagerProxy<'_>,
) -> Result<OwnedObjectPath, BusError> {
    match manager.get_session_by_pid(std::process::id()).await {
        Ok(path) => return Ok(path),
        Err(e) => debug!("logind: not in a session ({e}); looking for the display session"),
    }
    let uid = dbus::own_uid(conn)
        .await
        .map_err(BusError::call("asking the system bus for our uid"))?;
    let user = manager
        .get_user(uid)
        .await
        .map_err(BusError::call(format!("logind does not know user {uid}")))?;
    let display = dbus::get_property(conn, LOGIN1, user.as_str(), USER, "Display")
        .await
        .map_err(BusError::call(format!(
            "reading user {uid}'s display session"
        )))?;
    let (id, path) = <(String, OwnedObjectPath)>::try_from(display)
        .map_err(BusError::call(format!("user {uid}'s Display property")))?;
    if id.is_empty() || path.as_str() == "/" {
        return Err(BusError::NoSession { uid });
    }
    Ok(path)
}

/// The state last reported.
#[derive(Default)]
struct Reported {
    locked: bool,
    idle: bool,
    asleep: bool,
}

/// The task's state.
struct Tracker {
    conn: Connection,
    manager: ManagerProxy<'static>,
    events: mpsc::Sender<PresenceEvent>,
    session: OwnedObjectPath,
    /// Whether to report `IdleHint`.
    idle: bool,
    /// The state last reported.
    reported: Reported,
    /// The delay lock on sleep, held while awake.
    inhibitor: Option<OwnedFd>,
}

/// First `PrepareForSleep` from the manager, second every signal from the session object.
impl dbus::Follow for Tracker {
    const NAME: &'static str = "logind";

    async fn first(&mut self, msg: &Message) -> bool {
        self.on_sleep(msg).await
    }

    async fn second(&mut self, msg: &Message) -> bool {
        self.on_session(msg).await
    }
}

impl Tracker {
    /// `PrepareForSleep(start)`.
    async fn on_sleep(&mut self, msg: &Message) -> bool {
        let Ok(start) = msg.body().deserialize::<bool>() else {
            return true;
        };
        if start {
            let going_on = if self.reported.asleep {
                true
            } else {
                self.reported.asleep = true;
                self.send(PresenceEvent::Away {
                    reason: Away::Asleep,
                    since: Utc::now(),
                })
                .await
            };
            // The time is taken: let the machine sleep.
            self.inhibitor = None;
            going_on
        } else {
            self.inhibit().await;
            if !self.reported.asleep {
                return true;
            }
            self.reported.asleep = false;
            self.send(PresenceEvent::Back {
                reason: Away::Asleep,
                at: Utc::now(),
            })
            .await
        }
    }

    /// A signal from the session object: `Lock`, `Unlock` or `PropertiesChanged`.
    async fn on_session(&mut self, msg: &Message) -> bool {
        if dbus::is(msg, SESSION, "Lock") {
            return self.set_locked(true).await;
        }
        if dbus::is(msg, SESSION, "Unlock") {
            return self.set_locked(false).await;
        }
        let Some(change) = dbus::properties_changed(msg) else {
            return true;
        };
        if change.interface != SESSION {
            return true;
        }
        if change.touches("LockedHint") {
            let locked = match change.bool("LockedHint") {
                Some(locked) => Some(locked),
                None => self.read_bool("LockedHint").await,
            };
            if let Some(locked) = locked
                && !self.set_locked(locked).await
            {
                return false;
            }
        }
        if self.idle && change.touches("IdleHint") {
            let idle = match change.bool("IdleHint") {
                Some(idle) => Some(idle),
                None => self.read_bool("IdleHint").await,
            };
            // logind sends IdleSinceHint in the same signal; read it if a service did not.
            let since = match change
                .values
                .get("IdleSinceHint")
                .and_then(|v| u64::try_from(v).ok())
            {
                Some(since) => Some(since),
                None => self.read_u64("IdleSinceHint").await,
            };
            if let Some(idle) = idle {
                return self.set_idle(idle, since).await;
            }
        }
        true
    }

    /// Reports a lock state that differs from the last one.
    async fn set_locked(&mut self, locked: bool) -> bool {
        if locked == self.reported.locked {
            return true;
        }
        self.reported.locked = locked;
        let now = Utc::now();
        self.send(if locked {
            PresenceEvent::Away {
                reason: Away::Locked,
                since: now,
            }
        } else {
            PresenceEvent::Back {
                reason: Away::Locked,
                at: now,
            }
        })
        .await
    }

    /// Reports an idle state that differs from the last one; `hint` is `IdleSinceHint`, the time
    /// of the change in µs since the epoch (0 or missing: now).
    async fn set_idle(&mut self, idle: bool, hint: Option<u64>) -> bool {
        if idle == self.reported.idle {
            return true;
        }
        self.reported.idle = idle;
        let at = hint_time(hint, Utc::now());
        self.send(if idle {
            PresenceEvent::Away {
                reason: Away::Idle,
                since: at,
            }
        } else {
            PresenceEvent::Back {
                reason: Away::Idle,
                at,
            }
        })
        .await
    }

    async fn send(&self, event: PresenceEvent) -> bool {
        debug!(?event, "logind");
        self.events.send(event).await.is_ok()
    }

    /// Takes the delay lock on sleep, unless it is held; logs a refusal.
    async fn inhibit(&mut self) {
        if self.inhibitor.is_some() {
            return;
        }
        let call = self
            .manager
            .inhibit("sleep", "stretchd", "Notes when a break starts", "delay");
        match dbus::bounded(call).await {
            Ok(fd) => self.inhibitor = Some(fd),
            Err(e) => debug!("logind: no delay lock on sleep ({e}); the suspend time may be late"),
        }
    }

    async fn read(&self, name: &str) -> Option<zbus::OwnedVariant> {
        dbus::get_property(&self.conn, LOGIN1, self.session.as_str(), SESSION, name)
            .await
            .inspect_err(|e| debug!("logind: reading the session's {name}: {e}"))
            .ok()
    }

    async fn read_bool(&self, name: &str) -> Option<bool> {
        bool::try_from(self.read(name).await?).ok()
    }

    async fn read_u64(&self, name: &str) -> Option<u64> {
        u64::try_from(self.read(name).await?).ok()
    }
}

/// The time `hint` (µs since the epoch) stands for, no later than `now`; `now` for 0 or none.
fn hint_time(hint: Option<u64>, now: DateTime<Utc>) -> DateTime<Utc> {
    hint.filter(|&us| us != 0)
        .and_then(|us| i64::try_from(us).ok())
        .and_then(DateTime::from_timestamp_micros)
        .map_or(now, |t| t.min(now))
}
