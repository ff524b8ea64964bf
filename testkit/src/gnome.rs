//! A real, headless GNOME Shell ([`Shell::start`]) on private buses, for the GNOME end-to-end
//! tests and the README's screenshot, and what the tests do to it: JavaScript evaluated inside
//! the shell ([`Shell::eval`], `--unsafe-mode`), input injected as the user's
//! ([`Pointer`], `org.gnome.Mutter.RemoteDesktop`), screenshots (`org.gnome.Shell.Screenshot`).
//!
//! GNOME Shell 43 insists on logind where `/run/systemd/seats` exists (in this container too),
//! so it gets a private system bus with python-dbusmock's logind on it. Its session bus
//! D-Bus-activates the machine's session services (dconf, the notification service that GNOME
//! runs with gjs), with their HOME and XDG directories in the shell's own temporary home.
//! `pipewire` and `wireplumber` run beside it, as in a session ([`Shell::pipewire`]).

use std::collections::HashMap;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use tempfile::TempDir;
use zbus::{Connection, OwnedObjectPath, proxy};

use crate::pipewire::PipeWire;
use crate::{Bus, DesktopTurn, Group};

/// What to install, for skip notes and failures.
pub const GNOME_INSTALL: &str = "install gnome-shell, gjs, python3-dbusmock, pipewire, \
    wireplumber and the AppIndicator extension (Debian: `apt-get install \
    --no-install-recommends gnome-shell gjs python3-dbusmock pipewire wireplumber dconf-cli \
    gnome-shell-extension-appindicator`; CI does, with STRETCHD_REQUIRE_GNOME=1)";
/// The programs (and python-dbusmock) a real GNOME Shell needs here.
pub const GNOME_TOOLS: &[&str] = &[
    "gnome-shell",
    "gjs",
    "pipewire",
    "wireplumber",
    "gsettings",
    "dbus-daemon",
    PYTHON,
    "/usr/lib/python3/dist-packages/dbusmock",
    APPINDICATOR_DIR,
];
/// The `AppIndicator` extension's uuid: GNOME's tray host for status notifier items.
pub const APPINDICATOR: &str = "ubuntu-appindicators@ubuntu.com";
/// Where Debian's gnome-shell-extension-appindicator installs it.
const APPINDICATOR_DIR: &str = "/usr/share/gnome-shell/extensions/ubuntu-appindicators@ubuntu.com";
/// The variable under which a missing GNOME fails the tests instead of skipping them.
pub const REQUIRE_GNOME: &str = "STRETCHD_REQUIRE_GNOME";
/// The Debian Python, which has python3-dbusmock (a `python3` earlier on `PATH` may not).
const PYTHON: &str = "/usr/bin/python3";
/// Bound for the shell to start (0.7-2.2 s here; more on a loaded machine).
const START: Duration = Duration::from_secs(40);
/// Bound for a call into the shell, and for what it shows to show: generous, as a shell that
/// starts beside others on a loaded two-core machine answers its first calls slowly.
const CALL: Duration = Duration::from_secs(30);
/// A script that describes the message tray, for failure messages.
const TRAY: &str = "const t = Main.messageTray; JSON.stringify({\
    sources: t.getSources().map(s => [s.title, s.notifications.map(n => n.title)]), \
    state: t._notificationState, queue: t._notificationQueue.map(n => n.title), \
    banner: t._banner ? t._banner.notification.title : null, blocked: t._bannerBlocked, \
    busy: t._busy, active: t._userActiveWhileNotificationShown, \
    fullscreen: Main.layoutManager.primaryMonitor.inFullscreen})";
/// The size of the virtual monitor.
pub const SCREEN: (u32, u32) = (1280, 800);

#[proxy(
    interface = "org.gnome.Shell",
    default_service = "org.gnome.Shell",
    default_path = "/org/gnome/Shell"
)]
trait GnomeShell {
    fn eval(&self, script: &str) -> zbus::Result<(bool, String)>;
}

