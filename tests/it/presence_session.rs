//! The session-bus presence sources against fakes (zbus) on a private `dbus-daemon`: Mutter's
//! idle monitor, `org.freedesktop.ScreenSaver`, and the notification server's do-not-disturb
//! (dunst's `paused`, KDE's `Inhibited`); and do-not-disturb against a real dunst on Xvfb when
//! `dunst`, `dunstctl` and `Xvfb` are installed (skipped with a loud note otherwise, unless
//! `STRETCHD_REQUIRE_DUNST` is set, as in `e2e_dunst.rs`).
//!
//! Each source is started with its `start_on` on a connection to the test's bus, so that no test
//! touches the process environment. Every wait is bounded; an event that must not come is shown
//! absent by the next one that must (same sender, same stream, so in order).

use std::collections::HashMap;
use std::process::Stdio;
use std::time::Duration;

use chrono::{DateTime, TimeDelta, Utc};
use stretchd::daemon::presence::{Away, PresenceEvent, Quiet, dnd, mutter, screensaver};
use tokio::sync::mpsc;
use zbus::Variant;
use zbus::object_server::{InterfaceRef, SignalEmitter};

use testkit::notifications::{NOTIFICATIONS, NOTIFICATIONS_PATH};
use testkit::x11::{DUNST_INSTALL, DUNST_TOOLS, dunstctl, start_dunst, start_xvfb};
use testkit::{Bus, SOON, tools_present};

/// How long to watch for an event that must not come.
const QUIET: Duration = Duration::from_millis(300);

/// A connection to the bus at `address`.
async fn connect(address: &str) -> zbus::Connection {
    zbus::connection::Builder::address(address)
        .build()
        .await
        .expect("cannot connect to the test bus")
}

/// The next event from a source, within [`SOON`].
async fn next(events: &mut mpsc::Receiver<PresenceEvent>) -> PresenceEvent {
    match tokio::time::timeout(SOON, events.recv()).await {
        Ok(Some(event)) => event,
        Ok(None) => panic!("the source stopped"),
        Err(elapsed) => panic!("no presence event within {SOON:?}: {elapsed}"),
    }
}

/// Asserts that no event comes within `window`: for a change that must not be reported, where
/// no later event on the same stream can show it absent.
async fn assert_no_event(events: &mut mpsc::Receiver<PresenceEvent>, window: Duration) {
    if let Ok(event) = tokio::time::timeout(window, events.recv()).await {
        panic!("unexpected event: {event:?}");
    }
}

/// Asserts `event` is `Away { reason, since }` with `since` within `slack` of `expected`.
fn assert_away(event: PresenceEvent, reason: Away, expected: DateTime<Utc>, slack: TimeDelta) {
    match event {
        PresenceEvent::Away { reason: r, since } if r == reason => assert!(
            (since - expected).abs() <= slack,
            "{event:?}: since should be about {expected}"
        ),
        other => panic!("expected Away {{ {reason:?} }}, got {other:?}"),
    }
}

/// Asserts `event` is `Back { reason, at }` with `at` within `[before, now]`.
fn assert_back_now(event: PresenceEvent, reason: Away, before: DateTime<Utc>) {
    match event {
        PresenceEvent::Back { reason: r, at } if r == reason => assert!(
            at >= before && at <= Utc::now(),
            "{event:?}: at is not the time of the change (after {before})"
        ),
        other => panic!("expected Back {{ {reason:?} }}, got {other:?}"),
    }
}

fn quiet(on: bool) -> PresenceEvent {
    PresenceEvent::Quiet {
        reason: Quiet::DoNotDisturb,
        on,
    }
}

// ---------------------------------------------------------------------------------------------
// Mutter's idle monitor

const MUTTER: &str = "org.gnome.Mutter.IdleMonitor";
const MUTTER_PATH: &str = "/org/gnome/Mutter/IdleMonitor/Core";

