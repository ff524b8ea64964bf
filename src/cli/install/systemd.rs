//! The systemd user manager, through `systemctl` found on `PATH` and run as a child process
//! with a time limit.

use std::fs;
use std::io;
use std::os::unix::fs::PermissionsExt as _;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context as _, bail};

use super::report::{Action, Report};

/// How long the probe for a systemd user manager may take.
const PROBE_TIMEOUT: Duration = Duration::from_secs(5);
/// How long one `systemctl` change may take (`enable --now` waits for the daemon's READY=1).
const SYSTEMCTL_TIMEOUT: Duration = Duration::from_secs(120);

/// Whether a systemd user manager answers.
pub(super) enum Manager {
    /// It does; this is the `systemctl` to ask.
    Reachable(PathBuf),
    /// It does not, for this reason.
    Unreachable(String),
}

/// Asks `systemctl --user show-environment` (bounded by [`PROBE_TIMEOUT`]) whether a user
/// manager answers. Without `systemctl` on `PATH` it does not.
pub(super) fn probe_manager() -> Manager {
    let Some(systemctl) = find_on_path("systemctl") else {
        return Manager::Unreachable("`systemctl` is not on PATH".to_owned());
    };
    let mut command = Command::new(&systemctl);
    command.args(["--user", "show-environment"]);
    match run_bounded(command, PROBE_TIMEOUT) {
        Ok(out) if out.status.success() => Manager::Reachable(systemctl),
        Ok(out) => {
            let stderr = String::from_utf8_lossy(&out.stderr);
            let first = stderr.lines().next().unwrap_or("").trim();
            let why = if first.is_empty() {
                out.status.to_string()
            } else {
                first.to_owned()
            };
            Manager::Unreachable(format!("`systemctl --user show-environment`: {why}"))
        }
        Err(e) => Manager::Unreachable(format!("`systemctl --user show-environment`: {e}")),
    }
}

/// Runs `systemctl --user ARGS...` (not in a dry run) and reports it; fails with its stderr.
pub(super) fn systemctl_run(
    report: &mut Report<'_>,
    systemctl: &Path,
    args: &[&str],
) -> anyhow::Result<()> {
    let line = format!("systemctl --user {}", args.join(" "));
    if !report.dry_run() {
        let mut command = Command::new(systemctl);
        command.arg("--user").args(args);
        let out = run_bounded(command, SYSTEMCTL_TIMEOUT)
            .with_context(|| format!("`{line}` could not run"))?;
        if !out.status.success() {
            bail!(
                "`{line}` failed ({}): {}; see `systemctl --user status stretchd` and \
                 `journalctl --user -u stretchd`",
                out.status,
                String::from_utf8_lossy(&out.stderr).trim()
            );
        }
    }
    report.push(Action::Ran, line, None);
    Ok(())
}

/// The first executable file called `name` in a directory of `PATH`.
fn find_on_path(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .filter(|dir| dir.is_absolute())
        .map(|dir| dir.join(name))
        .find(|file| {
            fs::metadata(file).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
        })
}

/// Runs `command` with its output captured; kills it after `timeout`.
fn run_bounded(mut command: Command, timeout: Duration) -> io::Result<Output> {
    fn drain(pipe: Option<impl io::Read + Send + 'static>) -> std::thread::JoinHandle<Vec<u8>> {
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            if let Some(mut pipe) = pipe {
                let _ = pipe.read_to_end(&mut buf);
            }
            buf
        })
    }
    let mut child: Child = command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()?;
    let stdout = drain(child.stdout.take());
    let stderr = drain(child.stderr.take());
    let deadline = Instant::now() + timeout;
    let status = loop {
        if let Some(status) = child.try_wait()? {
            break status;
        }
        if Instant::now() >= deadline {
            let _ = child.kill();
            let _ = child.wait();
            return Err(io::Error::new(
                io::ErrorKind::TimedOut,
                format!("no answer within {} s", timeout.as_secs()),
            ));
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    Ok(Output {
        status,
        stdout: stdout.join().unwrap_or_default(),
        stderr: stderr.join().unwrap_or_default(),
    })
}
