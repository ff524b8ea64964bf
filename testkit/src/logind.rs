//! A fake systemd-logind (zbus) for the tests and the idle benchmark: the manager at
//! `/org/freedesktop/login1` (`GetSessionByPID`, `GetSession`, `GetUser`, `Inhibit`, the
//! `PrepareForSleep` signal), a user with a `Display` session, and a session with the `Lock` and
//! `Unlock` signals and the `LockedHint`, `IdleHint` and `IdleSinceHint` properties.
//!
//! [`Fake::start`] serves it on a private `dbus-daemon` of its own, standing in for the system
//! bus; [`Fake::serve_on`] on a bus someone else runs (the benchmark's). Either way the fake is
//! owned by the test: each test has its own, so they run in parallel.

use std::collections::HashMap;
use std::time::Duration;

use tokio::sync::mpsc;
use zbus::object_server::{InterfaceRef, SignalEmitter};
use zbus::{OwnedObjectPath, Variant};

use crate::Bus;

/// logind's well-known name.
pub const LOGIN1: &str = "org.freedesktop.login1";
/// The manager's object.
pub const MANAGER_PATH: &str = "/org/freedesktop/login1";
/// The session `GetSessionByPID` answers by default.
pub const SESSION_PATH: &str = "/org/freedesktop/login1/session/_32";
/// The user's object (uid 1000).
pub const USER_PATH: &str = "/org/freedesktop/login1/user/_1000";
/// The user's display session.
pub const DISPLAY_SESSION_PATH: &str = "/org/freedesktop/login1/session/_37";
/// The session interface.
pub const SESSION: &str = "org.freedesktop.login1.Session";
/// Bound for a call to reach the fake.
const SOON: Duration = Duration::from_secs(10);

/// What the fake manager was asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Call {
    /// `GetSessionByPID(pid)`.
    SessionByPid(u32),
    /// `GetUser(uid)`.
    User(u32),
    /// `Inhibit(what, who, why, mode)`: what, who and mode.
    Inhibit(String, String, String),
}

/// The fake `org.freedesktop.login1.Manager`.
struct Manager {
    /// What `GetSessionByPID` answers, for any pid; `None`: "not in a session".
    session: Option<&'static str>,
    calls: mpsc::UnboundedSender<Call>,
}

#[zbus::interface(name = "org.freedesktop.login1.Manager")]
impl Manager {
    #[zbus(name = "GetSessionByPID")]
    fn get_session_by_pid(&self, pid: u32) -> zbus::fdo::Result<OwnedObjectPath> {
        let _ = self.calls.send(Call::SessionByPid(pid));
        match self.session {
            Some(path) => Ok(OwnedObjectPath::try_from(path).unwrap()),
            None => Err(zbus::fdo::Error::Failed(format!(
                "PID {pid} does not belong to any known session"
            ))),
        }
    }

    #[allow(clippy::unused_self)]
    fn get_session(&self, id: &str) -> zbus::fdo::Result<OwnedObjectPath> {
        match id {
            "32" => Ok(OwnedObjectPath::try_from(SESSION_PATH).unwrap()),
            "37" => Ok(OwnedObjectPath::try_from(DISPLAY_SESSION_PATH).unwrap()),
            _ => Err(zbus::fdo::Error::Failed(format!("no session {id}"))),
        }
    }

    fn get_user(&self, uid: u32) -> OwnedObjectPath {
        let _ = self.calls.send(Call::User(uid));
        OwnedObjectPath::try_from(USER_PATH).unwrap()
    }

    /// As logind: a file descriptor that holds the lock until closed (here `/dev/null`, which
    /// nobody watches).
    fn inhibit(&self, what: &str, who: &str, why: &str, mode: &str) -> zbus::OwnedFd {
        let _ = why;
        let _ = self.calls.send(Call::Inhibit(
            what.to_owned(),
            who.to_owned(),
            mode.to_owned(),
        ));
        let file = std::fs::File::open("/dev/null").unwrap();
        zbus::OwnedFd::from(std::os::fd::OwnedFd::from(file))
    }

    #[zbus(signal)]
    async fn prepare_for_sleep(emitter: &SignalEmitter<'_>, start: bool) -> zbus::Result<()>;
}

/// The fake `org.freedesktop.login1.User`.
struct User {
    /// The `Display` property: session id and path (`("", "/")` for none).
    display: (String, OwnedObjectPath),
}

#[zbus::interface(name = "org.freedesktop.login1.User")]
impl User {
    #[zbus(property)]
    fn display(&self) -> (String, OwnedObjectPath) {
        self.display.clone()
    }
}

/// The fake `org.freedesktop.login1.Session`.
#[derive(Default)]
pub struct Session {
    /// `LockedHint`.
    pub locked: bool,
    /// `IdleHint`.
    pub idle: bool,
    /// µs since the epoch.
    pub idle_since: u64,
}

#[zbus::interface(name = "org.freedesktop.login1.Session")]
impl Session {
    #[zbus(property(emits_changed_signal = "true"))]
    fn locked_hint(&self) -> bool {
        self.locked
    }

    #[zbus(property(emits_changed_signal = "true"))]
    fn idle_hint(&self) -> bool {
        self.idle
    }

