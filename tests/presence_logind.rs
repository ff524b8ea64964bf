//! The logind presence source against a fake logind (zbus) on a private `dbus-daemon` standing in
//! for the system bus: `PrepareForSleep`, `Lock`/`Unlock`, `LockedHint`, `IdleHint` with
//! `IdleSinceHint`, and how the session is found.
//!
//! The source is started with [`stretchd::presence::logind::start_on`] on a connection to the
//! test's bus, so that no test sets `DBUS_SYSTEM_BUS_ADDRESS` in the (shared) process
//! environment. Each test has its own bus and fake, so they run in parallel. Every wait is
//! bounded; an event that must not come is shown absent by the next one that must.

mod common;

use std::collections::HashMap;
use std::os::unix::fs::MetadataExt as _;
use std::time::Duration;

use chrono::{DateTime, Utc};
use stretchd::presence::logind;
use stretchd::presence::{Away, PresenceEvent};
use tokio::sync::mpsc;
use zbus::object_server::{InterfaceRef, SignalEmitter};
use zbus::{OwnedObjectPath, Variant};

use common::Bus;

const LOGIN1: &str = "org.freedesktop.login1";
const MANAGER_PATH: &str = "/org/freedesktop/login1";
const SESSION_PATH: &str = "/org/freedesktop/login1/session/_32";
const USER_PATH: &str = "/org/freedesktop/login1/user/_1000";
const DISPLAY_SESSION_PATH: &str = "/org/freedesktop/login1/session/_37";
const SESSION: &str = "org.freedesktop.login1.Session";
/// Bound for anything that should happen at once.
const SOON: Duration = Duration::from_secs(10);

/// What the fake manager was asked.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Call {
    SessionByPid(u32),
    User(u32),
    /// `Inhibit(what, who, why, mode)`: what, who and mode.
    Inhibit(String, String, String),
}

/// The fake `org.freedesktop.login1.Manager`.
struct Manager {
    /// What `GetSessionByPID` answers; `None`: "not in a session".
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
struct Session {
    locked: bool,
    idle: bool,
    idle_since: u64,
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
struct Setup {
    /// What `GetSessionByPID` answers.
    own_session: Option<&'static str>,
    /// The user's `Display` session path (`"/"` for none).
    display: &'static str,
    /// The session's initial properties.
    session: Session,
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

/// A private bus with the fake logind on it.
struct Fake {
    bus: Bus,
    conn: zbus::Connection,
    calls: mpsc::UnboundedReceiver<Call>,
    /// Where the session object is.
    session_path: &'static str,
}

impl Fake {
    async fn start(setup: Setup) -> Fake {
        let bus = Bus::start();
        let (tx, rx) = mpsc::unbounded_channel();
        let session_path = setup.own_session.unwrap_or(setup.display);
        let display_id = match setup.display {
            "/" => String::new(),
            _ => "37".to_owned(),
        };
        let conn = zbus::connection::Builder::address(bus.address.as_str())
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
            .build()
            .await
            .expect("cannot start the fake logind");
        Fake {
            bus,
            conn,
            calls: rx,
            session_path,
        }
    }

    /// A connection to the test bus for the source under test.
    async fn client(&self) -> zbus::Connection {
        zbus::connection::Builder::address(self.bus.address.as_str())
            .build()
            .await
            .expect("cannot connect to the test bus")
    }

    /// Starts the source on its own connection; returns its events.
    async fn source(&self, idle: bool) -> mpsc::Receiver<PresenceEvent> {
        let (tx, rx) = mpsc::channel(16);
        logind::start_on(self.client().await, tx, idle)
            .await
            .expect("the logind source did not start");
        rx
    }

    async fn session(&self) -> InterfaceRef<Session> {
        self.conn
            .object_server()
            .interface::<_, Session>(self.session_path)
            .await
            .unwrap()
    }

    async fn prepare_for_sleep(&self, start: bool) {
        let emitter = SignalEmitter::new(&self.conn, MANAGER_PATH).unwrap();
        Manager::prepare_for_sleep(&emitter, start).await.unwrap();
    }

    async fn lock_signal(&self, lock: bool) {
        let session = self.session().await;
        let emitter = session.signal_emitter();
        if lock {
            Session::lock(emitter).await.unwrap();
        } else {
            Session::unlock(emitter).await.unwrap();
        }
    }

