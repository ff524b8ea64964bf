//! Helpers shared by stretchd's end-to-end tests and its benchmark binary (`stretchd-bench`): a
//! private session bus, the `stretchd` daemon as a child process whose log can be waited on,
//! config files, fake servers for the control socket, a test notification server
//! ([`notifications`]), a fake logind ([`logind`]), Xvfb and dunst ([`x11`]), `KWin`
//! ([`wayland`]), xfce4-panel as a tray host ([`xfce`]), a simulated user at the keyboard
//! ([`typist`]), PipeWire and WirePlumber ([`pipewire`]), and the real desktops: a headless GNOME
//! Shell ([`gnome`]) and plasmashell on Xvfb ([`plasma`]); and two Syncthing instances sharing a
//! folder on loopback ([`syncthing`]).
//!
//! The binary is always given ([`Bin`]): an integration test names its own build with
//! `Bin::new(env!("CARGO_BIN_EXE_stretchd"))` (the macro works only there), the benchmark the
//! release build it measures.
//!
//! Every wait here is on an event (a log line, a closed pipe, a name on the bus) with a hard
//! deadline; nothing sleeps and hopes.

// A helper that cannot do its part fails the test (or the benchmark) by panicking with what went
// wrong, as an assert does: every function here may.
#![expect(
    clippy::missing_panics_doc,
    reason = "test helpers fail by panicking, as asserts do"
)]

pub mod gnome;
pub mod logind;
pub mod notifications;
pub mod pipewire;
pub mod plasma;
pub mod syncthing;
pub mod tray;
pub mod typist;
pub mod wayland;
pub mod webdriver;
pub mod x11;
pub mod xfce;

use std::ffi::{OsStr, OsString};
use std::io::{BufRead as _, BufReader};
use std::os::unix::process::CommandExt as _;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Output, Stdio};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use tempfile::TempDir;

/// A bus config of `kind` (`session`, `system`) that allows everything, D-Bus-activating the
/// services in `services` if given. Without it nothing is activated: no installed notification
/// server (dunst ships an activation file) starts by itself on a test bus.
fn bus_config(dir: &Path, kind: &str, services: Option<&Path>) -> String {
    let services = services.map_or_else(String::new, |s| {
        format!("  <servicedir>{}</servicedir>\n", s.display())
    });
    format!(
        r#"<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>{kind}</type>
  <listen>unix:tmpdir={}</listen>
{services}  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
    <allow user="*"/>
  </policy>
</busconfig>
"#,
        dir.display()
    )
}

/// Where the machine's session services are described, for D-Bus activation.
const INSTALLED_SERVICES: &str = "/usr/share/dbus-1/services";

/// A private `dbus-daemon`, killed on drop.
pub struct Bus {
    child: Child,
    /// The address to put in `DBUS_SESSION_BUS_ADDRESS`.
    pub address: String,
    _dir: TempDir,
}

impl Bus {
    /// Starts a session bus with no service directories and waits (bounded) for its address.
    pub fn start() -> Bus {
        Bus::start_as("session", false)
    }

    /// Starts a bus that stands in for the system bus (`<type>system</type>`, everything
    /// allowed, nothing activated), for `DBUS_SYSTEM_BUS_ADDRESS`.
    pub fn system() -> Bus {
        Bus::start_as("system", false)
    }

    /// Starts a session bus that D-Bus-activates the machine's installed session services (a
    /// desktop starts its helpers that way: dconf, GNOME's notification service, Plasma's
    /// activity manager), but for the notification servers (`org.freedesktop.Notifications`:
    /// dunst, Plasma's waiter): the desktop under test is the server. Activated services get the
    /// bus's environment: set it with [`Bus::set_activation_env`] before they start.
    pub fn with_installed_services() -> Bus {
        Bus::start_as("session", true)
    }

