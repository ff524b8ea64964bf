//! A real tray host for the tray-icon tests: xfce4-panel with only its systray plugin, on Xvfb
//! and a private session bus, with its own xfconfd (started directly, as the bus has no service
//! directories) and a config of its own. The systray plugin owns
//! `org.kde.StatusNotifierWatcher` and draws each registered item as a button, the first at
//! [`FIRST_ICON`].

use std::path::Path;
use std::process::{Command, Stdio};

use tempfile::TempDir;

use crate::{Bus, Guard, SOON, write_file};

/// What to install for these tests, for skip notes and failures.
pub const XFCE_INSTALL: &str = "install xfce4-panel, xvfb and xdotool (Debian: `apt-get install --no-install-recommends xfce4-panel xvfb xdotool`; CI does)";
/// The programs the tray tests need.
pub const XFCE_TOOLS: &[&str] = &["xfce4-panel", "Xvfb", "xdotool"];
/// The variable under which a missing tool fails the tray tests instead of skipping them.
pub const XFCE_REQUIRED: &str = "STRETCHD_REQUIRE_TRAY";
/// The tray host's name on the bus.
pub const WATCHER: &str = "org.kde.StatusNotifierWatcher";
/// Where xfconfd's D-Bus service file says it is.
const XFCONF_SERVICE: &str = "/usr/share/dbus-1/services/org.xfce.Xfconf.service";
/// The middle of the first item in the tray: the panel is 30 px high across the top of the
/// screen and holds the systray plugin alone, which starts at its left end.
pub const FIRST_ICON: (u32, u32) = (12, 15);

/// The panel's config: one panel at the top, holding the systray plugin alone.
const PANEL_XML: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<channel name="xfce4-panel" version="1.0">
  <property name="configver" type="int" value="2"/>
  <property name="panels" type="array">
    <value type="int" value="1"/>
    <property name="panel-1" type="empty">
      <property name="position" type="string" value="p=6;x=0;y=0"/>
      <property name="length" type="uint" value="100"/>
      <property name="position-locked" type="bool" value="true"/>
      <property name="size" type="uint" value="30"/>
      <property name="plugin-ids" type="array">
        <value type="int" value="1"/>
      </property>
    </property>
  </property>
  <property name="plugins" type="empty">
    <property name="plugin-1" type="string" value="systray"/>
  </property>
</channel>
"#;

/// stretchd's icon, put where `stretchd install` puts it, so that the panel draws it.
const ICON_SVG: &str = include_str!("../../assets/stretchd.svg");

/// xfce4-panel and its xfconfd, stopped on drop.
pub struct Panel {
    process: Guard,
    _xfconfd: Guard,
    home: TempDir,
}

impl Panel {
    /// Stops the panel (the watcher goes away with it); xfconfd stays for a restart.
    pub fn stop(&mut self) {
        self.process.stop();
    }

    /// Starts the panel again (a restarted tray host), after [`Panel::stop`] or not, and
    /// returns once it owns [`WATCHER`].
    pub fn restart(&mut self, bus: &Bus, display: &str) {
        self.process.stop();
        self.process = start_panel_process(bus, display, self.home.path());
        bus.wait_for_owner(WATCHER, SOON, || self.process.is_running());
    }
}

/// Starts xfconfd, then xfce4-panel on `display` and `bus`, and returns once the panel owns
/// [`WATCHER`] (bounded).
pub fn start_panel(bus: &Bus, display: &str) -> Panel {
    let home = tempfile::tempdir().unwrap();
    for (dir, name, contents) in [
        (
            "config/xfce4/xfconf/xfce-perchannel-xml",
            "xfce4-panel.xml",
            PANEL_XML,
        ),
        ("data/icons/hicolor/scalable/apps", "stretchd.svg", ICON_SVG),
    ] {
        let dir = home.path().join(dir);
        std::fs::create_dir_all(&dir).unwrap();
        write_file(&dir, name, contents);
    }
    let mut xfconfd = Guard(
        command(&xfconfd_path(), bus, display, home.path())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start xfconfd ({e}): {XFCE_INSTALL}")),
    );
    bus.wait_for_owner("org.xfce.Xfconf", SOON, || xfconfd.is_running());
    let mut panel = start_panel_process(bus, display, home.path());
    bus.wait_for_owner(WATCHER, SOON, || panel.is_running());
    Panel {
        process: panel,
        _xfconfd: xfconfd,
        home,
    }
}

fn start_panel_process(bus: &Bus, display: &str, home: &Path) -> Guard {
    let mut cmd = command(Path::new("xfce4-panel"), bus, display, home);
    // No window manager runs on Xvfb.
    cmd.arg("--disable-wm-check");
    Guard(
        cmd.spawn()
            .unwrap_or_else(|e| panic!("cannot start xfce4-panel ({e}): {XFCE_INSTALL}")),
    )
}

/// `program` with the test's display, bus and a home of its own, its output dropped (GTK's
/// warnings about a missing accessibility bus and session manager).
fn command(program: &Path, bus: &Bus, display: &str, home: &Path) -> Command {
    let mut cmd = Command::new(program);
    cmd.env("DISPLAY", display)
        .env_remove("WAYLAND_DISPLAY")
        .env("DBUS_SESSION_BUS_ADDRESS", &bus.address)
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CACHE_HOME", home.join("cache"))
        .env("NO_AT_BRIDGE", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    cmd
}

/// xfconfd, from its D-Bus service file (its directory differs per architecture).
fn xfconfd_path() -> std::path::PathBuf {
    let service = std::fs::read_to_string(XFCONF_SERVICE)
        .unwrap_or_else(|e| panic!("cannot read {XFCONF_SERVICE} ({e}): {XFCE_INSTALL}"));
    service
        .lines()
        .find_map(|l| l.strip_prefix("Exec="))
        .map_or_else(
            || panic!("{XFCONF_SERVICE} has no Exec= line"),
            |exec| exec.trim().into(),
        )
}