#[proxy(
    interface = "org.gnome.Shell.Screenshot",
    default_service = "org.gnome.Shell.Screenshot",
    default_path = "/org/gnome/Shell/Screenshot"
)]
trait Screenshot {
    fn screenshot_area(
        &self,
        x: i32,
        y: i32,
        width: i32,
        height: i32,
        flash: bool,
        filename: &str,
    ) -> zbus::Result<(bool, String)>;
}

#[proxy(
    interface = "org.gnome.Mutter.RemoteDesktop",
    default_service = "org.gnome.Mutter.RemoteDesktop",
    default_path = "/org/gnome/Mutter/RemoteDesktop"
)]
trait RemoteDesktop {
    fn create_session(&self) -> zbus::Result<OwnedObjectPath>;
}

#[proxy(
    interface = "org.gnome.Mutter.RemoteDesktop.Session",
    default_service = "org.gnome.Mutter.RemoteDesktop"
)]
trait RemoteDesktopSession {
    fn start(&self) -> zbus::Result<()>;
    fn notify_pointer_motion_relative(&self, dx: f64, dy: f64) -> zbus::Result<()>;
    fn notify_pointer_button(&self, button: i32, state: bool) -> zbus::Result<()>;
}

/// How GNOME Shell lays out an expanded banner's body ([`Shell::body_layout`]).
#[derive(Debug, Clone, serde::Deserialize)]
pub struct BodyLayout {
    /// The notification's title.
    pub title: String,
    /// Whether the collapsed body (one line, the body's lines joined) ends in an ellipsis.
    pub collapsed_cut: bool,
    /// The lines the expanded body is wrapped into.
    pub lines: usize,
    /// The characters of the body.
    pub chars: usize,
    /// The most lines the expanded body shows; the rest is cut off.
    pub cap: usize,
}

#[proxy(
    interface = "org.gnome.Mutter.ScreenCast",
    default_service = "org.gnome.Mutter.ScreenCast",
    default_path = "/org/gnome/Mutter/ScreenCast"
)]
trait ScreenCastManager {
    fn create_session(
        &self,
        properties: HashMap<&str, zbus::Variant<'_>>,
    ) -> zbus::Result<OwnedObjectPath>;
}

#[proxy(
    interface = "org.gnome.Mutter.ScreenCast.Session",
    default_service = "org.gnome.Mutter.ScreenCast"
)]
trait ScreenCastSession {
    fn start(&self) -> zbus::Result<()>;
    fn stop(&self) -> zbus::Result<()>;
    fn record_monitor(
        &self,
        connector: &str,
        properties: HashMap<&str, zbus::Variant<'_>>,
    ) -> zbus::Result<OwnedObjectPath>;
}

#[proxy(
    interface = "org.gnome.Mutter.ScreenCast.Stream",
    default_service = "org.gnome.Mutter.ScreenCast"
)]
trait ScreenCastStream {
    #[zbus(signal, name = "PipeWireStreamAdded")]
    fn pipewire_stream_added(&self, node_id: u32) -> zbus::Result<()>;
}

/// GNOME Shell with its buses and helpers, all stopped on drop.
pub struct Shell {
    // Dropped in this order: the shell before its helpers and buses, the directory last.
    _process: Group,
    _helpers: Vec<Group>,
    /// PipeWire and WirePlumber in the shell's runtime directory (screen casts go through
    /// them).
    pub pipewire: PipeWire,
    conn: Connection,
    /// The session bus the shell is on (the daemon under test goes there).
    pub session: Bus,
    /// The system bus, with the mock logind.
    pub system: Bus,
    /// The shell's HOME (`XDG_CONFIG_HOME` is `home/.config`).
    pub home: PathBuf,
    log: PathBuf,
    _dir: TempDir,
    /// Dropped last: the next desktop starts once this one is gone.
    _turn: DesktopTurn,
}

impl Shell {
    /// Whether GNOME Shell and its helpers are installed; if not, `test` is skipped with a note
    /// (false), or fails under `STRETCHD_REQUIRE_GNOME`.
    pub fn present(test: &str) -> bool {
        crate::required_present(REQUIRE_GNOME, test, GNOME_TOOLS, GNOME_INSTALL)
    }