    fn start_as(kind: &str, installed: bool) -> Bus {
        let dir = tempfile::tempdir().unwrap();
        let services = installed.then(|| {
            let services = dir.path().join("services");
            std::fs::create_dir(&services).unwrap();
            for entry in std::fs::read_dir(INSTALLED_SERVICES)
                .unwrap_or_else(|e| panic!("{INSTALLED_SERVICES}: {e} (install dbus)"))
            {
                let path = entry.unwrap().path();
                let text = std::fs::read_to_string(&path).unwrap_or_default();
                let notifications = text
                    .lines()
                    .any(|l| l.trim() == "Name=org.freedesktop.Notifications");
                if path.extension().is_some_and(|e| e == "service") && !notifications {
                    std::fs::copy(&path, services.join(path.file_name().unwrap())).unwrap();
                }
            }
            services
        });
        let config = dir.path().join("bus.conf");
        std::fs::write(&config, bus_config(dir.path(), kind, services.as_deref())).unwrap();
        // A process group of its own: the services it activates (Plasma's forks its own
        // helpers) go with it on drop.
        let mut child = Command::new("dbus-daemon")
            .process_group(0)
            .arg(format!("--config-file={}", config.display()))
            .args(["--print-address=1", "--nofork"])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            // It only complains that it cannot raise the fd limit.
            .stderr(Stdio::null())
            .spawn()
            .expect("cannot start dbus-daemon (install the dbus package)");
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut line = String::new();
            let _ = BufReader::new(stdout).read_line(&mut line);
            let _ = tx.send(line);
        });
        let address = match rx.recv_timeout(Duration::from_secs(10)) {
            Ok(line) if !line.trim().is_empty() => line.trim().to_owned(),
            other => {
                let _ = child.kill();
                panic!("dbus-daemon did not print its address: {other:?}");
            }
        };
        Bus {
            child,
            address,
            _dir: dir,
        }
    }

    /// Whether `name` has an owner on this bus, asked with `dbus-send`.
    pub fn has_owner(&self, name: &str) -> bool {
        let out = Command::new("dbus-send")
            .env("DBUS_SESSION_BUS_ADDRESS", &self.address)
            .args([
                "--session",
                "--print-reply=literal",
                "--dest=org.freedesktop.DBus",
                "/org/freedesktop/DBus",
                "org.freedesktop.DBus.NameHasOwner",
            ])
            .arg(format!("string:{name}"))
            .output()
            .expect("cannot run dbus-send (install the dbus package)");
        assert!(
            out.status.success(),
            "dbus-send failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).contains("true")
    }

    /// Adds `vars` to the environment that D-Bus-activated services get
    /// (`UpdateActivationEnvironment`), with `dbus-update-activation-environment`.
    pub fn set_activation_env(&self, vars: &[(&str, &OsStr)]) {
        let mut cmd = Command::new("dbus-update-activation-environment");
        cmd.env("DBUS_SESSION_BUS_ADDRESS", &self.address)
            .envs(vars.iter().copied())
            .args(vars.iter().map(|(k, _)| k))
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let out = run_bounded(cmd, SOON);
        assert!(
            out.status.success(),
            "dbus-update-activation-environment failed (install the dbus package): {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    /// Polls every 50 ms until `name` has an owner; panics after `timeout`. `alive` is checked
    /// on each round so that a server that died is reported at once.
    pub fn wait_for_owner(&self, name: &str, timeout: Duration, mut alive: impl FnMut() -> bool) {
        let deadline = Instant::now() + timeout;
        loop {
            if self.has_owner(name) {
                return;
            }
            assert!(alive(), "the process that should own {name} exited");
            assert!(
                Instant::now() < deadline,
                "{name} has no owner on the test bus after {timeout:?}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Bus {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        signal_group(self.child.id(), "KILL");
    }
}

/// The log line the daemon writes once its control socket listens.
pub const RUNNING: &str = "stretchd is running";

/// Bound for anything that should happen at once: startup, a reply, a log line, an exit.
pub const SOON: Duration = Duration::from_secs(10);

/// A config with one stretch reminder (id `stretch`, the seated twist) every `every`, all day,
/// every day.
pub fn config_every(every: &str) -> String {
    all_day_config(&format!(
        "[[reminder]]\n\
         id = \"stretch\"\n\
         kind = \"stretch\"\n\
         every = \"{every}\"\n\
         stretch = \"seated-twist\"\n"
    ))
}

/// The `stretchd` binary that a test or a benchmark runs, and the ways to run it: a command, a
/// bounded run, a [`Daemon`].
#[derive(Debug, Clone)]
pub struct Bin(BinPath);

#[derive(Debug, Clone)]
enum BinPath {
    /// An integration test's `env!("CARGO_BIN_EXE_stretchd")`.
    Static(&'static str),
    /// A path found at run time (the benchmark's release build).
    Owned(PathBuf),
}

impl Bin {
    /// The binary at `path`; `const`, so that a test file can name its binary once:
    /// `const BIN: Bin = Bin::new(env!("CARGO_BIN_EXE_stretchd"));`.
    pub const fn new(path: &'static str) -> Bin {
        Bin(BinPath::Static(path))
    }

    /// The binary at `path`, known only at run time.
    pub fn at(path: PathBuf) -> Bin {
        Bin(BinPath::Owned(path))
    }

    /// Where the binary is.
    pub fn path(&self) -> &Path {
        match &self.0 {
            BinPath::Static(path) => Path::new(path),
            BinPath::Owned(path) => path,
        }
    }

    /// A `stretchd` command with HOME and the XDG directories inside `home`, so that no file of
    /// the machine's user is read or written (nor the user's PipeWire asked).
    pub fn command(&self, home: &Path) -> Command {
        let mut cmd = Command::new(self.path());
        cmd.env("HOME", home)
            .env("XDG_CONFIG_HOME", home.join("config"))
            .env("XDG_STATE_HOME", home.join("state"))
            .env("XDG_DATA_HOME", home.join("data"))
            .env("XDG_RUNTIME_DIR", home.join("runtime"))
            .env_remove("NOTIFY_SOCKET")
            // English, whatever the machine's locale: the tests read what it prints (a test
            // of another language sets LANG itself).
            .env("LANG", "C")
            .env_remove("LANGUAGE")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("DISPLAY")
            .env_remove("WAYLAND_DISPLAY")
            // PipeWire is looked for in XDG_RUNTIME_DIR, never the machine's.
            .env_remove("PIPEWIRE_RUNTIME_DIR")
            .env_remove("PIPEWIRE_REMOTE")
            .stdin(Stdio::null());
        cmd
    }

    /// Runs `stretchd args...` to completion (no bus) in a fresh home, with `env` added; panics
    /// after `timeout`.
    pub fn run(&self, args: &[&str], env: &[(&str, &str)], timeout: Duration) -> Output {
        let home = tempfile::tempdir().unwrap();
        self.run_in(home.path(), args, env, timeout)
    }

    /// Runs `stretchd args...` to completion (no bus) with its HOME and XDG directories in
    /// `home` (those of a [`Daemon`] started there, to talk to it), with `env` added; panics
    /// after `timeout`.
    pub fn run_in(
        &self,
        home: &Path,
        args: &[&str],
        env: &[(&str, &str)],
        timeout: Duration,
    ) -> Output {
        let mut cmd = self.command(home);
        cmd.args(args)
            .env_remove("DBUS_SESSION_BUS_ADDRESS")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        for (k, v) in env {
            cmd.env(k, v);
        }
        run_bounded(cmd, timeout)
    }

    /// Runs `stretchd args...` in `home` (see [`Bin::run_in`]) with `env` added, bounded by
    /// [`SOON`]; it must succeed. Returns its stdout.
    pub fn ok_in(&self, home: &Path, args: &[&str], env: &[(&str, &str)]) -> String {
        succeeded(args, &self.run_in(home, args, env, SOON))
    }

    /// [`Bin::ok_in`] with `--json` added; returns what it printed, parsed.
    pub fn json_in(&self, home: &Path, args: &[&str], env: &[(&str, &str)]) -> serde_json::Value {
        let mut args = args.to_vec();
        args.push("--json");
        let stdout = self.ok_in(home, &args, env);
        serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("stretchd {args:?}: {e}: {stdout}"))
    }

    /// A daemon on the bus at `bus_address` running the config at `config`.
    pub fn daemon(&self, bus_address: &str, config: &Path) -> DaemonBuilder {
        DaemonBuilder {
            bin: self.clone(),
            config: config.to_owned(),
            config_flag: true,
            bus: Some(bus_address.to_owned()),
            env: Vec::new(),
            home: None,
            echo: true,
        }
    }

    /// `stretchd run --config CONFIG` in `home` on `bus`, once it listens (within 10 s).
    pub fn start_daemon(&self, bus: &Bus, config: &Path, home: &Path) -> Daemon {
        let mut daemon = self.daemon(&bus.address, config).home(home).start();
        daemon.wait_for_log(RUNNING, Duration::from_secs(10));
        daemon
    }
}

/// The path, for messages and shell command lines.
impl std::fmt::Display for Bin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.path().display().fmt(f)
    }
}

/// For `Command::new` and `.arg`.
impl AsRef<OsStr> for Bin {
    fn as_ref(&self) -> &OsStr {
        self.path().as_os_str()
    }
}

/// For `std::fs` calls on the binary.
impl AsRef<Path> for Bin {
    fn as_ref(&self) -> &Path {
        self.path()
    }
}

/// Bytes a command printed, as text (invalid UTF-8 replaced).
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The stdout of `stretchd args...`, which must have succeeded (`out` is what it did).
pub fn succeeded(args: &[&str], out: &Output) -> String {
    assert!(
        out.status.success(),
        "stretchd {args:?} failed ({}): {}{}",
        out.status,
        text(&out.stdout),
        text(&out.stderr)
    );
    text(&out.stdout)
}

/// Sends one raw frame to the control socket at `socket` and reads one reply line ("" when the
/// daemon hung up without one); each read and write is bounded by `timeout`.
pub fn raw_request(socket: &Path, frame: &[u8], timeout: Duration) -> std::io::Result<String> {
    use std::io::Write as _;
    let mut stream = std::os::unix::net::UnixStream::connect(socket)?;
    stream.set_read_timeout(Some(timeout))?;
    stream.set_write_timeout(Some(timeout))?;
    stream.write_all(frame)?;
    let mut line = String::new();
    BufReader::new(stream).read_line(&mut line)?;
    Ok(line)
}

/// The control socket in a home set up by [`Bin::command`].
pub fn socket_path(home: &Path) -> PathBuf {
    home.join("runtime/stretchd/control.sock")
}

/// The daemon's state directory in a home set up by [`Bin::command`].
pub fn state_dir(home: &Path) -> PathBuf {
    home.join("state/stretchd")
}

/// The history log in a home set up by [`Bin::command`].
pub fn history_path(home: &Path) -> PathBuf {
    state_dir(home).join("history.jsonl")
}

/// The state file in a home set up by [`Bin::command`].
pub fn state_path(home: &Path) -> PathBuf {
    state_dir(home).join("state.json")
}

/// Writes `contents` to `dir/name` through a rename, so a reader never sees half a file.
pub fn write_file(dir: &Path, name: &str, contents: &str) -> PathBuf {
    let path = dir.join(name);
    let tmp = dir.join(format!(".{name}.tmp"));
    std::fs::write(&tmp, contents).unwrap();
    std::fs::rename(&tmp, &path).unwrap();
    path
}

/// An executable `/bin/sh` script `name` in `dir` running `body`: a hook, or a stand-in for a
/// program the daemon starts (`xdg-open`, a terminal).
pub fn shell_script(dir: &Path, name: &str, body: &str) -> PathBuf {
    use std::os::unix::fs::PermissionsExt as _;
    let path = write_file(dir, name, &format!("#!/bin/sh\n{body}\n"));
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    path
}

/// `PATH` with `dir` first, so that a stand-in there is found before the real program.
pub fn path_with(dir: &Path) -> String {
    format!(
        "{}:{}",
        dir.display(),
        std::env::var("PATH").unwrap_or_default()
    )
}

/// A `TZ` (in the POSIX form, `<+05>-5`) in which it is about noon now: a daemon run in it
/// sees no local midnight for hours, where an all-day work window (as [`all_day_config`] has)
/// ends and the next day's starts its intervals afresh.
pub fn tz_at_noon() -> String {
    use chrono::Timelike as _;
    let east = 12 - i64::from(chrono::Utc::now().hour());
    format!("<{east:+03}>{}", -east)
}

/// A config whose work hours cover the whole day, every day, followed by `rest`.
pub fn all_day_config(rest: &str) -> String {
    format!(
        "[schedule]\n\
         work_days = [\"mon\", \"tue\", \"wed\", \"thu\", \"fri\", \"sat\", \"sun\"]\n\
         work_hours = [\"00:00-24:00\"]\n\
         \n\
         {rest}"
    )
}

/// Runs `cmd` (with its stdout and stderr piped) to completion; kills it and panics after
/// `timeout`.
pub fn run_bounded(mut cmd: Command, timeout: Duration) -> Output {
    let what = format!(
        "{} {:?}",
        cmd.get_program().to_string_lossy(),
        cmd.get_args().collect::<Vec<_>>()
    );
    let child = cmd.spawn().unwrap();
    let pid = child.id();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(child.wait_with_output());
    });
    if let Ok(out) = rx.recv_timeout(timeout) {
        return out.unwrap();
    }
    let _ = Command::new("kill")
        .arg("-KILL")
        .arg(pid.to_string())
        .status();
    panic!("{what} did not finish within {timeout:?}");
}

