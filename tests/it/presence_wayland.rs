//! The Wayland idle source (`stretchd::daemon::presence::wayland`) against real headless compositors,
//! plus its failure modes without one.
//!
//! - sway (`WLR_BACKENDS=headless`): sway ≥ 1.8 implements `ext-idle-notify-v1`, and its
//!   `seat * cursor move` IPC command counts as pointer activity, so the test asserts idle and
//!   the return. Debian 12's sway 1.7 predates the protocol: there the test asserts that `start`
//!   says so, against the real compositor.
//! - `KWin` (`kwin_wayland --virtual`, Plasma ≥ 5.27 implements the protocol): asserts idle, then
//!   makes activity through KDE's `org_kde_kwin_idle_timeout.simulate_user_activity` and asserts
//!   the return, then idle again.
//!
//! Without the compositors these tests are skipped with a loud note, unless
//! `STRETCHD_REQUIRE_DUNST` is set (as `.ci/run` does after installing them), in which case a
//! missing tool fails them. Debian: `apt-get install --no-install-recommends sway kwin-wayland`.

use std::io::Read as _;
use std::net::Shutdown;
use std::os::unix::fs::MetadataExt as _;
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use stretchd::daemon::presence::wayland::{SETUP_TIMEOUT, start_on};
use stretchd::daemon::presence::{Away, PresenceEvent};
use tokio::sync::mpsc::Receiver;

use testkit::tools_present;
use testkit::wayland::{Compositor, KwinActivity, start_kwin};

const SWAY_INSTALL: &str =
    "install sway (Debian: `apt-get install --no-install-recommends sway`; CI does)";
const KWIN_INSTALL: &str = "install kwin-wayland (Debian: `apt-get install --no-install-recommends kwin-wayland`; CI does)";
/// Bound for `swaymsg` to answer.
const SOON: Duration = Duration::from_secs(20);
/// The natural-break time given to the source.
const NATURAL_BREAK: Duration = Duration::from_secs(1);
/// Bound for an idle or activity event, counted from when it should happen.
const EVENT_WAIT: Duration = Duration::from_secs(5);
/// The uid a compositor runs as when the tests run as root (sway refuses to run as root).
const NOBODY: u32 = 65534;

fn is_root() -> bool {
    std::fs::metadata("/proc/self").is_ok_and(|m| m.uid() == 0)
}

/// The next event, within `timeout`.
async fn next(rx: &mut Receiver<PresenceEvent>, timeout: Duration, log: &str) -> PresenceEvent {
    match tokio::time::timeout(timeout, rx.recv()).await {
        Ok(Some(event)) => event,
        Ok(None) => panic!("the idle source closed its channel; compositor log:\n{log}"),
        Err(tokio::time::error::Elapsed { .. }) => {
            panic!("no presence event within {timeout:?}; compositor log:\n{log}")
        }
    }
}

/// Waits for `Away { Idle }` and checks that it is dated back by the natural break.
async fn expect_idle(rx: &mut Receiver<PresenceEvent>, compositor: &Compositor) {
    let event = next(rx, NATURAL_BREAK + EVENT_WAIT, &compositor.log()).await;
    let PresenceEvent::Away {
        reason: Away::Idle,
        since,
    } = event
    else {
        panic!("expected Away {{ Idle }}, got {event:?}");
    };
    let ago = (Utc::now() - since).to_std().unwrap_or_default();
    assert!(
        ago >= NATURAL_BREAK && ago < NATURAL_BREAK + EVENT_WAIT,
        "since is {ago:?} ago, not the natural break ({NATURAL_BREAK:?}) before the event"
    );
}