    /// Starts `gnome-shell --headless --wayland --unsafe-mode` with a 1280x800 virtual monitor,
    /// and returns once it serves notifications (never before: a Notify sent earlier would be
    /// lost or D-Bus-activate someone else) with its start-up banners cleared. A shell that
    /// does not finish its start-up (seen now and then on a loaded machine: it stops answering
    /// at all) is stopped and started afresh, three times at most.
    pub async fn start() -> Shell {
        for attempt in 1..=3 {
            let shell = Shell::launch().await;
            if shell.clear().await {
                return shell;
            }
            eprintln!(
                "gnome-shell did not finish its start-up (attempt {attempt} of 3); its log:\n{}",
                shell.log()
            );
        }
        panic!("gnome-shell did not finish its start-up in 3 attempts");
    }

    /// Starts the shell and its helpers, ready once it serves notifications.
    async fn launch() -> Shell {
        let turn = DesktopTurn::take();
        let dir = tempfile::tempdir().unwrap();
        let home = dir.path().join("home");
        let runtime = dir.path().join("runtime");
        crate::private_dir(&home.join(".config"));
        crate::private_dir(&runtime);
        let system = Bus::system();
        let session = Bus::with_installed_services();
        let env: Vec<(&str, &OsStr)> = vec![
            ("HOME", home.as_os_str()),
            ("XDG_RUNTIME_DIR", runtime.as_os_str()),
            ("DBUS_SYSTEM_BUS_ADDRESS", OsStr::new(&system.address)),
        ];
        let config = home.join(".config");
        let data = home.join(".local/share");
        let cache = home.join(".cache");
        let mut activation = env.clone();
        activation.extend([
            ("XDG_CONFIG_HOME", config.as_os_str()),
            ("XDG_DATA_HOME", data.as_os_str()),
            ("XDG_CACHE_HOME", cache.as_os_str()),
        ]);
        session.set_activation_env(&activation);
        let mut activation_with_bus = activation.clone();
        activation_with_bus.push(("DBUS_SESSION_BUS_ADDRESS", OsStr::new(&session.address)));
        let log = dir.path().join("gnome-shell.log");
        let spawn = |program: &str, args: &[&str], stderr: Stdio| {
            let mut cmd = Command::new(program);
            cmd.args(args)
                .envs(activation.iter().copied())
                .env("DBUS_SESSION_BUS_ADDRESS", &session.address)
                .env_remove("DISPLAY")
                .env_remove("WAYLAND_DISPLAY")
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(stderr);
            Group::spawn(&mut cmd)
                .unwrap_or_else(|e| panic!("cannot start {program} ({e}): {GNOME_INSTALL}"))
        };
        let mut logind = spawn(
            PYTHON,
            &["-m", "dbusmock", "--system", "--template", "logind"],
            Stdio::null(),
        );
        system.wait_for_owner("org.freedesktop.login1", CALL, || logind.is_running());
        let helpers = vec![logind];
        let pipewire = PipeWire::start(&runtime, &activation_with_bus);
        let started = Instant::now();
        let mut shell = spawn(
            "gnome-shell",
            &[
                "--headless",
                "--wayland",
                "--no-x11",
                "--unsafe-mode",
                "--virtual-monitor",
                &format!("{}x{}", SCREEN.0, SCREEN.1),
            ],
            Stdio::from(std::fs::File::create(&log).unwrap()),
        );
        crate::wait_serving(&session, &mut shell, "gnome-shell", &log, started, START);
        let conn = zbus::connection::Builder::address(session.address.as_str())
            .build()
            .await
            .unwrap();
        Shell {
            _process: shell,
            _helpers: helpers,
            pipewire,
            conn,
            session,
            system,
            home,
            log,
            _dir: dir,
            _turn: turn,
        }
    }

    /// What gnome-shell wrote to stderr so far.
    pub fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// The environment a client of this desktop runs with (`gsettings`, the daemon): its HOME
    /// and XDG directories and the buses.
    pub fn env(&self) -> Vec<(&'static str, PathBuf)> {
        vec![
            ("HOME", self.home.clone()),
            ("XDG_CONFIG_HOME", self.home.join(".config")),
            ("XDG_DATA_HOME", self.home.join(".local/share")),
            ("XDG_CACHE_HOME", self.home.join(".cache")),
            (
                "DBUS_SESSION_BUS_ADDRESS",
                PathBuf::from(&self.session.address),
            ),
            (
                "DBUS_SYSTEM_BUS_ADDRESS",
                PathBuf::from(&self.system.address),
            ),
        ]
    }