/// The daemon's stderr so far, shared between the reader thread and the test.
#[derive(Default)]
struct Log {
    lines: Vec<String>,
    /// The pipe reached end of file: the daemon exited.
    closed: bool,
}

#[derive(Default)]
struct Shared {
    log: Mutex<Log>,
    /// Wakes blocking waiters.
    cond: Condvar,
    /// Wakes async waiters (a blocking wait would stall a current-thread tokio test, and with it
    /// the test's own notification server).
    notify: tokio::sync::Notify,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, Log> {
        self.log
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// `stretchd run --config FILE` on a test bus, killed on drop.
pub struct Daemon {
    child: Child,
    shared: Arc<Shared>,
    /// Lines before this index have been consumed by a wait.
    cursor: usize,
    home: PathBuf,
    /// The home directory, when the daemon owns it.
    _home: Option<TempDir>,
}

/// How to start a [`Daemon`].
#[must_use = "a builder does nothing until `start`"]
pub struct DaemonBuilder {
    bin: Bin,
    config: PathBuf,
    /// Whether to pass `--config` (see [`DaemonBuilder::default_config`]).
    config_flag: bool,
    bus: Option<String>,
    env: Vec<(String, OsString)>,
    home: Option<PathBuf>,
    /// Whether each log line is also written to stderr, prefixed `[stretchd]`.
    echo: bool,
}

impl DaemonBuilder {
    /// Sets an extra environment variable (overriding the defaults, e.g. `RUST_LOG`).
    pub fn env(mut self, key: &str, value: impl Into<OsString>) -> Self {
        self.env.push((key.to_owned(), value.into()));
        self
    }

    /// Runs the daemon with HOME and the XDG directories in `home` (which the caller keeps)
    /// instead of a fresh temporary directory: a second daemon on the same state and socket.
    pub fn home(mut self, home: &Path) -> Self {
        self.home = Some(home.to_owned());
        self
    }

    /// Runs `stretchd run` without `--config`, as systemd does: the daemon reads
    /// `$XDG_CONFIG_HOME/stretchd/config.toml` in its home, which should be the path given to
    /// [`Bin::daemon`].
    pub fn default_config(mut self) -> Self {
        self.config_flag = false;
        self
    }

    /// Keeps the daemon's log to itself: it is still waited on, counted and shown on a failure,
    /// but not echoed to stderr line by line (a benchmark's output stays its own).
    pub fn quiet(mut self) -> Self {
        self.echo = false;
        self
    }

    /// Starts the daemon. Its stderr is read line by line on a thread.
    pub fn start(self) -> Daemon {
        let (home, owned) = if let Some(home) = self.home {
            (home, None)
        } else {
            let dir = tempfile::tempdir().unwrap();
            (dir.path().to_owned(), Some(dir))
        };
        let mut cmd = self.bin.command(&home);
        cmd.arg("run");
        if self.config_flag {
            cmd.arg("--config").arg(&self.config);
        }
        cmd.env("RUST_LOG", "info")
            .stdout(Stdio::null())
            .stderr(Stdio::piped());
        match &self.bus {
            Some(address) => cmd.env("DBUS_SESSION_BUS_ADDRESS", address),
            None => cmd.env_remove("DBUS_SESSION_BUS_ADDRESS"),
        };
        for (k, v) in &self.env {
            cmd.env(k, v);
        }
        let mut child = cmd.spawn().expect("cannot start stretchd");
        let stderr = child.stderr.take().unwrap();
        let shared = Arc::new(Shared::default());
        let writer = Arc::clone(&shared);
        let echo = self.echo;
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines() {
                let Ok(line) = line else { break };
                if echo {
                    eprintln!("[stretchd] {line}");
                }
                writer.lock().lines.push(line);
                writer.cond.notify_all();
                writer.notify.notify_waiters();
            }
            writer.lock().closed = true;
            writer.cond.notify_all();
            writer.notify.notify_waiters();
        });
        Daemon {
            child,
            shared,
            cursor: 0,
            home,
            _home: owned,
        }
    }
}