/// Waits for `Back { Idle }` dated between `activity` (when the activity was made) and now.
async fn expect_back(
    rx: &mut Receiver<PresenceEvent>,
    compositor: &Compositor,
    activity: DateTime<Utc>,
) {
    let event = next(rx, EVENT_WAIT, &compositor.log()).await;
    let PresenceEvent::Back {
        reason: Away::Idle,
        at,
    } = event
    else {
        panic!("expected Back {{ Idle }}, got {event:?}");
    };
    assert!(
        at >= activity && at <= Utc::now(),
        "{at} is not between the activity ({activity}) and now"
    );
}

// ---------------------------------------------------------------------------------------------
// sway

/// `sway --version` as (major, minor).
fn sway_version() -> (u32, u32) {
    let out = Command::new("sway").arg("--version").output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    // "sway version 1.7" or "sway version 1.10.1"
    let version = text
        .split_whitespace()
        .nth(2)
        .unwrap_or_else(|| panic!("unexpected `sway --version`: {text}"));
    let mut parts = version
        .split(['.', '-'])
        .map(|p| p.parse::<u32>().unwrap_or(0));
    (parts.next().unwrap_or(0), parts.next().unwrap_or(0))
}

fn start_sway() -> Compositor {
    let dir = tempfile::tempdir().unwrap();
    // No bar, no wallpaper, nothing started: just the compositor.
    let config = dir.path().join("sway.config");
    std::fs::write(&config, "# stretchd test: empty config\n").unwrap();
    let root = is_root();
    // sway refuses to start as root ("Unable to drop root"): run it as nobody.
    let mut cmd = if root {
        let mut cmd = Command::new("setpriv");
        cmd.args([
            format!("--reuid={NOBODY}"),
            format!("--regid={NOBODY}"),
            "--clear-groups".to_owned(),
            "sway".to_owned(),
        ]);
        cmd
    } else {
        Command::new("sway")
    };
    cmd.arg("--config")
        .arg(&config)
        .env("WLR_BACKENDS", "headless")
        .env("WLR_LIBINPUT_NO_DEVICES", "1")
        .env("WLR_RENDERER", "pixman")
        .env("WLR_HEADLESS_OUTPUTS", "1");
    if root {
        std::os::unix::fs::chown(&config, Some(NOBODY), Some(NOBODY)).unwrap();
    }
    Compositor::start(cmd, dir, root.then_some(NOBODY))
}

