//! Helpers for `bench/idle.sh`, written as ignored tests so that they can use the test-only
//! crates (zbus's server side, KDE's Wayland protocols) and `common::logind`. `cargo test` lists
//! them as ignored and never runs them; the benchmark runs the built test binary with
//! `--ignored --exact NAME` and the environment below.
//!
//! - `serve_fake_logind`: the fake logind of `common::logind` on the bus at
//!   `STRETCHD_BENCH_BUS` (the benchmark's private system bus), for at most
//!   `STRETCHD_BENCH_SECONDS`. It emits nothing: a session whose user is at the desk, unlocked
//!   and awake.
//! - `kwin_activity`: user activity for `KWin` on the Wayland socket `STRETCHD_BENCH_WAYLAND`,
//!   every `STRETCHD_BENCH_EVERY` seconds for at most `STRETCHD_BENCH_SECONDS`, through KDE's
//!   `org_kde_kwin_idle_timeout.simulate_user_activity` (`KWin` counts it as input for every idle
//!   protocol, `ext-idle-notify-v1` included; `presence_wayland.rs` asserts that).
//!
//! Both are bounded by their time limit, and the benchmark stops them before that.

mod common;

use std::time::{Duration, Instant};

/// The value of `name`, which the benchmark sets.
fn var(name: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| panic!("{name} is not set (run by bench/idle.sh)"))
}

/// `STRETCHD_BENCH_SECONDS`.
fn limit() -> Duration {
    Duration::from_secs(var("STRETCHD_BENCH_SECONDS").parse().unwrap())
}

#[tokio::test]
#[ignore = "run by bench/idle.sh"]
async fn serve_fake_logind() {
    let limit = limit();
    let _fake = common::logind::Fake::serve_on(
        &var("STRETCHD_BENCH_BUS"),
        common::logind::Setup::default(),
    )
    .await;
    eprintln!("fake logind: serving for at most {limit:?}");
    tokio::time::sleep(limit).await;
}

#[test]
#[ignore = "run by bench/idle.sh"]
fn kwin_activity() {
    use std::os::unix::net::UnixStream;
    use wayland_client::globals::{GlobalListContents, registry_queue_init};
    use wayland_client::protocol::{wl_registry::WlRegistry, wl_seat::WlSeat};
    use wayland_client::{Connection, Dispatch, QueueHandle, delegate_noop};
    use wayland_protocols_plasma::idle::client::org_kde_kwin_idle::OrgKdeKwinIdle;
    use wayland_protocols_plasma::idle::client::org_kde_kwin_idle_timeout::OrgKdeKwinIdleTimeout;

    struct Client;
    impl Dispatch<WlRegistry, GlobalListContents> for Client {
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
    delegate_noop!(Client: ignore WlSeat);
    delegate_noop!(Client: ignore OrgKdeKwinIdle);
    delegate_noop!(Client: ignore OrgKdeKwinIdleTimeout);

    let deadline = Instant::now() + limit();
    let every = Duration::from_secs(var("STRETCHD_BENCH_EVERY").parse().unwrap());
    let socket = var("STRETCHD_BENCH_WAYLAND");
    let stream = UnixStream::connect(&socket).unwrap_or_else(|e| panic!("{socket}: {e}"));
    let conn = Connection::from_socket(stream).unwrap();
    let (globals, mut queue) = registry_queue_init::<Client>(&conn).unwrap();
    let qh = queue.handle();
    let idle: OrgKdeKwinIdle = globals
        .bind(&qh, 1..=1, ())
        .expect("the compositor has no org_kde_kwin_idle (not KWin?)");
    let seat: WlSeat = globals.bind(&qh, 1..=1, ()).unwrap();
    // The timeout is only a handle to simulate activity with; it never fires meanwhile.
    let timeout = idle.get_idle_timeout(&seat, 3_600_000, &qh, ());
    queue.roundtrip(&mut Client).unwrap();
    // bench/idle.sh waits for this line.
    eprintln!("kwin activity: simulating user activity every {every:?}");
    let mut made = 0_u32;
    while Instant::now() < deadline {
        timeout.simulate_user_activity();
        queue.roundtrip(&mut Client).unwrap();
        made += 1;
        std::thread::sleep(every.min(deadline.saturating_duration_since(Instant::now())));
    }
    eprintln!("kwin activity: {made} times");
}