impl Daemon {
    /// The directory holding the daemon's HOME and XDG directories; [`Bin::run_in`] runs the CLI
    /// there.
    pub fn home(&self) -> &Path {
        &self.home
    }

    /// The child's process id.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Sends a signal by name (`TERM`, `HUP`) with kill(1): the crate forbids unsafe code.
    pub fn signal(&self, name: &str) {
        let status = Command::new("kill")
            .arg(format!("-{name}"))
            .arg(self.pid().to_string())
            .status()
            .unwrap();
        assert!(status.success(), "kill -{name} {} failed", self.pid());
    }

    /// Whether the child is still running.
    pub fn is_running(&mut self) -> bool {
        self.child.try_wait().unwrap().is_none()
    }

    /// The whole log so far, for failure messages.
    pub fn log(&self) -> String {
        self.shared.lock().lines.join("\n")
    }

    /// How many lines of the whole log so far contain `needle`.
    pub fn count(&self, needle: &str) -> usize {
        self.shared
            .lock()
            .lines
            .iter()
            .filter(|l| l.contains(needle))
            .count()
    }

    /// Looks for `needle` in the lines not consumed yet; consumes up to the match.
    fn scan(&mut self, log: &Log, needle: &str) -> Option<String> {
        let found = log.lines[self.cursor..]
            .iter()
            .position(|l| l.contains(needle))?;
        let index = self.cursor + found;
        self.cursor = index + 1;
        Some(log.lines[index].clone())
    }