/// What the fake idle monitor was asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Watch {
    /// `AddIdleWatch(interval)`, answered with the id.
    Idle { interval: u64, id: u32 },
    /// `AddUserActiveWatch()`, answered with the id.
    Active { id: u32 },
    /// `RemoveWatch(id)`.
    Removed { id: u32 },
    /// `GetIdletime()`.
    Asked,
}

/// The fake `org.gnome.Mutter.IdleMonitor`.
struct IdleMonitor {
    /// What `GetIdletime` answers, in ms.
    idletime: u64,
    /// The last id handed out (Mutter's start at 1).
    last_id: u32,
    calls: mpsc::UnboundedSender<Watch>,
}

#[zbus::interface(name = "org.gnome.Mutter.IdleMonitor")]
impl IdleMonitor {
    fn get_idletime(&self) -> u64 {
        let _ = self.calls.send(Watch::Asked);
        self.idletime
    }

    fn add_idle_watch(&mut self, interval: u64) -> u32 {
        self.last_id += 1;
        let _ = self.calls.send(Watch::Idle {
            interval,
            id: self.last_id,
        });
        self.last_id
    }

    fn add_user_active_watch(&mut self) -> u32 {
        self.last_id += 1;
        let _ = self.calls.send(Watch::Active { id: self.last_id });
        self.last_id
    }

    fn remove_watch(&mut self, id: u32) {
        let _ = self.calls.send(Watch::Removed { id });
    }

    #[zbus(signal)]
    async fn watch_fired(emitter: &SignalEmitter<'_>, id: u32) -> zbus::Result<()>;
}

/// The fake on the bus.
struct FakeMutter {
    conn: zbus::Connection,
    calls: mpsc::UnboundedReceiver<Watch>,
}

impl FakeMutter {
    /// Serves the idle monitor, reporting `idletime` ms, with ids from `first_id`.
    async fn start(address: &str, idletime: u64, first_id: u32) -> FakeMutter {
        let (tx, rx) = mpsc::unbounded_channel();
        let conn = zbus::connection::Builder::address(address)
            .serve_at(
                MUTTER_PATH,
                IdleMonitor {
                    idletime,
                    last_id: first_id - 1,
                    calls: tx,
                },
            )
            .name(MUTTER)
            .build()
            .await
            .expect("cannot start the fake idle monitor");
        FakeMutter { conn, calls: rx }
    }

    async fn monitor(&self) -> InterfaceRef<IdleMonitor> {
        self.conn
            .object_server()
            .interface::<_, IdleMonitor>(MUTTER_PATH)
            .await
            .unwrap()
    }

    async fn set_idletime(&self, ms: u64) {
        self.monitor().await.get_mut().await.idletime = ms;
    }

    async fn fire(&self, id: u32) {
        IdleMonitor::watch_fired(self.monitor().await.signal_emitter(), id)
            .await
            .unwrap();
    }