/// Runs `swaymsg` against the compositor's IPC socket (bounded).
fn swaymsg(sway: &Compositor, args: &[&str]) -> std::process::Output {
    let ipc = std::fs::read_dir(&sway.runtime)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("sway-ipc."))
        })
        .unwrap_or_else(|| panic!("no sway-ipc socket; log:\n{}", sway.log()));
    let mut child = Command::new("swaymsg")
        .arg("--socket")
        .arg(&ipc)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + SOON;
    while child.try_wait().unwrap().is_none() {
        if Instant::now() >= deadline {
            let _ = child.kill();
            panic!("swaymsg {args:?} did not finish within {SOON:?}");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    let output = child.wait_with_output().unwrap();
    assert!(
        output.status.success(),
        "swaymsg {args:?} failed: {}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

#[tokio::test]
async fn sway_reports_idle_and_activity_or_lacks_the_protocol() {
    let mut tools = vec!["sway", "swaymsg"];
    if is_root() {
        tools.push("setpriv");
    }
    if !tools_present("sway_reports_idle_and_activity", &tools, SWAY_INSTALL) {
        return;
    }
    let version = sway_version();
    let sway = start_sway();
    // Once IPC answers, sway's globals all exist.
    swaymsg(&sway, &["-t", "get_version"]);

    let (tx, mut rx) = tokio::sync::mpsc::channel(8);
    let started = start_on(&sway.socket, tx, NATURAL_BREAK).await;
    if version < (1, 8) {
        let err = started
            .expect_err("sway < 1.8 has no ext-idle-notify-v1")
            .to_string();
        assert!(
            err.contains("ext_idle_notifier_v1"),
            "the error should name the missing global: {err}"
        );
        eprintln!(
            "NOTE sway_reports_idle_and_activity: sway {}.{} predates ext-idle-notify-v1 \
             (sway 1.8); checked only that start reports it. KWin's test covers idle.",
            version.0, version.1
        );
        return;
    }
    started.unwrap_or_else(|e| panic!("start failed: {e}; sway log:\n{}", sway.log()));
    expect_idle(&mut rx, &sway).await;
    // The headless backend has no input device; sway counts this IPC command as pointer
    // activity.
    let activity = Utc::now();
    swaymsg(&sway, &["seat * cursor move 10 10"]);
    expect_back(&mut rx, &sway, activity).await;
}

// ---------------------------------------------------------------------------------------------
// KWin

/// Makes the compositor see user activity through KDE's idle protocol, on a connection of its
/// own.
fn kwin_simulate_activity(kwin: &Compositor) {
    let mut activity = KwinActivity::connect(&kwin.socket, 60_000);
    activity.simulate();
    activity.release();
}

/// A transparent proxy in front of `upstream` (the protocol passes no file descriptors here), to
/// see when the client hangs up: the receiver fires at the client's end of input.
fn proxy(upstream: PathBuf, path: &Path) -> tokio::sync::oneshot::Receiver<()> {
    let listener = UnixListener::bind(path).unwrap();
    let (hung_up, rx) = tokio::sync::oneshot::channel();
    std::thread::spawn(move || {
        let Ok((mut client, _)) = listener.accept() else {
            return;
        };
        let mut server = UnixStream::connect(&upstream).unwrap();
        let (mut client_out, mut server_in) =
            (client.try_clone().unwrap(), server.try_clone().unwrap());
        std::thread::spawn(move || std::io::copy(&mut server_in, &mut client_out));
        let _ = std::io::copy(&mut client, &mut server);
        let _ = hung_up.send(());
        let _ = server.shutdown(Shutdown::Both);
    });
    rx
}

#[tokio::test]
async fn kwin_reports_idle_and_activity() {
    if !tools_present(
        "kwin_reports_idle_and_activity",
        &["kwin_wayland"],
        KWIN_INSTALL,
    ) {
        return;
    }
    let kwin = start_kwin(&[]);
    let dir = tempfile::tempdir().unwrap();
    let via = dir.path().join("wayland-proxy");
    let hung_up = proxy(kwin.socket.clone(), &via);
    let (tx, mut rx) = tokio::sync::mpsc::channel(8);
    start_on(&via, tx, NATURAL_BREAK)
        .await
        .unwrap_or_else(|e| panic!("start failed: {e}; kwin log:\n{}", kwin.log()));
    expect_idle(&mut rx, &kwin).await;
    let activity = Utc::now();
    kwin_simulate_activity(&kwin);
    expect_back(&mut rx, &kwin, activity).await;
    // The notification re-arms: idle again one natural break later.
    expect_idle(&mut rx, &kwin).await;
    // Dropping the receiver ends the source at once (not at the next event): it hangs up.
    drop(rx);
    tokio::time::timeout(EVENT_WAIT, hung_up)
        .await
        .expect("the source did not hang up within the bound after its receiver was dropped")
        .expect("the proxy ended without seeing the source hang up");
}

#[tokio::test]
async fn kwin_lull_watch_reports_a_pause_and_the_typing_again_until_disarmed() {
    use stretchd::daemon::presence::WatchLull as _;
    const LULL: Duration = Duration::from_secs(1);
    if !tools_present(
        "kwin_lull_watch_reports_a_pause_and_the_typing_again_until_disarmed",
        &["kwin_wayland"],
        KWIN_INSTALL,
    ) {
        return;
    }
    let kwin = start_kwin(&[]);
    let (tx, mut rx) = tokio::sync::mpsc::channel(8);
    // A natural break long enough never to come in the test.
    let mut lull = start_on(&kwin.socket, tx, Duration::from_secs(3600))
        .await
        .unwrap_or_else(|e| panic!("start failed: {e}; kwin log:\n{}", kwin.log()));
    // The compositor counts from the notification's creation: armed a little over a lull ahead.
    assert!(lull.lead(LULL) > LULL && lull.lead(LULL) < 2 * LULL);
    let armed = Instant::now();
    lull.arm(3, LULL);
    let reached = |reached| PresenceEvent::Lull { watch: 3, reached };
    assert_eq!(
        next(&mut rx, LULL + EVENT_WAIT, &kwin.log()).await,
        reached(true)
    );
    // Qt's coarse timers may fire up to 5 % early: the watch asks for 5 % more than the lull.
    assert!(armed.elapsed() >= LULL * 99 / 100, "{:?}", armed.elapsed());
    kwin_simulate_activity(&kwin);
    assert_eq!(next(&mut rx, EVENT_WAIT, &kwin.log()).await, reached(false));
    assert_eq!(
        next(&mut rx, LULL + EVENT_WAIT, &kwin.log()).await,
        reached(true)
    );
    // Disarmed: the notification is gone with its connection; input reports nothing.
    lull.disarm();
    kwin_simulate_activity(&kwin);
    if let Ok(event) = tokio::time::timeout(LULL * 2, rx.recv()).await {
        panic!("a report after the watch was disarmed: {event:?}");
    }
}

// ---------------------------------------------------------------------------------------------
// No compositor

/// `start_on` on a path where nothing listens: an error at once, not a hang.
#[tokio::test]
async fn nothing_listening_is_an_error_at_once() {
    let dir = tempfile::tempdir().unwrap();
    // A socket file whose listener is gone (a crashed compositor) and a path with no file.
    let stale = dir.path().join("wayland-stale");
    drop(UnixListener::bind(&stale).unwrap());
    for socket in [stale, dir.path().join("wayland-none")] {
        let (tx, _rx) = tokio::sync::mpsc::channel(1);
        let begun = Instant::now();
        let err = start_on(&socket, tx, NATURAL_BREAK)
            .await
            .expect_err("nothing listens there")
            .to_string();
        assert!(
            begun.elapsed() < Duration::from_secs(1),
            "took {:?}",
            begun.elapsed()
        );
        assert!(
            err.contains("cannot connect") && err.contains(&*socket.to_string_lossy()),
            "{err}"
        );
    }
}

/// A socket that accepts but never answers (a hung compositor): an error after the setup
/// timeout, not a hang.
#[tokio::test]
async fn a_silent_compositor_is_an_error_after_the_setup_timeout() {
    let dir = tempfile::tempdir().unwrap();
    let socket = dir.path().join("wayland-silent");
    let listener = UnixListener::bind(&socket).unwrap();
    // Accept and read whatever comes, never writing; the end of input tells that the client
    // gave up and closed its socket.
    let server = std::thread::spawn(move || {
        let (mut conn, _) = listener.accept().unwrap();
        let mut sink = Vec::new();
        conn.read_to_end(&mut sink).map(|_| sink.len())
    });
    let (tx, _rx) = tokio::sync::mpsc::channel(1);
    let begun = Instant::now();
    let err = start_on(&socket, tx, NATURAL_BREAK)
        .await
        .expect_err("the server never answers")
        .to_string();
    let took = begun.elapsed();
    assert!(err.contains("did not answer"), "{err}");
    assert!(
        took >= SETUP_TIMEOUT && took < SETUP_TIMEOUT + Duration::from_secs(2),
        "took {took:?}"
    );
    // The source hung up: the server's read ends (bounded: the join would hang otherwise).
    let deadline = Instant::now() + Duration::from_secs(5);
    while !server.is_finished() {
        assert!(Instant::now() < deadline, "the source did not hang up");
        std::thread::sleep(Duration::from_millis(10));
    }
    let read = server.join().unwrap().unwrap();
    assert!(read > 0, "the source sent no request");
}
