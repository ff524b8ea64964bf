//! The tray icon against a real tray host: xfce4-panel's systray plugin on Xvfb
//! ([`testkit::xfce`]), on a private session bus. The item is registered with the panel's
//! `StatusNotifierWatcher`, its properties and menu are read back over D-Bus, menu entries are
//! pressed through dbusmenu's `Event` (as the panel does) and their effect seen in `stretchd
//! status`; a real click on the icon (xdotool) calls `Activate`, which shows the status. The
//! icon comes when the panel starts after the daemon, comes back when it restarts, and leaves
//! with `[tray] enable = false`.
//! The same against real KDE Plasma 5.27 ([`testkit::plasma`]: plasmashell, with kded5's
//! `statusnotifierwatcher` module as the watcher): the item registered, read back, and paused
//! from its menu.
//! Needs xfce4-panel, Xvfb and xdotool; skipped with a note without them, unless
//! `STRETCHD_REQUIRE_TRAY=1` (set by `.ci/run`); the Plasma test needs Plasma's packages too
//! (`STRETCHD_REQUIRE_PLASMA=1`).

use std::path::Path;
use std::time::{Duration, Instant};

use futures_util::StreamExt as _;
use testkit::notifications::Server;
use testkit::plasma::Plasma;
use testkit::tray;
use testkit::x11::{start_xvfb, xdotool};
use testkit::xfce::{FIRST_ICON, WATCHER, XFCE_INSTALL, XFCE_REQUIRED, XFCE_TOOLS, start_panel};
use testkit::{Bus, Daemon, RUNNING, SOON, all_day_config, required_present, write_file};
use zbus::{Connection, MatchRule, MessageStream, OwnedVariant};

use crate::BIN;

const ITEM: &str = "org.kde.StatusNotifierItem";
const SHOWN: &str = "tray icon shown";

/// One stretch an hour: nothing comes by itself while a test runs.
fn hourly() -> String {
    all_day_config(
        "[[reminder]]\nid = \"stretch\"\nkind = \"stretch\"\nevery = \"1h\"\nstretch = \"seated-twist\"\n",
    )
}

/// A tooltip: icon name, pictures, title, text.
type ToolTip = (String, Vec<(i32, i32, Vec<u8>)>, String, String);

/// A client of the test bus that reads the icon as a host does.
struct Host {
    rt: tokio::runtime::Runtime,
    conn: Connection,
    /// The item's bus name.
    name: String,
}

impl Host {
    fn new(bus: &Bus, daemon: &Daemon) -> Host {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        let conn = rt.block_on(async {
            zbus::connection::Builder::address(bus.address.as_str())
                .build()
                .await
                .unwrap()
        });
        Host {
            rt,
            conn,
            name: tray::item_name(daemon.pid()),
        }
    }

    fn call<R>(&self, dest: &str, path: &str, iface: &str, method: &str, body: &R) -> zbus::Message
    where
        R: serde::Serialize + zbus::wire::DynamicType,
    {
        self.rt.block_on(async {
            tokio::time::timeout(
                SOON,
                self.conn
                    .call_method(Some(dest), path, Some(iface), method, body),
            )
            .await
            .unwrap_or_else(|_| panic!("{dest} {method}: no answer"))
            .unwrap_or_else(|e| panic!("{dest} {method}: {e}"))
        })
    }

    fn property(&self, dest: &str, path: &str, iface: &str, name: &str) -> OwnedVariant {
        let reply = self.call(
            dest,
            path,
            "org.freedesktop.DBus.Properties",
            "Get",
            &(iface, name),
        );
        reply.body().deserialize().unwrap()
    }

    /// A string property of the item.
    fn item(&self, name: &str) -> String {
        let value = self.property(&self.name, "/StatusNotifierItem", ITEM, name);
        String::try_from(value).unwrap()
    }

    /// The tooltip's title and text.
    fn tooltip(&self) -> (String, String) {
        let value = self.property(&self.name, "/StatusNotifierItem", ITEM, "ToolTip");
        let (_icon, _pictures, title, text): ToolTip = zbus::wire::Structure::try_from(value)
            .unwrap()
            .try_into()
            .unwrap();
        (title, text)
    }

    /// The items the watcher has.
    fn registered(&self) -> Vec<String> {
        let value = self.property(
            WATCHER,
            "/StatusNotifierWatcher",
            WATCHER,
            "RegisteredStatusNotifierItems",
        );
        Vec::<String>::try_from(value).unwrap()
    }