    fn timed_out(&self, needle: &str, timeout: Duration, closed: bool) -> ! {
        let why = if closed {
            "the daemon exited first"
        } else {
            "timed out"
        };
        panic!(
            "no log line containing {needle:?} within {timeout:?} ({why}); log:\n{}",
            self.log()
        );
    }

    /// Blocks until a line after the last match contains `needle`, and returns it. Panics after
    /// `timeout` or when the daemon exits first. Use [`Daemon::wait_for_log_async`] in a tokio
    /// test.
    pub fn wait_for_log(&mut self, needle: &str, timeout: Duration) -> String {
        let deadline = Instant::now() + timeout;
        let shared = Arc::clone(&self.shared);
        let mut log = shared.lock();
        loop {
            if let Some(line) = self.scan(&log, needle) {
                return line;
            }
            let now = Instant::now();
            if log.closed || now >= deadline {
                let closed = log.closed;
                drop(log);
                self.timed_out(needle, timeout, closed);
            }
            log = shared
                .cond
                .wait_timeout(log, deadline - now)
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .0;
        }
    }

    /// [`Daemon::wait_for_log`] for async tests: waits without blocking the runtime.
    pub async fn wait_for_log_async(&mut self, needle: &str, timeout: Duration) -> String {
        let deadline = tokio::time::Instant::now() + timeout;
        let shared = Arc::clone(&self.shared);
        loop {
            let notified = shared.notify.notified();
            tokio::pin!(notified);
            // Registered before looking, so a line pushed in between still wakes us.
            notified.as_mut().enable();
            let closed = {
                let log = shared.lock();
                if let Some(line) = self.scan(&log, needle) {
                    return line;
                }
                log.closed
            };
            if closed || tokio::time::timeout_at(deadline, notified).await.is_err() {
                self.timed_out(needle, timeout, closed);
            }
        }
    }

