//! A private X server (Xvfb), a real notification server on it (dunst) and input made on it
//! (`xdotool`), for the tests that need them (`e2e_dunst.rs`, `presence_x11.rs`,
//! `presence_session.rs`) and the benchmarks.

use std::io::{BufRead as _, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use crate::notifications::NOTIFICATIONS;
use crate::{Bus, Guard, run_bounded};

/// What to install for Xvfb and dunst, for skip notes and failures.
pub const DUNST_INSTALL: &str =
    "install dunst and xvfb (Debian: `apt-get install dunst xvfb`; CI does)";
/// The programs the dunst tests need.
pub const DUNST_TOOLS: &[&str] = &["dunst", "dunstctl", "Xvfb"];
/// Bound for Xvfb and dunst to start.
const SOON: Duration = Duration::from_secs(10);

/// Starts Xvfb (1024x768x24) with `extra` arguments on a free display (it picks one itself with
/// `-displayfd`) and returns it with the display name (`:N`), once the server is listening.
pub fn start_xvfb(extra: &[&str]) -> (Guard, String) {
    let mut child = Command::new("Xvfb")
        .args(["-displayfd", "1", "-nolisten", "tcp"])
        .args(["-screen", "0", "1024x768x24"])
        .args(extra)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| {
            panic!("cannot start Xvfb ({e}): install xvfb (Debian: `apt-get install xvfb`)")
        });
    let stdout = child.stdout.take().unwrap();
    let guard = Guard(child);
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut line = String::new();
        let _ = BufReader::new(stdout).read_line(&mut line);
        let _ = tx.send(line);
    });
    // Xvfb writes the display number once it listens on it.
    let display = match rx.recv_timeout(SOON) {
        Ok(line) if !line.trim().is_empty() => line.trim().to_owned(),
        other => panic!("Xvfb did not report its display within {SOON:?}: {other:?}"),
    };
    let socket = format!("/tmp/.X11-unix/X{display}");
    assert!(
        Path::new(&socket).exists(),
        "Xvfb reported display :{display} but {socket} does not exist"
    );
    (guard, format!(":{display}"))
}

/// Starts dunst on `display` and `bus` with the config `dunstrc` written to `dir` (which is also
/// its HOME), its stderr to `stderr`, and returns it once it owns the notification server's
/// name (bounded).
pub fn start_dunst(bus: &Bus, display: &str, dir: &Path, dunstrc: &str, stderr: Stdio) -> Guard {
    let config = crate::write_file(dir, "dunstrc", dunstrc);
    let mut dunst = Guard(
        Command::new("dunst")
            .arg("-config")
            .arg(&config)
            .env("DISPLAY", display)
            .env_remove("WAYLAND_DISPLAY")
            .env("DBUS_SESSION_BUS_ADDRESS", &bus.address)
            .env("HOME", dir)
            .env("XDG_CONFIG_HOME", dir.join("config"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(stderr)
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start dunst ({e}): {DUNST_INSTALL}")),
    );
    bus.wait_for_owner(NOTIFICATIONS, SOON, || dunst.is_running());
    dunst
}

/// Runs `dunstctl args...` on the test bus and returns its stdout.
pub fn dunstctl(bus: &Bus, args: &[&str]) -> String {
    let out = Command::new("dunstctl")
        .args(args)
        .env("DBUS_SESSION_BUS_ADDRESS", &bus.address)
        .output()
        .unwrap_or_else(|e| panic!("cannot run dunstctl ({e}): {DUNST_INSTALL}"));
    assert!(
        out.status.success(),
        "dunstctl {args:?} failed (`dunstctl history` also needs busctl, from the systemd \
         package): {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Runs `xdotool args...` on `display` (`mousemove X Y`, `key shift`: input the X server counts as
/// the user's), bounded; it must succeed.
pub fn xdotool(display: &str, args: &[&str]) {
    let mut cmd = Command::new("xdotool");
    cmd.args(args)
        .env("DISPLAY", display)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let out = run_bounded(cmd, SOON);
    assert!(
        out.status.success(),
        "xdotool {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}