    /// Waits (bounded, every 50 ms) until the watcher has the item, or with `false`, no longer.
    fn wait_registered(&self, present: bool) {
        let deadline = Instant::now() + SOON;
        loop {
            let items = self.registered();
            if items.iter().any(|i| i.starts_with(&self.name)) == present {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "the watcher's items are {items:?} after {SOON:?}; expected {} to be {}",
                self.name,
                if present { "there" } else { "gone" }
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// The menu's entries, as (id, label, type).
    fn menu(&self) -> Vec<(i32, String, String)> {
        self.rt.block_on(tray::menu(&self.conn, &self.name))
    }

    /// The labels of the menu (separators as "-").
    fn labels(&self) -> Vec<String> {
        self.menu()
            .into_iter()
            .map(|(_, label, kind)| {
                if kind == "separator" {
                    "-".to_owned()
                } else {
                    label
                }
            })
            .collect()
    }

    /// Presses the entry labelled `label`, as the panel does.
    fn press(&self, label: &str) {
        self.rt.block_on(tray::press(&self.conn, &self.name, label));
    }

    /// Subscribes to the item's signals.
    fn signals(&self) -> MessageStream {
        self.rt.block_on(async {
            let rule = MatchRule::builder()
                .msg_type(zbus::message::Type::Signal)
                .sender(self.name.as_str())
                .build()
                .unwrap();
            MessageStream::for_match_rule(rule, &self.conn, None)
                .await
                .unwrap()
        })
    }

    /// Waits (bounded) for `NewStatus(status)` on `signals`, passing over other signals.
    fn wait_status(&self, signals: &mut MessageStream, status: &str) {
        self.rt.block_on(async {
            let wait = async {
                while let Some(Ok(msg)) = signals.next().await {
                    let header = msg.header();
                    if header.member().is_some_and(|m| m.as_str() == "NewStatus")
                        && msg.body().deserialize::<String>().ok().as_deref() == Some(status)
                    {
                        return;
                    }
                }
            };
            tokio::time::timeout(SOON, wait)
                .await
                .unwrap_or_else(|_| panic!("no NewStatus({status}) within {SOON:?}"));
        });
    }
}

/// Checks the icon as the daemon shows it first: registered with the watcher, its
/// properties, its tooltip and its menu.
fn check_shown(host: &Host) {
    host.wait_registered(true);
    assert_eq!(host.item("Id"), "stretchd");
    assert_eq!(host.item("IconName"), "stretchd");
    assert_eq!(host.item("Status"), "Active");
    let (title, text) = host.tooltip();
    assert_eq!(title, "stretchd");
    assert!(
        text.starts_with("Next: Stretch: Seated twist")
            && text.ends_with("This week: 0 of 3 stretch sessions"),
        "{text}"
    );
    assert_eq!(
        host.labels(),
        [
            "Pause for 1 hour",
            "Pause until tomorrow",
            "-",
            "Start a stretch session",
            "Open the config"
        ]
    );
}

/// Presses "Pause for 1 hour" and checks its effect: `NewStatus(Passive)` on `signals`, the
/// pause in `stretchd status`, the icon, tooltip and menu of a pause.
fn pause_for_an_hour(host: &Host, signals: &mut MessageStream, daemon: &Daemon) {
    let before = chrono::Utc::now();
    host.press("Pause for 1 hour");
    host.wait_status(signals, "Passive");
    let until: chrono::DateTime<chrono::Utc> = status(daemon)["paused"]["until"]
        .as_str()
        .expect("paused until a time")
        .parse()
        .unwrap();
    let hour = chrono::TimeDelta::hours(1);
    assert!(
        until >= before + hour && until <= chrono::Utc::now() + hour,
        "{until}"
    );
    assert_eq!(host.item("IconName"), "media-playback-pause");
    assert!(host.tooltip().1.starts_with("Paused until "));
    assert_eq!(host.labels()[0], "Resume");
}

/// `stretchd status --json` of `daemon`.
fn status(daemon: &Daemon) -> serde_json::Value {
    BIN.json_in(daemon.home(), &["status"], &[])
}

/// A stand-in for `xdg-open` on `PATH` (the desktop's handler would open an editor) that writes
/// what it was asked to open to `<dir>/opened`.
fn recording_xdg_open(dir: &Path) -> String {
    let bin = dir.join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    testkit::shell_script(
        &bin,
        "xdg-open",
        &format!(
            "printf '%s' \"$1\" > {0}/opened.tmp && mv {0}/opened.tmp {0}/opened",
            dir.display()
        ),
    );
    testkit::path_with(&bin)
}

#[test]
fn the_panel_shows_the_icon_its_menu_works_and_a_click_shows_the_status() {
    if !required_present(
        XFCE_REQUIRED,
        "the_panel_shows_the_icon_its_menu_works_and_a_click_shows_the_status",
        XFCE_TOOLS,
        XFCE_INSTALL,
    ) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let bus = Bus::start();
    let (_xvfb, display) = start_xvfb(&[]);
    let _panel = start_panel(&bus, &display);
    let server = Server::start(&bus.address);
    let config = write_file(dir.path(), "config.toml", &hourly());
    let path = recording_xdg_open(dir.path());
    let mut daemon = BIN.daemon(&bus.address, &config).env("PATH", path).start();
    daemon.wait_for_log(RUNNING, SOON);
    daemon.wait_for_log(SHOWN, SOON);

    let host = Host::new(&bus, &daemon);
    check_shown(&host);

    // Pause for 1 hour, from the menu: the status says so, and so does the icon.
    let mut signals = host.signals();
    pause_for_an_hour(&host, &mut signals, &daemon);
    host.press("Resume");
    host.wait_status(&mut signals, "Active");
    assert!(status(&daemon)["paused"].is_null());

    // A reminder on screen: Done, Snooze and Skip come first, and Done answers it.
    BIN.ok_in(daemon.home(), &["now"], &[]);
    server.next_reminder(SOON, &daemon);
    host.wait_status(&mut signals, "NeedsAttention");
    assert_eq!(host.item("IconName"), "preferences-desktop-accessibility");
    assert_eq!(host.labels()[..4], ["Done", "Snooze", "Skip", "-"]);
    host.press("Done");
    host.wait_status(&mut signals, "Active");
    assert!(status(&daemon)["waiting"].is_null());
    daemon.wait_for_log("tray: Done: done: \"stretch\"", SOON);

    // Open the config: the daemon hands the file in use to xdg-open.
    host.press("Open the config");
    let opened = dir.path().join("opened");
    let deadline = Instant::now() + SOON;
    while !opened.exists() {
        assert!(
            Instant::now() < deadline,
            "xdg-open was not run within {SOON:?}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    assert_eq!(
        std::fs::read_to_string(&opened).unwrap(),
        config.display().to_string()
    );

    // A real left click on the icon: the panel calls Activate, which shows the status.
    let (x, y) = FIRST_ICON;
    xdotool(
        &display,
        &["mousemove", &x.to_string(), &y.to_string(), "click", "1"],
    );
    daemon.wait_for_log("tray icon clicked", SOON);
    let note = server.next(SOON, &daemon);
    assert_eq!(note.summary, "stretchd");
    assert!(note.body.contains("Next: Stretch: "), "{}", note.body);
    assert!(note.actions.is_empty(), "{:?}", note.actions);
}

#[test]
fn the_icon_comes_with_a_later_panel_again_after_a_restart_and_leaves_when_turned_off() {
    if !required_present(
        XFCE_REQUIRED,
        "the_icon_comes_with_a_later_panel_again_after_a_restart_and_leaves_when_turned_off",
        XFCE_TOOLS,
        XFCE_INSTALL,
    ) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let bus = Bus::start();
    let (_xvfb, display) = start_xvfb(&[]);
    let config = write_file(dir.path(), "config.toml", &hourly());
    let mut daemon = BIN.daemon(&bus.address, &config).start();
    daemon.wait_for_log(RUNNING, SOON);

    // No tray host yet: nothing is served, and the icon comes with the panel.
    let mut panel = start_panel(&bus, &display);
    daemon.wait_for_log(SHOWN, SOON);
    let host = Host::new(&bus, &daemon);
    host.wait_registered(true);

    // A restarted panel (a new watcher, which knows no item) gets the icon again.
    panel.restart(&bus, &display);
    daemon.wait_for_log(SHOWN, SOON);
    host.wait_registered(true);
    assert_eq!(daemon.count(SHOWN), 2);

    // [tray] enable = false: the icon leaves the tray (the watcher drops a name that goes).
    let off = format!("[tray]\nenable = false\n{}", hourly());
    write_file(dir.path(), "config.toml", &off);
    daemon.wait_for_log("tray icon off", SOON);
    host.wait_registered(false);

    // And comes back when turned on again.
    write_file(dir.path(), "config.toml", &hourly());
    daemon.wait_for_log(SHOWN, SOON);
    host.wait_registered(true);
}

#[test]
fn plasma_shows_the_icon_and_its_menu_pauses() {
    if !Plasma::present("plasma_shows_the_icon_and_its_menu_pauses") {
        return;
    }
    let mut plasma = Plasma::start();
    plasma.start_watcher();
    let dir = tempfile::tempdir().unwrap();
    let config = write_file(dir.path(), "config.toml", &hourly());
    let mut daemon = BIN.daemon(&plasma.session.address, &config).start();
    daemon.wait_for_log(RUNNING, SOON);
    daemon.wait_for_log(SHOWN, SOON);

    let host = Host::new(&plasma.session, &daemon);
    check_shown(&host);
    // plasmashell's system tray is the watcher's host.
    let hosted = host.property(
        WATCHER,
        "/StatusNotifierWatcher",
        WATCHER,
        "IsStatusNotifierHostRegistered",
    );
    assert!(bool::try_from(hosted).unwrap(), "no host registered");

    let mut signals = host.signals();
    pause_for_an_hour(&host, &mut signals, &daemon);
    assert!(
        plasma.is_running(),
        "plasmashell exited; its log:\n{}",
        plasma.log()
    );
}
