//! End to end against a real notification server: dunst on Xvfb, on a private session bus, read
//! back with `dunstctl history`. Needs `dunst`, `dunstctl` and `Xvfb` (Debian: `apt-get install
//! dunst xvfb`). Without them it is skipped with a loud note, so `cargo test` works on a machine
//! with only dbus-daemon; `.ci/run` installs them and sets `STRETCHD_REQUIRE_DUNST=1`, under which
//! a missing tool fails the test.

mod common;

use std::io::{BufRead as _, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::{Bus, Daemon, all_day_config, numbered_steps, write_file};

const INSTALL: &str = "install dunst and xvfb (Debian: `apt-get install dunst xvfb`; CI does)";
const SOON: Duration = Duration::from_secs(10);

/// A child process stopped on drop: SIGTERM first, so that Xvfb removes its lock file and
/// socket, then SIGKILL if it is still there after a second.
struct Guard(Child);

impl Drop for Guard {
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .arg("-TERM")
            .arg(self.0.id().to_string())
            .status();
        let deadline = Instant::now() + Duration::from_secs(1);
        while matches!(self.0.try_wait(), Ok(None)) && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(10));
        }
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts Xvfb on a free display (it picks one itself with `-displayfd`) and returns it with
/// the display number, once the server is listening.
fn start_xvfb() -> (Guard, String) {
    let mut child = Command::new("Xvfb")
        .args([
            "-displayfd",
            "1",
            "-nolisten",
            "tcp",
            "-screen",
            "0",
            "1024x768x24",
        ])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start Xvfb ({e}): {INSTALL}"));
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
    (guard, display)
}

/// Runs `dunstctl args...` on the test bus and returns its stdout.
fn dunstctl(bus: &Bus, args: &[&str]) -> String {
    let out = Command::new("dunstctl")
        .args(args)
        .env("DBUS_SESSION_BUS_ADDRESS", &bus.address)
        .output()
        .unwrap_or_else(|e| panic!("cannot run dunstctl ({e}): {INSTALL}"));
    assert!(
        out.status.success(),
        "dunstctl {args:?} failed (`dunstctl history` also needs busctl, from the systemd \
         package): {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// A string field of one `dunstctl history` entry (`{"type": "s", "data": ...}`).
fn field<'a>(entry: &'a serde_json::Value, key: &str) -> &'a str {
    entry[key]["data"]
        .as_str()
        .unwrap_or_else(|| panic!("no string {key:?} in {entry}"))
}

/// Whether every program the test needs is on `PATH`.
fn tools_present() -> bool {
    ["dunst", "dunstctl", "Xvfb"].iter().all(|tool| {
        std::env::var_os("PATH")
            .is_some_and(|path| std::env::split_paths(&path).any(|dir| dir.join(tool).is_file()))
    })
}

#[test]
fn dunst_shows_the_reminder() {
    if !tools_present() {
        assert!(
            std::env::var_os("STRETCHD_REQUIRE_DUNST").is_none(),
            "STRETCHD_REQUIRE_DUNST is set but a tool is missing: {INSTALL}"
        );
        eprintln!("SKIPPED dunst_shows_the_reminder: {INSTALL}");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let bus = Bus::start();
    let (_xvfb, display) = start_xvfb();

    let dunstrc = write_file(dir.path(), "dunstrc", "[global]\n    history_length = 20\n");
    let dunst_log = std::fs::File::create(dir.path().join("dunst.log")).unwrap();
    let mut dunst = Guard(
        Command::new("dunst")
            .arg("-config")
            .arg(&dunstrc)
            .env("DISPLAY", format!(":{display}"))
            .env_remove("WAYLAND_DISPLAY")
            .env("DBUS_SESSION_BUS_ADDRESS", &bus.address)
            .env("HOME", dir.path())
            .env("XDG_CONFIG_HOME", dir.path().join("config"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(dunst_log)
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start dunst ({e}): {INSTALL}")),
    );
    let dunst_stderr = || std::fs::read_to_string(dir.path().join("dunst.log")).unwrap_or_default();
    bus.wait_for_owner("org.freedesktop.Notifications", SOON, || {
        dunst.0.try_wait().unwrap().is_none()
    });

    let config = write_file(
        dir.path(),
        "config.toml",
        &all_day_config(
            "[[reminder]]\nid = \"stretch\"\nkind = \"stretch\"\nevery = \"2s\"\nstretch = \"seated-twist\"\n",
        ),
    );
    let mut daemon = Daemon::builder(&bus.address, &config).start();
    daemon.wait_for_log("stretchd is running", SOON);
    daemon.wait_for_log("daemon: reminder reminder=stretch", SOON);

    // The log line comes just before the Notify call: poll dunst (every 50 ms, bounded) until
    // the notification is there, closing what it displays so that it moves to the history.
    let deadline = Instant::now() + SOON;
    let (history, entry) = loop {
        dunstctl(&bus, &["close-all"]);
        let history = dunstctl(&bus, &["history"]);
        let json: serde_json::Value = serde_json::from_str(&history)
            .unwrap_or_else(|e| panic!("dunstctl history is not JSON ({e}): {history}"));
        let entries = json["data"][0].as_array().expect("a list of notifications");
        if let Some(entry) = entries.iter().find(|e| field(e, "appname") == "stretchd") {
            break (history.clone(), entry.clone());
        }
        assert!(
            Instant::now() < deadline,
            "no stretchd notification in dunst's history after {SOON:?}: {history}\n\
             stretchd:\n{}\ndunst:\n{}",
            daemon.log(),
            dunst_stderr()
        );
        std::thread::sleep(Duration::from_millis(50));
    };
    assert_eq!(
        daemon.count("cannot show the reminder"),
        0,
        "{}",
        daemon.log()
    );
    assert_eq!(
        field(&entry, "summary"),
        "Mid-back stretch: Seated twist, 15-30 s each side",
        "{history}"
    );
    let body = field(&entry, "body");
    assert!(
        body.contains(&numbered_steps("seated-twist")),
        "the body lacks the numbered steps: {body}"
    );
    assert!(
        body.contains(stretchd::catalog::SAFETY_NOTICE),
        "the body lacks the safety notice: {body}"
    );
    assert_eq!(field(&entry, "category"), "presence");
    // dunst took the picture from the image-path hint (a file:// URI it turns into a path).
    let icon = field(&entry, "icon_path");
    assert!(
        icon.ends_with("/stretchd/images/seated-twist.svg"),
        "dunst did not take the picture: icon_path {icon:?}\n{history}"
    );
}