    /// Enables the installed extension `uuid` (as the Extensions app does) and waits, bounded,
    /// until the shell reports it enabled (state 1, `ENABLED`); panics with its error if it fails.
    pub async fn enable_extension(&self, uuid: &str) {
        self.eval(&format!("Main.extensionManager.enableExtension({uuid:?})"))
            .await;
        let state = format!(
            "const e = Main.extensionManager.lookup({uuid:?}); \
             JSON.stringify(e ? {{state: e.state, error: e.error}} : null)"
        );
        self.wait_for(&format!("the extension {uuid} enabled"), || async {
            self.eval_json(&state).await["state"] == 1
        })
        .await;
    }

    /// A connection to the shell's session bus.
    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Evaluates `script` in the shell (`org.gnome.Shell.Eval`) and returns what it evaluates
    /// to, as the shell stringifies it (JSON for a `JSON.stringify(...)`); panics with the
    /// shell's error.
    pub async fn eval(&self, script: &str) -> String {
        let proxy = GnomeShellProxy::new(&self.conn).await.unwrap();
        let (ok, value) = tokio::time::timeout(CALL, proxy.eval(script))
            .await
            .unwrap_or_else(|_| panic!("Eval did not answer within {CALL:?}"))
            .unwrap_or_else(|e| panic!("Eval failed ({e}); is gnome-shell in --unsafe-mode?"));
        assert!(ok, "Eval of {script:?} failed: {value}");
        value
    }

    /// [`Shell::eval`] of a script that ends in `JSON.stringify(...)`, parsed. (The shell
    /// returns a string value as JSON too, so it is parsed twice.)
    pub async fn eval_json(&self, script: &str) -> serde_json::Value {
        let value = self.eval(script).await;
        let value: serde_json::Value = serde_json::from_str(&value)
            .unwrap_or_else(|e| panic!("Eval returned no JSON ({e}): {value}"));
        match value {
            serde_json::Value::String(inner) => serde_json::from_str(&inner)
                .unwrap_or_else(|e| panic!("Eval returned no JSON ({e}): {inner}")),
            other => other,
        }
    }