    /// Waits for the daemon to exit (its stderr closes), bounded by `timeout`.
    pub fn wait_exit(&mut self, timeout: Duration) -> ExitStatus {
        let deadline = Instant::now() + timeout;
        let shared = Arc::clone(&self.shared);
        let mut log = shared.lock();
        while !log.closed {
            let now = Instant::now();
            if now >= deadline {
                drop(log);
                panic!(
                    "stretchd did not exit within {timeout:?}; log:\n{}",
                    self.log()
                );
            }
            log = shared
                .cond
                .wait_timeout(log, deadline - now)
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .0;
        }
        drop(log);
        // Stderr is closed, so the process has exited or is about to: this wait is short.
        self.child.wait().unwrap()
    }
}

impl Drop for Daemon {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Creates `dir` and any missing parents with mode 0700, as the daemon makes the socket's.
pub fn private_dir(dir: &Path) {
    use std::os::unix::fs::DirBuilderExt as _;
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
        .unwrap();
}

/// A fake daemon: a plain listener at `home`'s control socket (its directories made 0700) that
/// hands every connection to `serve` on a thread of its own. The threads end with the test
/// process; `serve` should return once the client hangs up.
pub fn fake_server(
    home: &Path,
    serve: impl Fn(std::os::unix::net::UnixStream) + Send + Sync + 'static,
) -> PathBuf {
    let socket = socket_path(home);
    private_dir(socket.parent().unwrap());
    let listener = std::os::unix::net::UnixListener::bind(&socket).unwrap();
    let serve = Arc::new(serve);
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(stream) = stream else { continue };
            let serve = Arc::clone(&serve);
            std::thread::spawn(move || serve(stream));
        }
    });
    socket
}