    /// The next call, within [`SOON`].
    async fn next_call(&mut self) -> Watch {
        match tokio::time::timeout(SOON, self.calls.recv()).await {
            Ok(Some(call)) => call,
            other => panic!("no call to the fake idle monitor within {SOON:?}: {other:?}"),
        }
    }
}

const BREAK: Duration = Duration::from_secs(300);

async fn mutter_source(address: &str) -> mpsc::Receiver<PresenceEvent> {
    let (tx, rx) = mpsc::channel(16);
    mutter::start_on(connect(address).await, tx, BREAK)
        .await
        .expect("the mutter source did not start");
    rx
}

#[tokio::test]
async fn mutter_idle_watch_reports_away_and_the_user_active_watch_back() {
    let bus = Bus::start();
    let mut fake = FakeMutter::start(&bus.address, 0, 1).await;
    let mut events = mutter_source(&bus.address).await;
    let Watch::Idle { interval, id: idle } = fake.next_call().await else {
        panic!("the source did not add an idle watch first");
    };
    assert_eq!(interval, 300_000, "the idle watch is the natural break");
    // Idle for a break already? No.
    assert_eq!(fake.next_call().await, Watch::Asked);

    for _ in 0..2 {
        // Idle for the natural break: Mutter fires the idle watch.
        fake.set_idletime(300_000).await;
        fake.fire(idle).await;
        assert_away(
            next(&mut events).await,
            Away::Idle,
            Utc::now() - TimeDelta::seconds(300),
            TimeDelta::seconds(5),
        );
        let Watch::Active { id: active } = fake.next_call().await else {
            panic!("the source did not add a user-active watch");
        };
        // Still idle (no input before the watch was added)? Yes.
        assert_eq!(fake.next_call().await, Watch::Asked);
        // Someone else's watch is not ours.
        fake.fire(active + 100).await;
        assert_no_event(&mut events, QUIET).await;
        // Input: Mutter fires the (one-shot) user-active watch.
        fake.set_idletime(0).await;
        let before = Utc::now();
        fake.fire(active).await;
        assert_back_now(next(&mut events).await, Away::Idle, before);
    }
    // The idle watch was kept for the next round, not added again, and nothing was removed.
    assert!(fake.calls.try_recv().is_err());
}

#[tokio::test]
async fn mutter_lull_watch_is_a_watch_of_the_lull_reported_and_removed_when_disarmed() {
    use stretchd::daemon::presence::WatchLull as _;
    const LULL: Duration = Duration::from_secs(3);
    let bus = Bus::start();
    let mut fake = FakeMutter::start(&bus.address, 0, 1).await;
    let (tx, mut events) = mpsc::channel(16);
    let mut lull = mutter::start_on(connect(&bus.address).await, tx, BREAK)
        .await
        .expect("the mutter source did not start");
    assert!(matches!(
        fake.next_call().await,
        Watch::Idle {
            interval: 300_000,
            ..
        }
    ));
    assert_eq!(fake.next_call().await, Watch::Asked);
    // Mutter knows the time since the last input: no need to arm ahead.
    assert_eq!(lull.lead(LULL), Duration::ZERO);

    // Typing (the last key 0.8 s ago): a watch of the lull, nothing reported yet.
    fake.set_idletime(800).await;
    lull.arm(7, LULL);
    let Watch::Idle { interval, id } = fake.next_call().await else {
        panic!("no idle watch for the lull");
    };
    assert_eq!(interval, 3000);
    assert_eq!(fake.next_call().await, Watch::Asked);
    fake.fire(id + 100).await;
    assert_no_event(&mut events, QUIET).await;
    // The pause: Mutter fires the watch.
    fake.fire(id).await;
    let reached = PresenceEvent::Lull {
        watch: 7,
        reached: true,
    };
    assert_eq!(next(&mut events).await, reached);
    lull.disarm();
    assert_eq!(fake.next_call().await, Watch::Removed { id });

    // Idle for the lull already when armed: reported at once.
    fake.set_idletime(5000).await;
    lull.arm(8, LULL);
    let Watch::Idle { id, .. } = fake.next_call().await else {
        panic!("no idle watch for the lull");
    };
    assert_eq!(fake.next_call().await, Watch::Asked);
    assert_eq!(
        next(&mut events).await,
        PresenceEvent::Lull {
            watch: 8,
            reached: true
        }
    );
    lull.disarm();
    assert_eq!(fake.next_call().await, Watch::Removed { id });
    assert!(fake.calls.try_recv().is_err());
}

#[tokio::test]
async fn mutter_input_before_the_user_active_watch_exists_counts_as_back() {
    let bus = Bus::start();
    let mut fake = FakeMutter::start(&bus.address, 0, 1).await;
    let mut events = mutter_source(&bus.address).await;
    let Watch::Idle { id: idle, .. } = fake.next_call().await else {
        panic!("the source did not add an idle watch first");
    };
    assert_eq!(fake.next_call().await, Watch::Asked);
    // The watch fired, but by the time the source adds the user-active watch, the user is back
    // (idle 2 s): that watch would only fire on the input after next.
    fake.set_idletime(2_000).await;
    fake.fire(idle).await;
    assert!(matches!(
        next(&mut events).await,
        PresenceEvent::Away {
            reason: Away::Idle,
            ..
        }
    ));
    let Watch::Active { id: active } = fake.next_call().await else {
        panic!("the source did not add a user-active watch");
    };
    assert_eq!(fake.next_call().await, Watch::Asked);
    assert!(matches!(
        next(&mut events).await,
        PresenceEvent::Back {
            reason: Away::Idle,
            ..
        }
    ));
    assert_eq!(fake.next_call().await, Watch::Removed { id: active });
}

#[tokio::test]
async fn mutter_idle_already_at_start_is_reported() {
    let bus = Bus::start();
    let mut fake = FakeMutter::start(&bus.address, 600_000, 1).await;
    let mut events = mutter_source(&bus.address).await;
    assert_away(
        next(&mut events).await,
        Away::Idle,
        Utc::now() - TimeDelta::seconds(600),
        TimeDelta::seconds(5),
    );
    assert!(matches!(fake.next_call().await, Watch::Idle { .. }));
    assert_eq!(fake.next_call().await, Watch::Asked);
    let Watch::Active { id: active } = fake.next_call().await else {
        panic!("the source did not add a user-active watch");
    };
    assert_eq!(fake.next_call().await, Watch::Asked);
    let before = Utc::now();
    fake.fire(active).await;
    assert_back_now(next(&mut events).await, Away::Idle, before);
}

#[tokio::test]
async fn mutter_restart_gets_a_new_idle_watch() {
    let bus = Bus::start();
    let mut fake = FakeMutter::start(&bus.address, 0, 1).await;
    let mut events = mutter_source(&bus.address).await;
    let Watch::Idle { id: idle, .. } = fake.next_call().await else {
        panic!("the source did not add an idle watch first");
    };
    assert_eq!(fake.next_call().await, Watch::Asked);
    fake.set_idletime(300_000).await;
    fake.fire(idle).await;
    assert!(matches!(
        next(&mut events).await,
        PresenceEvent::Away { .. }
    ));
    assert!(matches!(fake.next_call().await, Watch::Active { .. }));
    assert_eq!(fake.next_call().await, Watch::Asked);

    // Mutter goes away (its watches with it): the user counts as back.
    let before = Utc::now();
    fake.conn.release_name(MUTTER).await.unwrap();
    assert_back_now(next(&mut events).await, Away::Idle, before);

    // A new Mutter: a new idle watch, which works.
    let mut fake = FakeMutter::start(&bus.address, 0, 50).await;
    let Watch::Idle { interval, id } = fake.next_call().await else {
        panic!("the source did not add an idle watch to the new monitor");
    };
    assert_eq!((interval, id), (300_000, 50));
    fake.set_idletime(300_000).await;
    fake.fire(50).await;
    assert!(matches!(
        next(&mut events).await,
        PresenceEvent::Away {
            reason: Away::Idle,
            ..
        }
    ));
}

#[tokio::test]
async fn mutter_missing_is_an_error() {
    let bus = Bus::start();
    let (tx, _rx) = mpsc::channel(16);
    let err = tokio::time::timeout(
        SOON,
        mutter::start_on(connect(&bus.address).await, tx, BREAK),
    )
    .await
    .expect("start_on did not return")
    .expect_err("start_on succeeded without Mutter")
    .to_string();
    assert!(err.contains(MUTTER), "{err}");
}

// ---------------------------------------------------------------------------------------------
// org.freedesktop.ScreenSaver

const SCREENSAVER: &str = "org.freedesktop.ScreenSaver";
const SCREENSAVER_PATH: &str = "/org/freedesktop/ScreenSaver";

/// The fake `org.freedesktop.ScreenSaver`.
struct ScreenSaver {
    active: bool,
}

#[zbus::interface(name = "org.freedesktop.ScreenSaver")]
impl ScreenSaver {
    fn get_active(&self) -> bool {
        self.active
    }

