//! The logind presence source against a fake logind (zbus) on a private `dbus-daemon` standing in
//! for the system bus: `PrepareForSleep`, `Lock`/`Unlock`, `LockedHint`, `IdleHint` with
//! `IdleSinceHint`, and how the session is found.
//!
//! The source is started with [`stretchd::daemon::presence::logind::start_on`] on a connection to the
//! test's bus, so that no test sets `DBUS_SYSTEM_BUS_ADDRESS` in the (shared) process
//! environment. Each test has its own bus and fake, so they run in parallel. Every wait is
//! bounded; an event that must not come is shown absent by the next one that must.

use std::os::unix::fs::MetadataExt as _;

use chrono::{DateTime, Utc};
use stretchd::daemon::presence::logind;
use stretchd::daemon::presence::{Away, PresenceEvent};
use tokio::sync::mpsc;

use testkit::logind::{Call, Fake, Session, Setup};
use testkit::{Bus, SOON};

/// Starts the source on its own connection to the fake's bus; returns its events.
async fn source(fake: &Fake, idle: bool) -> mpsc::Receiver<PresenceEvent> {
    let (tx, rx) = mpsc::channel(16);
    logind::start_on(fake.client().await, tx, idle)
        .await
        .expect("the logind source did not start");
    rx
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
    let mut events = source(&fake, false).await;
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
    let mut events = source(&fake, false).await;

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
    let mut events = source(&fake, true).await;

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
    let mut events = source(&fake, false).await;
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
    let mut events = source(&fake, true).await;
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
    let mut events = source(&fake, false).await;
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
        .expect_err("start_on succeeded without a session")
        .to_string();
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
        .expect_err("start_on succeeded without logind")
        .to_string();
    assert!(err.contains("org.freedesktop.login1"), "{err}");
}
