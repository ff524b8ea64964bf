//! Headless Wayland compositors ([`Compositor`]; [`start_kwin`] for `kwin_wayland --virtual`) and
//! user activity for `KWin` through KDE's idle protocol ([`KwinActivity`]:
//! `simulate_user_activity` on an `org_kde_kwin_idle_timeout`, which `KWin` counts as input for
//! every idle protocol, `ext-idle-notify-v1` included). Used by `presence_wayland.rs` and by the
//! benchmarks.

use std::os::unix::fs::PermissionsExt as _;
use std::os::unix::net::UnixStream;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use tempfile::TempDir;

use wayland_client::globals::{GlobalListContents, registry_queue_init};
use wayland_client::protocol::{wl_registry::WlRegistry, wl_seat::WlSeat};
use wayland_client::{Connection, Dispatch, EventQueue, QueueHandle, delegate_noop};
use wayland_protocols_plasma::idle::client::org_kde_kwin_idle::OrgKdeKwinIdle;
use wayland_protocols_plasma::idle::client::org_kde_kwin_idle_timeout::OrgKdeKwinIdleTimeout;

use crate::{Guard, on_path};

/// Bound for a compositor to start listening.
const SOON: Duration = Duration::from_secs(20);

/// A headless compositor with its own `XDG_RUNTIME_DIR`, stopped on drop.
pub struct Compositor {
    // Dropped first: the process goes before its directory.
    guard: Guard,
    /// The program started (for `KWin`, the copy [`start_kwin`] made).
    pub program: PathBuf,
    /// The `wayland-*` socket.
    pub socket: PathBuf,
    /// `XDG_RUNTIME_DIR` of the compositor.
    pub runtime: PathBuf,
    log: PathBuf,
    _dir: TempDir,
}

impl Compositor {
    /// Starts `cmd` (environment and arguments set, but for `XDG_RUNTIME_DIR` and `HOME`) with a
    /// fresh runtime directory in `dir`, as `owner` if given, and waits (bounded) until its
    /// Wayland socket accepts connections.
    pub fn start(mut cmd: Command, dir: TempDir, owner: Option<u32>) -> Compositor {
        let runtime = dir.path().join("runtime");
        std::fs::create_dir(&runtime).unwrap();
        std::fs::set_permissions(&runtime, std::fs::Permissions::from_mode(0o700)).unwrap();
        if let Some(uid) = owner {
            for path in [dir.path(), &runtime] {
                std::os::unix::fs::chown(path, Some(uid), Some(uid)).unwrap();
            }
        }
        let log = dir.path().join("compositor.log");
        let stderr = std::fs::File::create(&log).unwrap();
        let program = PathBuf::from(cmd.get_program());
        let what = program.to_string_lossy().into_owned();
        cmd.env("XDG_RUNTIME_DIR", &runtime)
            .env("HOME", dir.path())
            .env("XDG_CONFIG_HOME", dir.path().join("config"))
            .env_remove("WAYLAND_DISPLAY")
            .env_remove("WAYLAND_SOCKET")
            .env_remove("DISPLAY")
            .env_remove("SWAYSOCK")
            // Keep it off the developer's session bus.
            .env(
                "DBUS_SESSION_BUS_ADDRESS",
                format!("unix:path={}", dir.path().join("no-bus").display()),
            )
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(stderr);
        let child = cmd
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {what}: {e}"));
        let mut compositor = Compositor {
            guard: Guard(child),
            program,
            socket: PathBuf::new(),
            runtime,
            log,
            _dir: dir,
        };
        compositor.socket = compositor.wait_for_socket(&what);
        compositor
    }

    /// Polls every 20 ms, bounded by [`SOON`], until a `wayland-*` socket in the runtime
    /// directory accepts a connection.
    fn wait_for_socket(&mut self, what: &str) -> PathBuf {
        let deadline = Instant::now() + SOON;
        loop {
            let sockets = std::fs::read_dir(&self.runtime)
                .unwrap()
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| {
                    p.file_name().is_some_and(|n| {
                        let n = n.to_string_lossy();
                        n.starts_with("wayland-") && !n.ends_with(".lock")
                    })
                });
            for socket in sockets {
                if UnixStream::connect(&socket).is_ok() {
                    return socket;
                }
            }
            if let Ok(Some(status)) = self.guard.0.try_wait() {
                panic!(
                    "{what} exited ({status}) before listening; log:\n{}",
                    self.log()
                );
            }
            assert!(
                Instant::now() < deadline,
                "{what} has no Wayland socket after {SOON:?}; log:\n{}",
                self.log()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// What the compositor wrote to stderr so far.
    pub fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }
}

/// Starts `kwin_wayland --virtual` (640x480, no lock screen, no global shortcuts, off every bus)
/// with `extra` arguments (`--xwayland`), once its socket `wayland-stretchd` listens.
pub fn start_kwin(extra: &[&str]) -> Compositor {
    let dir = tempfile::tempdir().unwrap();
    // Debian gives kwin_wayland a file capability (cap_sys_resource), and exec fails with EPERM
    // where that capability is not in the bounding set (containers). A copy has none.
    let kwin = dir.path().join("kwin_wayland");
    let installed = on_path("kwin_wayland").expect("kwin_wayland is not on PATH");
    std::fs::copy(installed, &kwin).unwrap();
    let mut cmd = Command::new(&kwin);
    cmd.args([
        "--virtual",
        "--no-lockscreen",
        "--no-global-shortcuts",
        "--no-kactivities",
        "--socket",
        "wayland-stretchd",
        "--width",
        "640",
        "--height",
        "480",
    ])
    .args(extra)
    // QPainter compositing: no GL context on a machine without a GPU.
    .env("KWIN_COMPOSE", "Q")
    .env_remove("XDG_SESSION_TYPE");
    Compositor::start(cmd, dir, None)
}

/// The client's state: it handles no event.
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

/// A connection of its own to a compositor that has `org_kde_kwin_idle`, holding an idle timeout
/// as a handle to simulate activity with.
pub struct KwinActivity {
    queue: EventQueue<Client>,
    timeout: OrgKdeKwinIdleTimeout,
    _conn: Connection,
}

impl KwinActivity {
    /// Connects to the Wayland socket `socket` and asks for an idle timeout of `timeout_ms`
    /// (only a handle: make it longer than the connection lives, so that it never fires).
    pub fn connect(socket: &Path, timeout_ms: u32) -> KwinActivity {
        let stream =
            UnixStream::connect(socket).unwrap_or_else(|e| panic!("{}: {e}", socket.display()));
        let conn = Connection::from_socket(stream).unwrap();
        let (globals, mut queue) = registry_queue_init::<Client>(&conn).unwrap();
        let qh = queue.handle();
        let idle: OrgKdeKwinIdle = globals
            .bind(&qh, 1..=1, ())
            .expect("the compositor has no org_kde_kwin_idle (not KWin?)");
        let seat: WlSeat = globals.bind(&qh, 1..=1, ()).unwrap();
        let timeout = idle.get_idle_timeout(&seat, timeout_ms, &qh, ());
        queue.roundtrip(&mut Client).unwrap();
        KwinActivity {
            queue,
            timeout,
            _conn: conn,
        }
    }

    /// One simulated input, sent and round-tripped.
    pub fn simulate(&mut self) {
        self.timeout.simulate_user_activity();
        self.queue.roundtrip(&mut Client).unwrap();
    }

    /// Releases the idle timeout, round-tripped.
    pub fn release(mut self) {
        self.timeout.release();
        self.queue.roundtrip(&mut Client).unwrap();
    }
}