    #[zbus(signal)]
    async fn active_changed(emitter: &SignalEmitter<'_>, active: bool) -> zbus::Result<()>;
}

async fn start_screensaver(address: &str, active: bool) -> zbus::Connection {
    zbus::connection::Builder::address(address)
        .serve_at(SCREENSAVER_PATH, ScreenSaver { active })
        .name(SCREENSAVER)
        .build()
        .await
        .expect("cannot start the fake screen saver")
}

async fn set_active(conn: &zbus::Connection, active: bool) {
    let iface = conn
        .object_server()
        .interface::<_, ScreenSaver>(SCREENSAVER_PATH)
        .await
        .unwrap();
    iface.get_mut().await.active = active;
    ScreenSaver::active_changed(iface.signal_emitter(), active)
        .await
        .unwrap();
}

async fn screensaver_source(address: &str) -> mpsc::Receiver<PresenceEvent> {
    let (tx, rx) = mpsc::channel(16);
    screensaver::start_on(connect(address).await, tx)
        .await
        .expect("the screensaver source did not start");
    rx
}

#[tokio::test]
async fn screensaver_active_changed_reports_locked_and_back() {
    let bus = Bus::start();
    let server = start_screensaver(&bus.address, false).await;
    let mut events = screensaver_source(&bus.address).await;
    for _ in 0..2 {
        let before = Utc::now();
        set_active(&server, true).await;
        // Told twice (KDE does): one event.
        set_active(&server, true).await;
        assert_away(
            next(&mut events).await,
            Away::Locked,
            before,
            TimeDelta::seconds(5),
        );
        let before = Utc::now();
        set_active(&server, false).await;
        assert_back_now(next(&mut events).await, Away::Locked, before);
    }
}

#[tokio::test]
async fn screensaver_active_at_start_is_reported_and_leaving_the_bus_unlocks() {
    let bus = Bus::start();
    let server = start_screensaver(&bus.address, true).await;
    let mut events = screensaver_source(&bus.address).await;
    assert!(matches!(
        next(&mut events).await,
        PresenceEvent::Away {
            reason: Away::Locked,
            ..
        }
    ));
    let before = Utc::now();
    server.release_name(SCREENSAVER).await.unwrap();
    assert_back_now(next(&mut events).await, Away::Locked, before);
    // A new owner that is active is asked.
    let _server = start_screensaver(&bus.address, true).await;
    assert!(matches!(
        next(&mut events).await,
        PresenceEvent::Away {
            reason: Away::Locked,
            ..
        }
    ));
}

#[tokio::test]
async fn screensaver_missing_is_an_error() {
    let bus = Bus::start();
    let (tx, _rx) = mpsc::channel(16);
    let err = tokio::time::timeout(SOON, screensaver::start_on(connect(&bus.address).await, tx))
        .await
        .expect("start_on did not return")
        .expect_err("start_on succeeded without a screen saver")
        .to_string();
    assert!(err.contains(SCREENSAVER), "{err}");
}

// ---------------------------------------------------------------------------------------------
// Do not disturb

/// dunst's control interface, as far as it matters here.
struct Dunst {
    paused: bool,
    displayed: u32,
}

#[zbus::interface(name = "org.dunstproject.cmd0")]
impl Dunst {
    #[zbus(property, name = "paused")]
    fn paused(&self) -> bool {
        self.paused
    }