/// A [`fake_server`] behaviour: read whatever the client sends and never answer, until it hangs
/// up.
pub fn never_answer(mut stream: std::os::unix::net::UnixStream) {
    let _ = std::io::copy(&mut stream, &mut std::io::sink());
}

/// A turn to run a desktop shell ([`gnome::Shell`], [`plasma::Plasma`]), held for the shell's
/// life, so that the tests of one process run their shells one at a time: each takes most of a
/// core while it starts, and several at once on a small CI machine make every bounded wait a
/// gamble. Given up on drop.
pub struct DesktopTurn(());

/// Whether a [`DesktopTurn`] is out, and its waiters.
static DESKTOP: (Mutex<bool>, Condvar) = (Mutex::new(false), Condvar::new());

impl DesktopTurn {
    /// Waits (for as long as the shell before takes) for the turn.
    pub fn take() -> DesktopTurn {
        let (busy, cond) = &DESKTOP;
        let mut busy = busy
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        while *busy {
            busy = cond
                .wait(busy)
                .unwrap_or_else(std::sync::PoisonError::into_inner);
        }
        *busy = true;
        DesktopTurn(())
    }
}

impl Drop for DesktopTurn {
    fn drop(&mut self) {
        let (busy, cond) = &DESKTOP;
        *busy
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = false;
        cond.notify_one();
    }
}

