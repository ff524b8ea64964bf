//! A real KDE Plasma 5.27 shell ([`Plasma::start`]: `plasmashell` on Xvfb, on a session bus
//! that D-Bus-activates Plasma's helpers) for the Plasma end-to-end tests and the README's
//! screenshot, with its notification popups found and clicked through the X server
//! (`xdotool`), and the tray's `StatusNotifierWatcher` on demand ([`Plasma::start_watcher`]).

use std::ffi::OsStr;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use tempfile::TempDir;

use crate::x11::{start_xvfb, xdotool};
use crate::xfce::WATCHER;
use crate::{Bus, DesktopTurn, Group, Guard, run_bounded};

/// What to install, for skip notes and failures.
pub const PLASMA_INSTALL: &str = "install plasma-desktop, xvfb and xdotool (Debian: `apt-get \
    install --no-install-recommends plasma-desktop xvfb xdotool`; CI does, with \
    STRETCHD_REQUIRE_PLASMA=1)";
/// The programs the Plasma tests need.
pub const PLASMA_TOOLS: &[&str] = &["plasmashell", "kded5", "Xvfb", "xdotool", "dbus-daemon"];
/// The variable under which a missing Plasma fails the tests instead of skipping them.
pub const REQUIRE_PLASMA: &str = "STRETCHD_REQUIRE_PLASMA";
/// Bound for plasmashell to serve notifications (1.2-5.7 s here, the first start slowest).
const START: Duration = Duration::from_secs(60);
/// Bound for a popup to show or go (generous: a loaded machine).
const SOON: Duration = Duration::from_secs(20);

/// A window on the X server, as `xdotool getwindowgeometry --shell` says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    /// The X window id.
    pub id: u64,
    /// Left edge.
    pub x: i32,
    /// Top edge.
    pub y: i32,
    /// Width.
    pub width: i32,
    /// Height.
    pub height: i32,
}

/// plasmashell on Xvfb with its bus, all stopped on drop.
pub struct Plasma {
    // Dropped first: the shell before its X server and bus.
    process: Group,
    _xvfb: Guard,
    /// The session bus the shell is on (the daemon under test goes there).
    pub session: Bus,
    /// The X display (`:N`).
    pub display: String,
    /// The windows plasmashell had once it served notifications (the desktop, the panel):
    /// any other is a popup.
    shell_windows: Vec<u64>,
    log: PathBuf,
    _dir: TempDir,
    /// Dropped last: the next desktop starts once this one is gone.
    _turn: DesktopTurn,
}

impl Plasma {
    /// Whether Plasma is installed; if not, `test` is skipped with a note (false), or fails
    /// under `STRETCHD_REQUIRE_PLASMA`.
    pub fn present(test: &str) -> bool {
        crate::required_present(REQUIRE_PLASMA, test, PLASMA_TOOLS, PLASMA_INSTALL)
    }