    /// Setting it emits `PropertiesChanged`, as dunst does.
    #[zbus(property, name = "paused")]
    fn set_paused(&mut self, paused: bool) {
        self.paused = paused;
    }

    #[zbus(property, name = "displayedLength")]
    fn displayed_length(&self) -> u32 {
        self.displayed
    }
}

/// KDE's notification server, as far as it matters here.
struct Plasma {
    inhibited: bool,
}

#[zbus::interface(name = "org.freedesktop.Notifications")]
impl Plasma {
    #[zbus(property)]
    fn inhibited(&self) -> bool {
        self.inhibited
    }
}

/// A fake notification server: dunst's interface, KDE's, or both.
async fn start_server(
    address: &str,
    dunst: Option<bool>,
    plasma: Option<bool>,
) -> zbus::Connection {
    let mut builder = zbus::connection::Builder::address(address);
    if let Some(paused) = dunst {
        builder = builder.serve_at(
            NOTIFICATIONS_PATH,
            Dunst {
                paused,
                displayed: 0,
            },
        );
    }
    if let Some(inhibited) = plasma {
        builder = builder.serve_at(NOTIFICATIONS_PATH, Plasma { inhibited });
    }
    builder
        .name(NOTIFICATIONS)
        .build()
        .await
        .expect("cannot start the fake notification server")
}

/// Sets dunst's `paused` the way `dunstctl set-paused` does: `Properties.Set` from another
/// client, so that the server emits `PropertiesChanged`.
async fn dunst_set_paused(address: &str, paused: bool) {
    let client = connect(address).await;
    let proxy = zbus::fdo::PropertiesProxy::builder(&client)
        .destination(NOTIFICATIONS)
        .path(NOTIFICATIONS_PATH)
        .build()
        .await
        .unwrap();
    proxy
        .set(
            "org.dunstproject.cmd0".try_into().unwrap(),
            "paused",
            &Variant::from(paused),
        )
        .await
        .unwrap();
}

/// Sets KDE's `Inhibited` and emits `PropertiesChanged` for it, as plasmashell does.
async fn plasma_set_inhibited(server: &zbus::Connection, inhibited: bool) {
    let iface = server
        .object_server()
        .interface::<_, Plasma>(NOTIFICATIONS_PATH)
        .await
        .unwrap();
    iface.get_mut().await.inhibited = inhibited;
    iface
        .get()
        .await
        .inhibited_changed(iface.signal_emitter())
        .await
        .unwrap();
}

/// Emits `PropertiesChanged` for `interface` with `changed` values and `invalidated` names.
async fn emit_changed(
    server: &zbus::Connection,
    interface: &str,
    changed: HashMap<&str, Variant<'_>>,
    invalidated: &[&str],
) {
    let emitter = SignalEmitter::new(server, NOTIFICATIONS_PATH).unwrap();
    zbus::fdo::Properties::properties_changed(
        &emitter,
        interface.try_into().unwrap(),
        changed,
        invalidated.into(),
    )
    .await
    .unwrap();
}

async fn dnd_source(address: &str) -> mpsc::Receiver<PresenceEvent> {
    let (tx, rx) = mpsc::channel(16);
    dnd::start_on(connect(address).await, tx)
        .await
        .expect("the dnd source did not start");
    rx
}

#[tokio::test]
async fn dnd_follows_dunsts_paused_property() {
    let bus = Bus::start();
    let server = start_server(&bus.address, Some(false), None).await;
    let mut events = dnd_source(&bus.address).await;
    for _ in 0..2 {
        dunst_set_paused(&bus.address, true).await;
        // dunst announces a set even when the value stays the same, and other properties too.
        dunst_set_paused(&bus.address, true).await;
        emit_changed(
            &server,
            "org.dunstproject.cmd0",
            HashMap::from([("displayedLength", Variant::from(1u32))]),
            &[],
        )
        .await;
        assert_eq!(next(&mut events).await, quiet(true));
        dunst_set_paused(&bus.address, false).await;
        assert_eq!(next(&mut events).await, quiet(false));
    }
}

#[tokio::test]
async fn dnd_follows_kdes_inhibited_property_combined_with_dunsts() {
    let bus = Bus::start();
    let server = start_server(&bus.address, Some(false), Some(false)).await;
    let mut events = dnd_source(&bus.address).await;
    plasma_set_inhibited(&server, true).await;
    assert_eq!(next(&mut events).await, quiet(true));
    // Both on, then one off: still on, no event.
    dunst_set_paused(&bus.address, true).await;
    plasma_set_inhibited(&server, false).await;
    assert_no_event(&mut events, QUIET).await;
    dunst_set_paused(&bus.address, false).await;
    assert_eq!(next(&mut events).await, quiet(false));
}

#[tokio::test]
async fn dnd_reads_an_invalidated_property() {
    let bus = Bus::start();
    let server = start_server(&bus.address, Some(false), None).await;
    let mut events = dnd_source(&bus.address).await;
    let iface = server
        .object_server()
        .interface::<_, Dunst>(NOTIFICATIONS_PATH)
        .await
        .unwrap();
    iface.get_mut().await.paused = true;
    emit_changed(
        &server,
        "org.dunstproject.cmd0",
        HashMap::new(),
        &["paused"],
    )
    .await;
    assert_eq!(next(&mut events).await, quiet(true));
}

#[tokio::test]
async fn dnd_initial_state_and_server_restarts() {
    let bus = Bus::start();
    // Paused before the source starts: reported at start.
    let server = start_server(&bus.address, Some(true), None).await;
    let mut events = dnd_source(&bus.address).await;
    assert_eq!(next(&mut events).await, quiet(true));
    // The server leaves: nobody holds notifications back any more.
    server.release_name(NOTIFICATIONS).await.unwrap();
    assert_eq!(next(&mut events).await, quiet(false));
    // A server that starts paused says nothing: its arrival is heard and it is asked.
    let _server = start_server(&bus.address, None, Some(true)).await;
    assert_eq!(next(&mut events).await, quiet(true));
}

#[tokio::test]
async fn dnd_starts_without_a_server_and_a_server_without_the_properties_is_not_quiet() {
    let bus = Bus::start();
    let mut events = dnd_source(&bus.address).await;
    // A server with neither property (GNOME's, mako): nothing to report...
    let plain = zbus::connection::Builder::address(bus.address.as_str())
        .serve_at("/elsewhere", Plasma { inhibited: true })
        .name(NOTIFICATIONS)
        .build()
        .await
        .unwrap();
    plain.release_name(NOTIFICATIONS).await.unwrap();
    // ...so the first event is the paused dunst that follows it.
    let _server = start_server(&bus.address, Some(true), None).await;
    assert_eq!(next(&mut events).await, quiet(true));
}

// ---------------------------------------------------------------------------------------------
// Do not disturb against the real dunst

#[tokio::test]
async fn dnd_follows_the_real_dunst_paused_with_dunstctl() {
    if !tools_present(
        "dnd_follows_the_real_dunst_paused_with_dunstctl",
        DUNST_TOOLS,
        DUNST_INSTALL,
    ) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let bus = Bus::start();
    let (_xvfb, display) = start_xvfb(&[]);
    let mut dunst = start_dunst(&bus, &display, dir.path(), "[global]\n", Stdio::null());

    let mut events = dnd_source(&bus.address).await;
    dunstctl(&bus, &["set-paused", "true"]);
    assert_eq!(next(&mut events).await, quiet(true));
    dunstctl(&bus, &["set-paused", "false"]);
    assert_eq!(next(&mut events).await, quiet(false));
    dunstctl(&bus, &["set-paused", "toggle"]);
    assert_eq!(next(&mut events).await, quiet(true));
    // dunst exits while paused: do-not-disturb ends with it.
    dunst.stop();
    assert_eq!(next(&mut events).await, quiet(false));
}