    #[zbus(property(emits_changed_signal = "true"))]
    fn idle_since_hint(&self) -> u64 {
        self.idle_since
    }

    #[zbus(signal)]
    async fn lock(emitter: &SignalEmitter<'_>) -> zbus::Result<()>;

    #[zbus(signal)]
    async fn unlock(emitter: &SignalEmitter<'_>) -> zbus::Result<()>;
}

/// How the fake starts.
pub struct Setup {
    /// What `GetSessionByPID` answers.
    pub own_session: Option<&'static str>,
    /// The user's `Display` session path (`"/"` for none).
    pub display: &'static str,
    /// The session's initial properties.
    pub session: Session,
}

impl Default for Setup {
    fn default() -> Self {
        Setup {
            own_session: Some(SESSION_PATH),
            display: DISPLAY_SESSION_PATH,
            session: Session::default(),
        }
    }
}

/// The fake logind on a bus.
pub struct Fake {
    /// The bus, when the fake started it (stopped on drop).
    bus: Option<Bus>,
    /// The bus's address, for `DBUS_SYSTEM_BUS_ADDRESS`.
    pub address: String,
    conn: zbus::Connection,
    calls: mpsc::UnboundedReceiver<Call>,
    /// Where the session object is.
    session_path: &'static str,
}

impl Fake {
    /// Starts a private bus and serves the fake on it.
    pub async fn start(setup: Setup) -> Fake {
        let bus = Bus::start();
        let mut fake = Fake::serve_on(&bus.address, setup).await;
        fake.bus = Some(bus);
        fake
    }

    /// Serves the fake on the bus at `address`, which the caller runs.
    pub async fn serve_on(address: &str, setup: Setup) -> Fake {
        let (tx, rx) = mpsc::unbounded_channel();
        let session_path = setup.own_session.unwrap_or(setup.display);
        let display_id = match setup.display {
            "/" => String::new(),
            _ => "37".to_owned(),
        };
        let conn = zbus::connection::Builder::address(address)
            .serve_at(
                MANAGER_PATH,
                Manager {
                    session: setup.own_session,
                    calls: tx,
                },
            )
            .serve_at(
                USER_PATH,
                User {
                    display: (
                        display_id,
                        OwnedObjectPath::try_from(setup.display).unwrap(),
                    ),
                },
            )
            .serve_at(session_path, setup.session)
            .name(LOGIN1)
            .build();
        let conn = tokio::time::timeout(SOON, conn)
            .await
            .expect("the fake logind did not get on the bus in time")
            .expect("cannot start the fake logind");
        Fake {
            bus: None,
            address: address.to_owned(),
            conn,
            calls: rx,
            session_path,
        }
    }

    /// A connection to the fake's bus, for a source under test.
    pub async fn client(&self) -> zbus::Connection {
        zbus::connection::Builder::address(self.address.as_str())
            .build()
            .await
            .expect("cannot connect to the test bus")
    }

    async fn session(&self) -> InterfaceRef<Session> {
        self.conn
            .object_server()
            .interface::<_, Session>(self.session_path)
            .await
            .unwrap()
    }

    /// Emits the manager's `PrepareForSleep(start)`.
    pub async fn prepare_for_sleep(&self, start: bool) {
        let emitter = SignalEmitter::new(&self.conn, MANAGER_PATH).unwrap();
        Manager::prepare_for_sleep(&emitter, start).await.unwrap();
    }

    /// Emits the session's `Lock` (`true`) or `Unlock` (`false`).
    pub async fn lock_signal(&self, lock: bool) {
        let session = self.session().await;
        let emitter = session.signal_emitter();
        if lock {
            Session::lock(emitter).await.unwrap();
        } else {
            Session::unlock(emitter).await.unwrap();
        }
    }

    /// Sets `LockedHint` and emits `PropertiesChanged` for it.
    pub async fn set_locked_hint(&self, locked: bool) {
        let session = self.session().await;
        session.get_mut().await.locked = locked;
        session
            .get()
            .await
            .locked_hint_changed(session.signal_emitter())
            .await
            .unwrap();
    }

    /// Sets `IdleHint` and `IdleSinceHint`; `together`: one `PropertiesChanged` with both (as
    /// logind does), otherwise one with `IdleHint` only.
    pub async fn set_idle_hint(&self, idle: bool, since_us: u64, together: bool) {
        let session = self.session().await;
        {
            let mut s = session.get_mut().await;
            s.idle = idle;
            s.idle_since = since_us;
        }
        let mut changed = HashMap::from([("IdleHint", Variant::from(idle))]);
        if together {
            changed.insert("IdleSinceHint", Variant::from(since_us));
        }
        zbus::fdo::Properties::properties_changed(
            session.signal_emitter(),
            SESSION.try_into().unwrap(),
            changed,
            (&[][..]).into(),
        )
        .await
        .unwrap();
    }

    /// The next call the fake manager got, within a few seconds.
    pub async fn next_call(&mut self) -> Call {
        match tokio::time::timeout(SOON, self.calls.recv()).await {
            Ok(Some(call)) => call,
            other => panic!("no call to the fake logind within {SOON:?}: {other:?}"),
        }
    }
}