    /// Sets `LockedHint` and emits `PropertiesChanged` for it.
    async fn set_locked_hint(&self, locked: bool) {
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
    async fn set_idle_hint(&self, idle: bool, since_us: u64, together: bool) {
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

    /// The next call the fake manager got, within [`SOON`].
    async fn next_call(&mut self) -> Call {
        match tokio::time::timeout(SOON, self.calls.recv()).await {
            Ok(Some(call)) => call,
            other => panic!("no call to the fake logind within {SOON:?}: {other:?}"),
        }
    }
}

/// The next event from the source, within [`SOON`].
async fn next(events: &mut mpsc::Receiver<PresenceEvent>) -> PresenceEvent {
    match tokio::time::timeout(SOON, events.recv()).await {
        Ok(Some(event)) => event,
        Ok(None) => panic!("the logind source stopped"),
        Err(elapsed) => panic!("no presence event within {SOON:?}: {elapsed}"),
    }
}

/// Asserts `event` is `Away { reason, since }` with `since` within `[before, now]`.
fn assert_away_now(event: PresenceEvent, reason: Away, before: DateTime<Utc>) {
    match event {
        PresenceEvent::Away { reason: r, since } if r == reason => {
            assert!(
                since >= before && since <= Utc::now(),
                "{event:?}: since is not the time of the change (after {before})"
            );
        }
        other => panic!("expected Away {{ {reason:?} }}, got {other:?}"),
    }
}

/// Asserts `event` is `Back { reason, at }` with `at` within `[before, now]`.
fn assert_back_now(event: PresenceEvent, reason: Away, before: DateTime<Utc>) {
    match event {
        PresenceEvent::Back { reason: r, at } if r == reason => {
            assert!(
                at >= before && at <= Utc::now(),
                "{event:?}: at is not the time of the change (after {before})"
            );
        }
        other => panic!("expected Back {{ {reason:?} }}, got {other:?}"),
    }
}

fn micros(t: DateTime<Utc>) -> u64 {
    u64::try_from(t.timestamp_micros()).unwrap()
}

#[tokio::test]
async fn prepare_for_sleep_reports_asleep_then_back_and_holds_a_delay_lock_while_awake() {
    let mut fake = Fake::start(Setup::default()).await;
    let mut events = fake.source(false).await;
    assert_eq!(
        fake.next_call().await,
        Call::SessionByPid(std::process::id())
    );
    let inhibit = Call::Inhibit(
        "sleep".to_owned(),
        "stretchd".to_owned(),
        "delay".to_owned(),
    );
    assert_eq!(fake.next_call().await, inhibit);

    let before = Utc::now();
    fake.prepare_for_sleep(true).await;
    assert_away_now(next(&mut events).await, Away::Asleep, before);

    let before = Utc::now();
    fake.prepare_for_sleep(false).await;
    assert_back_now(next(&mut events).await, Away::Asleep, before);
    // The lock, released for the suspend, is taken again after the resume.
    assert_eq!(fake.next_call().await, inhibit);

    // A second cycle works the same way.
    fake.prepare_for_sleep(true).await;
    assert!(matches!(
        next(&mut events).await,
        PresenceEvent::Away {
            reason: Away::Asleep,
            ..
        }
    ));
    fake.prepare_for_sleep(false).await;
    assert!(matches!(
        next(&mut events).await,
        PresenceEvent::Back {
            reason: Away::Asleep,
            ..
        }
    ));
}

#[tokio::test]
async fn lock_and_unlock_signals_and_locked_hint_report_locked_once_per_change() {
    let fake = Fake::start(Setup::default()).await;
    let mut events = fake.source(false).await;

    // logind's Lock, then the locker's LockedHint: one change, one event.
    let before = Utc::now();
    fake.lock_signal(true).await;
    fake.set_locked_hint(true).await;
    assert_away_now(next(&mut events).await, Away::Locked, before);
    let before = Utc::now();
    fake.lock_signal(false).await;
    fake.set_locked_hint(false).await;
    // Had the LockedHint repeated the Lock, this would be a second Away.
    assert_back_now(next(&mut events).await, Away::Locked, before);

    // LockedHint alone (a locker that logind did not ask).
    let before = Utc::now();
    fake.set_locked_hint(true).await;
    assert_away_now(next(&mut events).await, Away::Locked, before);
    let before = Utc::now();
    fake.set_locked_hint(false).await;
    assert_back_now(next(&mut events).await, Away::Locked, before);

    // The signals alone.
    fake.lock_signal(true).await;
    assert!(matches!(
        next(&mut events).await,
        PresenceEvent::Away {
            reason: Away::Locked,
            ..
        }
    ));
    fake.lock_signal(false).await;
    assert!(matches!(
        next(&mut events).await,
        PresenceEvent::Back {
            reason: Away::Locked,
            ..
        }
    ));
}

#[tokio::test]
async fn idle_hint_reports_idle_since_the_idle_since_hint() {
    let fake = Fake::start(Setup::default()).await;
    let mut events = fake.source(true).await;

    // As logind sends it: IdleHint and IdleSinceHint in one signal.
    let left = Utc::now() - chrono::TimeDelta::seconds(300);
    fake.set_idle_hint(true, micros(left), true).await;
    assert_eq!(
        next(&mut events).await,
        PresenceEvent::Away {
            reason: Away::Idle,
            since: DateTime::from_timestamp_micros(left.timestamp_micros()).unwrap(),
        }
    );
    let returned = Utc::now() - chrono::TimeDelta::seconds(1);
    fake.set_idle_hint(false, micros(returned), true).await;
    assert_eq!(
        next(&mut events).await,
        PresenceEvent::Back {
            reason: Away::Idle,
            at: DateTime::from_timestamp_micros(returned.timestamp_micros()).unwrap(),
        }
    );

    // IdleHint alone: the source reads IdleSinceHint itself.
    let left = Utc::now() - chrono::TimeDelta::seconds(120);
    fake.set_idle_hint(true, micros(left), false).await;
    assert_eq!(
        next(&mut events).await,
        PresenceEvent::Away {
            reason: Away::Idle,
            since: DateTime::from_timestamp_micros(left.timestamp_micros()).unwrap(),
        }
    );

    // No IdleSinceHint (0): now.
    let before = Utc::now();
    fake.set_idle_hint(false, 0, true).await;
    assert_back_now(next(&mut events).await, Away::Idle, before);
}

#[tokio::test]
async fn idle_hint_is_not_reported_when_logind_is_not_the_idle_source() {
    let fake = Fake::start(Setup::default()).await;
    let mut events = fake.source(false).await;
    fake.set_idle_hint(true, micros(Utc::now()), true).await;
    fake.set_locked_hint(true).await;
    // Same object, same stream: had the idle hint been reported, it would come first.
    assert!(matches!(
        next(&mut events).await,
        PresenceEvent::Away {
            reason: Away::Locked,
            ..
        }
    ));
}

#[tokio::test]
async fn an_already_locked_and_idle_session_is_reported_at_start() {
    let left = Utc::now() - chrono::TimeDelta::seconds(600);
    let fake = Fake::start(Setup {
        session: Session {
            locked: true,
            idle: true,
            idle_since: micros(left),
        },
        ..Setup::default()
    })
    .await;
    let mut events = fake.source(true).await;
    assert!(matches!(
        next(&mut events).await,
        PresenceEvent::Away {
            reason: Away::Locked,
            ..
        }
    ));
    assert_eq!(
        next(&mut events).await,
        PresenceEvent::Away {
            reason: Away::Idle,
            since: DateTime::from_timestamp_micros(left.timestamp_micros()).unwrap(),
        }
    );
    // The initial state is not reported twice when it changes back.
    let before = Utc::now();
    fake.set_locked_hint(false).await;
    assert_back_now(next(&mut events).await, Away::Locked, before);
}

#[tokio::test]
async fn outside_a_session_the_users_display_session_is_followed() {
    let mut fake = Fake::start(Setup {
        own_session: None,
        ..Setup::default()
    })
    .await;
    let mut events = fake.source(false).await;
    assert_eq!(
        fake.next_call().await,
        Call::SessionByPid(std::process::id())
    );
    let uid = std::fs::metadata("/proc/self").unwrap().uid();
    assert_eq!(fake.next_call().await, Call::User(uid));

    let before = Utc::now();
    fake.lock_signal(true).await;
    assert_away_now(next(&mut events).await, Away::Locked, before);
}

#[tokio::test]
async fn no_session_and_no_display_session_is_an_error() {
    let fake = Fake::start(Setup {
        own_session: None,
        display: "/",
        ..Setup::default()
    })
    .await;
    let (tx, _rx) = mpsc::channel(16);
    let err = tokio::time::timeout(SOON, logind::start_on(fake.client().await, tx, true))
        .await
        .expect("start_on did not return")
        .expect_err("start_on succeeded without a session");
    assert!(err.contains("display session"), "{err}");
}

#[tokio::test]
async fn a_bus_without_logind_is_an_error_at_once() {
    let bus = Bus::start();
    let conn = zbus::connection::Builder::address(bus.address.as_str())
        .build()
        .await
        .unwrap();
    let (tx, _rx) = mpsc::channel(16);
    let err = tokio::time::timeout(SOON, logind::start_on(conn, tx, true))
        .await
        .expect("start_on did not return")
        .expect_err("start_on succeeded without logind");
    assert!(err.contains("org.freedesktop.login1"), "{err}");
}