    /// Starts Xvfb and `plasmashell --no-respawn` on it, and returns once the shell owns
    /// `org.freedesktop.Notifications` and has drawn its desktop and panel.
    pub fn start() -> Plasma {
        let turn = DesktopTurn::take();
        let dir = tempfile::tempdir().unwrap();
        let home = dir.path().join("home");
        let runtime = dir.path().join("runtime");
        crate::private_dir(&home.join(".config"));
        crate::private_dir(&runtime);
        let (xvfb, display) = start_xvfb(&[]);
        let session = Bus::with_installed_services();
        let config = home.join(".config");
        let data = home.join(".local/share");
        let cache = home.join(".cache");
        // Plasma's D-Bus-activated helpers (the activity manager, kded) get these too.
        let env: Vec<(&str, &OsStr)> = vec![
            ("DISPLAY", OsStr::new(&display)),
            ("QT_QPA_PLATFORM", OsStr::new("xcb")),
            ("XDG_CURRENT_DESKTOP", OsStr::new("KDE")),
            ("HOME", home.as_os_str()),
            ("XDG_CONFIG_HOME", config.as_os_str()),
            ("XDG_DATA_HOME", data.as_os_str()),
            ("XDG_CACHE_HOME", cache.as_os_str()),
            ("XDG_RUNTIME_DIR", runtime.as_os_str()),
        ];
        session.set_activation_env(&env);
        let log = dir.path().join("plasmashell.log");
        let started = Instant::now();
        let mut process = Group::spawn(
            Command::new("plasmashell")
                .arg("--no-respawn")
                .envs(env.iter().copied())
                .env("DBUS_SESSION_BUS_ADDRESS", &session.address)
                .env_remove("WAYLAND_DISPLAY")
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(std::fs::File::create(&log).unwrap()),
        )
        .unwrap_or_else(|e| panic!("cannot start plasmashell ({e}): {PLASMA_INSTALL}"));
        crate::wait_serving(&session, &mut process, "plasmashell", &log, started, START);
        let mut plasma = Plasma {
            process,
            _xvfb: xvfb,
            session,
            display,
            shell_windows: Vec::new(),
            log,
            _dir: dir,
            _turn: turn,
        };
        // The panel is up by now, or about to be (the notification server is its system
        // tray's): a bounded wait for a window at the bottom of the screen.
        let deadline = Instant::now() + SOON;
        while !plasma.windows().iter().any(|w| w.y > 0) {
            assert!(
                Instant::now() < deadline,
                "plasmashell drew no desktop and panel within {SOON:?}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        plasma.shell_windows = plasma.windows().iter().map(|w| w.id).collect();
        plasma
    }

    /// Has kded5 (D-Bus-activated: plasmashell starts it, or this call does) load its
    /// `statusnotifierwatcher` module, and returns once [`WATCHER`] has an owner (0.2-0.3 s
    /// here). plasmashell alone does not have it loaded (no watcher after 95 s here), nor does
    /// kded5 autoload it with `KDE_FULL_SESSION=true`.
    pub fn start_watcher(&mut self) {
        let started = Instant::now();
        let mut cmd = Command::new("dbus-send");
        cmd.env("DBUS_SESSION_BUS_ADDRESS", &self.session.address)
            .args([
                "--session",
                "--print-reply=literal",
                &format!("--reply-timeout={}", START.as_millis()),
                "--dest=org.kde.kded5",
                "/kded",
                "org.kde.kded5.loadModule",
                "string:statusnotifierwatcher",
            ])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let out = run_bounded(cmd, START);
        assert!(
            String::from_utf8_lossy(&out.stdout).contains("true"),
            "kded5 did not load statusnotifierwatcher: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        let process = &mut self.process;
        self.session
            .wait_for_owner(WATCHER, SOON, || process.is_running());
        eprintln!("kded5's {WATCHER} is up after {:?}", started.elapsed());
    }

    /// Whether plasmashell is still running.
    pub fn is_running(&mut self) -> bool {
        self.process.is_running()
    }

    /// What plasmashell wrote to stderr so far.
    pub fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// The visible windows.
    pub fn windows(&self) -> Vec<Window> {
        let mut cmd = Command::new("xdotool");
        cmd.args(["search", "--onlyvisible", "--name", ""])
            .env("DISPLAY", &self.display)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let out = run_bounded(cmd, SOON);
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .filter_map(|id| id.trim().parse::<u64>().ok())
            .filter_map(|id| self.geometry(id))
            .collect()
    }

    /// Where window `id` is, if it still exists.
    fn geometry(&self, id: u64) -> Option<Window> {
        let mut cmd = Command::new("xdotool");
        cmd.args(["getwindowgeometry", "--shell", &id.to_string()])
            .env("DISPLAY", &self.display)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let out = run_bounded(cmd, SOON);
        let text = String::from_utf8_lossy(&out.stdout);
        let value = |key: &str| {
            text.lines()
                .find_map(|l| l.strip_prefix(key)?.strip_prefix('='))
                .and_then(|v| v.parse::<i32>().ok())
        };
        Some(Window {
            id,
            x: value("X")?,
            y: value("Y")?,
            width: value("WIDTH")?,
            height: value("HEIGHT")?,
        })
    }

    /// The notification popups on screen: the windows the shell did not have at start.
    pub fn popups(&self) -> Vec<Window> {
        self.windows()
            .into_iter()
            .filter(|w| !self.shell_windows.contains(&w.id))
            .collect()
    }

    /// Waits, bounded, for exactly one popup that stays put (Plasma may move a new popup once
    /// after showing it), and returns it.
    pub fn wait_for_popup(&self) -> Window {
        let deadline = Instant::now() + SOON;
        let mut last = None;
        loop {
            let popups = self.popups();
            if let [popup] = popups[..] {
                if last == Some(popup) {
                    return popup;
                }
                last = Some(popup);
                std::thread::sleep(Duration::from_millis(200));
                continue;
            }
            last = None;
            assert!(
                Instant::now() < deadline,
                "not one notification popup within {SOON:?}: {popups:?}; plasmashell's log:\n{}",
                self.log()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Waits, bounded, until no popup is on screen.
    pub fn wait_for_no_popup(&self) {
        let deadline = Instant::now() + SOON;
        while !self.popups().is_empty() {
            assert!(
                Instant::now() < deadline,
                "a notification popup is still up after {SOON:?}: {:?}",
                self.popups()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Moves the pointer to `(x, y)` (which keeps a popup under it open) and clicks there with
    /// the left button.
    pub fn click(&self, x: i32, y: i32) {
        xdotool(
            &self.display,
            &["mousemove", &x.to_string(), &y.to_string()],
        );
        xdotool(&self.display, &["click", "1"]);
    }

    /// Clicks the button `label` (Done, Snooze, Skip: the three a stretch reminder has) of the
    /// popup `popup`. Plasma 5.27 lays a popup's buttons out in one row at its bottom, from the
    /// right edge; where each one is was measured on a screenshot of this Plasma (Breeze, the
    /// Debian fonts) and is checked by the effect the click has in the tests.
    pub fn click_button(&self, popup: Window, label: &str) {
        let from_right = match label {
            "Skip" => 28,
            "Snooze" => 84,
            "Done" => 143,
            other => panic!("no known place for a {other:?} button"),
        };
        // Onto the popup first: the pointer on it stops its timeout. Then where it is now.
        self.hover(popup.x + popup.width / 2, popup.y + 10);
        let popup = self
            .geometry(popup.id)
            .unwrap_or_else(|| panic!("the popup {popup:?} went away before {label} was clicked"));
        self.click(
            popup.x + popup.width - from_right,
            popup.y + popup.height - 21,
        );
    }

    /// Moves the pointer to `(x, y)` without clicking.
    pub fn hover(&self, x: i32, y: i32) {
        xdotool(
            &self.display,
            &["mousemove", &x.to_string(), &y.to_string()],
        );
    }
}
