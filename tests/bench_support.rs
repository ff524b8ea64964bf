//! Helpers for `bench/idle.sh`, written as ignored tests so that they can use the test-only
//! crates (zbus's server side, KDE's Wayland protocols) and `testkit::logind`. `cargo test` lists
//! them as ignored and never runs them; the benchmark runs the built test binary with
//! `--ignored --exact NAME` and the environment below.
//!
//! - `serve_fake_logind`: the fake logind of `testkit::logind` on the bus at
//!   `STRETCHD_BENCH_BUS` (the benchmark's private system bus), for at most
//!   `STRETCHD_BENCH_SECONDS`. It emits nothing: a session whose user is at the desk, unlocked
//!   and awake.
//! - `kwin_activity`: user activity for `KWin` on the Wayland socket `STRETCHD_BENCH_WAYLAND`,
//!   every `STRETCHD_BENCH_EVERY` seconds for at most `STRETCHD_BENCH_SECONDS`, through KDE's
//!   `org_kde_kwin_idle_timeout.simulate_user_activity` (`KWin` counts it as input for every idle
//!   protocol, `ext-idle-notify-v1` included; `presence_wayland.rs` asserts that).
//!
//! Both are bounded by their time limit, and the benchmark stops them before that.

use std::path::Path;
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
    let _fake = testkit::logind::Fake::serve_on(
        &var("STRETCHD_BENCH_BUS"),
        testkit::logind::Setup::default(),
    )
    .await;
    eprintln!("fake logind: serving for at most {limit:?}");
    tokio::time::sleep(limit).await;
}

#[test]
#[ignore = "run by bench/idle.sh"]
fn kwin_activity() {
    let deadline = Instant::now() + limit();
    let every = Duration::from_secs(var("STRETCHD_BENCH_EVERY").parse().unwrap());
    let socket = var("STRETCHD_BENCH_WAYLAND");
    // The timeout is only a handle to simulate activity with; it never fires meanwhile.
    let mut activity = testkit::wayland::KwinActivity::connect(Path::new(&socket), 3_600_000);
    // bench/idle.sh waits for this line.
    eprintln!("kwin activity: simulating user activity every {every:?}");
    let mut made = 0_u32;
    while Instant::now() < deadline {
        activity.simulate();
        made += 1;
        std::thread::sleep(every.min(deadline.saturating_duration_since(Instant::now())));
    }
    eprintln!("kwin activity: {made} times");
}