    /// Once start-up is complete (the shell posts its own notifications then: "Logged in as a
    /// privileged user" as root, "Screen Lock disabled"), destroys every notification source
    /// and waits, bounded, until the tray is idle: the shell's banners would hold stretchd's
    /// back in the queue. False when start-up does not complete within CALL.
    async fn clear(&self) -> bool {
        // On a loaded machine the shell now and then stops answering during start-up: each
        // question is bounded by 10 s, the wait by CALL (a start-up takes 1-3 s).
        let proxy = GnomeShellProxy::new(&self.conn).await.unwrap();
        let deadline = Instant::now() + CALL;
        loop {
            let answer = tokio::time::timeout(
                Duration::from_secs(10),
                proxy.eval("Main.layoutManager._startingUp"),
            )
            .await;
            if let Ok(Ok((true, value))) = &answer
                && value == "false"
            {
                break;
            }
            if Instant::now() >= deadline {
                return false;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        self.eval(
            "Main.messageTray.getSources().forEach(s => s.destroy()); \
             Main.messageTray._updateState(); true",
        )
        .await;
        self.wait_for("an idle tray after clearing it", || async {
            self.tray_idle("System Information").await
        })
        .await;
        true
    }

    /// Waits, bounded, for a banner whose title starts with `title`.
    pub async fn wait_for_banner(&self, title: &str) -> Banner {
        let deadline = Instant::now() + CALL;
        loop {
            let banner = self.banner().await;
            if let Some(banner) = banner
                .as_ref()
                .filter(|b| b.shown && b.title.starts_with(title))
            {
                return banner.clone();
            }
            assert!(
                Instant::now() < deadline,
                "GNOME Shell shows no banner {title:?} within {CALL:?} (on screen: {banner:?}); \
                 listed: {:?}; gnome-shell's log:\n{}",
                self.eval(TRAY).await,
                self.log()
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Polls `check` every 50 ms until it holds; panics after 10 s naming `what`.
    pub async fn wait_for<F, Fut>(&self, what: &str, mut check: F)
    where
        F: FnMut() -> Fut,
        Fut: std::future::Future<Output = bool>,
    {
        let deadline = Instant::now() + CALL;
        while !check().await {
            assert!(
                Instant::now() < deadline,
                "GNOME Shell: {what} within {CALL:?}; gnome-shell's log:\n{}",
                self.log()
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// The banner on screen: its notification's title and body and its buttons (each label with
    /// its centre, once the banner is expanded and the buttons mapped); `None` when no banner
    /// is shown.
    pub async fn banner(&self) -> Option<Banner> {
        let json = self
            .eval_json(
                "const b = Main.messageTray._banner; \
                 const n = v => Number.isFinite(v) ? v : -1; \
                 function buttons(a, out) { \
                   if (a instanceof imports.gi.St.Button && a.label && a.mapped) { \
                     const [x, y] = a.get_transformed_position(); \
                     const [w, h] = a.get_transformed_size(); \
                     if (Number.isFinite(x) && Number.isFinite(w)) \
                       out.push({label: a.label, x: x + w / 2, y: y + h / 2}); } \
                   for (const c of a.get_children()) buttons(c, out); return out; } \
                 JSON.stringify(b ? (() => { \
                   const [x, y] = b.get_transformed_position(); \
                   const [w, h] = b.get_transformed_size(); \
                   return {title: b.notification.title, body: b.notification.bannerBodyText, \
                     gicon: b.notification.gicon ? b.notification.gicon.to_string() : null, \
                     shown: Main.messageTray._notificationState == 2, \
                     x: n(x), y: n(y), w: n(w), h: n(h), \
                     buttons: buttons(b, [])}; })() : null)",
            )
            .await;
        if json.is_null() {
            return None;
        }
        Some(serde_json::from_value(json).unwrap_or_else(|e| panic!("a banner: {e}")))
    }

    /// How the banner on screen lays out its body, once expanded (the pointer on it): how many
    /// lines GNOME wraps the expanded body into, how many of them it shows at most, and whether the one-line collapsed body is cut with an ellipsis. `None`
    /// until the banner is expanded and its body laid out.
    pub async fn body_layout(&self) -> Option<BodyLayout> {
        let json = self
            .eval_json(
                "const b = Main.messageTray._banner; \
                 JSON.stringify(b && b.expanded && b._expandedLabel && \
                     b._bodyStack.layout_manager.expansion == 1 ? { \
                   title: b.notification.title, \
                   collapsed_cut: b.bodyLabel.clutter_text.get_layout().is_ellipsized(), \
                   lines: b._expandedLabel.clutter_text.get_layout().get_line_count(), \
                   chars: [...b._bodyText].length, \
                   cap: b._bodyStack.layout_manager._expandLines} : null)",
            )
            .await;
        if json.is_null() {
            return None;
        }
        Some(serde_json::from_value(json).unwrap_or_else(|e| panic!("a body layout: {e}")))
    }

    /// Whether the message tray shows no banner, has none coming or going (its state is
    /// `HIDDEN`), and holds no source of `app`'s: a notification that comes while the source of
    /// the last one is going away gets no banner (GNOME Shell 43).
    pub async fn tray_idle(&self, app: &str) -> bool {
        let script = format!(
            "const t = Main.messageTray; t._notificationState == 0 && !t._banner && \
             !t.getSources().some(s => s.title == {app:?})"
        );
        self.eval(&script).await == "true"
    }

    /// The notifications in GNOME's message list (every source's, the banner's included) from
    /// the application `app` (its source's title): their titles.
    pub async fn listed(&self, app: &str) -> Vec<String> {
        let script = format!(
            "JSON.stringify(Main.messageTray.getSources().filter(s => s.title == {app:?}) \
             .flatMap(s => s.notifications.map(n => n.title)))"
        );
        serde_json::from_value(self.eval_json(&script).await).unwrap()
    }

    /// Saves a screenshot of the area `(x, y, width, height)` to `path` (a PNG).
    pub async fn screenshot(&self, area: (i32, i32, i32, i32), path: &Path) {
        let proxy = ScreenshotProxy::new(&self.conn).await.unwrap();
        let (x, y, w, h) = area;
        let (ok, _) = tokio::time::timeout(
            CALL,
            proxy.screenshot_area(x, y, w, h, false, path.to_str().unwrap()),
        )
        .await
        .expect("Screenshot did not answer")
        .expect("ScreenshotArea failed (gnome-shell not in --unsafe-mode?)");
        assert!(ok, "ScreenshotArea did not save {}", path.display());
    }

    /// A screen cast of the monitor, as a screen-sharing application makes one: a
    /// `org.gnome.Mutter.ScreenCast` session recording the primary monitor, its PipeWire stream
    /// (GNOME Shell's "Stream/Output/Video") consumed by GStreamer's `pipewiresrc`. Returns once
    /// the shell's stream runs; [`ScreenCast::stop`] ends it.
    pub async fn screen_cast(&self) -> ScreenCast<'_> {
        let manager = ScreenCastManagerProxy::new(&self.conn).await.unwrap();
        let path = tokio::time::timeout(CALL, manager.create_session(HashMap::new()))
            .await
            .expect("ScreenCast.CreateSession did not answer")
            .expect("ScreenCast.CreateSession failed");
        let session = ScreenCastSessionProxy::builder(&self.conn)
            .path(path)
            .build()
            .await
            .unwrap();
        // The empty connector is the primary monitor.
        let stream_path = session
            .record_monitor("", HashMap::new())
            .await
            .expect("ScreenCast.Session.RecordMonitor failed");
        let stream = ScreenCastStreamProxy::builder(&self.conn)
            .path(stream_path)
            .build()
            .await
            .unwrap();
        // Subscribed before the start, so that the signal is not missed.
        let mut added = stream.receive_pipewire_stream_added().await.unwrap();
        session
            .start()
            .await
            .expect("ScreenCast.Session.Start failed");
        let signal = tokio::time::timeout(CALL, futures_util::StreamExt::next(&mut added))
            .await
            .unwrap_or_else(|_| panic!("no PipeWireStreamAdded within {CALL:?}"))
            .expect("the screen-cast stream went away");
        let node = signal.args().unwrap().node_id;
        let consumer = self.pipewire.watch_node(node);
        self.pipewire
            .wait_for_node("running GNOME Shell screen-cast stream", |n| {
                u32::try_from(n.id) == Ok(node) && n.state == "running"
            });
        ScreenCast {
            session,
            node,
            consumer: Some(consumer),
        }
    }

    /// A virtual pointer of the user's (`org.gnome.Mutter.RemoteDesktop`), for as long as it
    /// is kept.
    pub async fn pointer(&self) -> Pointer<'_> {
        let desktop = RemoteDesktopProxy::new(&self.conn).await.unwrap();
        let path = desktop
            .create_session()
            .await
            .expect("RemoteDesktop.CreateSession failed");
        let session = RemoteDesktopSessionProxy::builder(&self.conn)
            .path(path)
            .build()
            .await
            .unwrap();
        session.start().await.expect("RemoteDesktop session Start");
        Pointer {
            shell: self,
            session,
        }
    }
}

/// A screen cast under way ([`Shell::screen_cast`]).
pub struct ScreenCast<'a> {
    session: ScreenCastSessionProxy<'a>,
    /// The PipeWire node of GNOME Shell's stream.
    pub node: u32,
    consumer: Option<Group>,
}

impl ScreenCast<'_> {
    /// Ends the cast: the consumer stops, and the session.
    pub async fn stop(mut self) {
        drop(self.consumer.take());
        let _ = tokio::time::timeout(CALL, self.session.stop()).await;
    }
}

/// A banner as [`Shell::banner`] reads it.
#[derive(Debug, Clone, serde::Deserialize)]
pub struct Banner {
    /// The notification's title.
    pub title: String,
    /// Its body as the banner shows it (no markup).
    pub body: String,
    /// Whether it is in place (the tray's state is `SHOWN`): not sliding in or out.
    pub shown: bool,
    /// Its icon (the image GNOME took), as a `GIcon` string.
    pub gicon: Option<String>,
    /// Where the banner is and how large.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    /// Width.
    pub w: f64,
    /// Height.
    pub h: f64,
    /// The buttons shown (only once the banner is expanded by the pointer on it).
    pub buttons: Vec<Button>,
}

/// A button on a banner, where its centre is.
#[derive(Debug, Clone, serde::Deserialize)]
pub struct Button {
    /// Its label.
    pub label: String,
    /// Centre, x.
    pub x: f64,
    /// Centre, y.
    pub y: f64,
}

/// The left mouse button (evdev `BTN_LEFT`).
const BTN_LEFT: i32 = 0x110;

/// A virtual pointer in a `RemoteDesktop` session: what it does, Mutter counts as the user's
/// input (it resets the idle time).
pub struct Pointer<'a> {
    shell: &'a Shell,
    session: RemoteDesktopSessionProxy<'a>,
}

impl Pointer<'_> {
    /// Where the pointer is.
    pub async fn position(&self) -> (f64, f64) {
        let xy: (f64, f64) = serde_json::from_value(
            self.shell
                .eval_json("const [x, y] = global.get_pointer(); JSON.stringify([x, y])")
                .await,
        )
        .unwrap();
        xy
    }

    /// Moves the pointer by `(dx, dy)`.
    pub async fn nudge(&self, dx: f64, dy: f64) {
        self.session
            .notify_pointer_motion_relative(dx, dy)
            .await
            .expect("NotifyPointerMotionRelative");
    }

    /// Moves the pointer to `(x, y)` in relative steps (no screen-cast stream is needed for
    /// them), checking where it landed; bounded.
    pub async fn move_to(&self, x: f64, y: f64) {
        for _ in 0..10 {
            let (px, py) = self.position().await;
            if (px - x).abs() < 1.5 && (py - y).abs() < 1.5 {
                return;
            }
            self.nudge(x - px, y - py).await;
            // The motion is applied on the shell's next frame; Eval runs after it.
            tokio::time::sleep(Duration::from_millis(30)).await;
        }
        panic!(
            "the pointer did not reach ({x}, {y}); it is at {:?}",
            self.position().await
        );
    }

    /// Presses and releases the left button where the pointer is.
    pub async fn click(&self) {
        for state in [true, false] {
            self.session
                .notify_pointer_button(BTN_LEFT, state)
                .await
                .expect("NotifyPointerButton");
        }
    }

    /// Moves onto the banner whose title starts with `title` (which expands it and shows its
    /// buttons), waits for the button `label`, and clicks it. Returns the banner as it was
    /// clicked.
    pub async fn click_button(&self, title: &str, label: &str) -> Banner {
        let banner = self.hover_banner(title).await;
        let deadline = Instant::now() + CALL;
        // Where the button was on the last look: it is clicked once it stays put (the banner
        // grows as it expands, and the buttons move with it).
        let mut last: Option<(f64, f64)> = None;
        loop {
            let banner = self.shell.banner().await.unwrap_or_else(|| {
                panic!("the banner went away before {label} was clicked: {banner:?}")
            });
            let at = banner
                .buttons
                .iter()
                .find(|b| b.label == label)
                .map(|b| (b.x, b.y));
            if let Some((x, y)) = at.filter(|_| at == last) {
                self.move_to(x, y).await;
                self.click().await;
                return banner;
            }
            last = at;
            assert!(
                Instant::now() < deadline,
                "no {label} button on the banner within {CALL:?}: {banner:?}"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Waits for the banner whose title starts with `title`, moves the pointer onto it and
    /// returns it.
    pub async fn hover_banner(&self, title: &str) -> Banner {
        let banner = self.shell.wait_for_banner(title).await;
        self.move_to(banner.x + banner.w / 2.0, banner.y + banner.h / 2.0)
            .await;
        banner
    }
}