/// Waits, bounded by `timeout` from `started`, until `shell` (the process `what`, logging to
/// `log`) owns `org.freedesktop.Notifications` on `bus`; panics with its log if it exits first.
/// Says on stderr how long it took.
pub fn wait_serving(
    bus: &Bus,
    shell: &mut Group,
    what: &str,
    log: &Path,
    started: Instant,
    timeout: Duration,
) {
    let log_text = || std::fs::read_to_string(log).unwrap_or_default();
    while !bus.has_owner(notifications::NOTIFICATIONS) {
        assert!(
            shell.is_running(),
            "{what} exited at start; its log:\n{}",
            log_text()
        );
        assert!(
            started.elapsed() < timeout,
            "{what} serves no notifications after {timeout:?}; its log:\n{}",
            log_text()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    eprintln!("{what} serves notifications after {:?}", started.elapsed());
}

/// A child process stopped on drop: SIGTERM first (so that Xvfb removes its lock file and
/// socket), then SIGKILL if it is still there after a second.
pub struct Guard(pub Child);

impl Guard {
    /// Stops the process now (what dropping it does); nothing if it has exited already.
    pub fn stop(&mut self) {
        if !matches!(self.0.try_wait(), Ok(None)) {
            return;
        }
        let _ = Command::new("kill")
            .arg("-TERM")
            .arg(self.0.id().to_string())
            .stderr(Stdio::null())
            .status();
        let deadline = Instant::now() + Duration::from_secs(1);
        while matches!(self.0.try_wait(), Ok(None)) && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(10));
        }
        let _ = self.0.kill();
        let _ = self.0.wait();
    }

    /// Whether the process is still running.
    pub fn is_running(&mut self) -> bool {
        self.0.try_wait().unwrap().is_none()
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        self.stop();
    }
}

/// Sends `signal` (`TERM`, `KILL`) with kill(1) to the process group led by `leader`.
fn signal_group(leader: u32, signal: &str) {
    let _ = Command::new("kill")
        .arg(format!("-{signal}"))
        .arg("--")
        .arg(format!("-{leader}"))
        .stderr(Stdio::null())
        .status();
}

/// A child started as the leader of a process group of its own, stopped on drop with all it
/// forked (a desktop shell's helpers; a child it forked and that hung before `exec` would
/// otherwise outlive the test): SIGTERM to the group, SIGKILL to what is left a second later.
pub struct Group(Guard);

impl Group {
    /// Starts `cmd` in a new process group.
    pub fn spawn(cmd: &mut Command) -> std::io::Result<Group> {
        cmd.process_group(0)
            .spawn()
            .map(|child| Group(Guard(child)))
    }

    /// Whether the leader is still running.
    pub fn is_running(&mut self) -> bool {
        self.0.is_running()
    }

    /// The leader's process id.
    pub fn pid(&self) -> u32 {
        self.0.0.id()
    }
}

impl Drop for Group {
    fn drop(&mut self) {
        let leader = self.0.0.id();
        signal_group(leader, "TERM");
        // The leader's exit, bounded; then nothing of the group is left.
        self.0.stop();
        signal_group(leader, "KILL");
    }
}

/// The program `tool` on `PATH`.
pub fn on_path(tool: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(tool))
        .find(|p| p.is_file())
}

/// Whether every one of `tools` is on `PATH`. If not, test `test` is skipped with a loud note
/// saying what to `install` (this returns false), or fails under `STRETCHD_REQUIRE_DUNST` (set
/// by `.ci/run`, which installs them all).
pub fn tools_present(test: &str, tools: &[&str], install: &str) -> bool {
    required_present("STRETCHD_REQUIRE_DUNST", test, tools, install)
}

/// [`tools_present`] with the variable `require` in place of `STRETCHD_REQUIRE_DUNST`; a tool
/// given as an absolute path (a file no `PATH` lookup finds) must exist there.
pub fn required_present(require: &str, test: &str, tools: &[&str], install: &str) -> bool {
    let missing: Vec<&str> = tools
        .iter()
        .copied()
        .filter(|t| {
            if t.starts_with('/') {
                !Path::new(t).exists()
            } else {
                on_path(t).is_none()
            }
        })
        .collect();
    if missing.is_empty() {
        return true;
    }
    assert!(
        std::env::var_os(require).is_none(),
        "{require} is set but {missing:?} is missing: {install}"
    );
    eprintln!("SKIPPED {test}: {missing:?} not found; {install}");
    false
}
