//! The daemon as a process: the runtime it runs on, and the `stretchd-daemon` binary's command
//! line.
//!
//! `stretchd run` replaces itself with `stretchd-daemon` when that binary sits beside it (or in
//! `../libexec/stretchd/`), so the process that stays running for the whole session maps only
//! the daemon's code, not the command line's (clap, the man page, completions, the guide,
//! install): about 0.5 MB less binary and 0.35 MB less resident memory (BENCHMARKS.md). Without
//! it, `stretchd run` runs the same [`main`] in its own process.

use std::ffi::OsString;
use std::path::PathBuf;
use std::time::Duration;

use anyhow::Context as _;

/// The daemon binary's file name.
pub const BINARY: &str = "stretchd-daemon";

/// The environment variable through which `stretchd run` tells `stretchd-daemon` its version,
/// so that a stale daemon binary left beside a newer `stretchd` refuses to run.
pub const VERSION_VAR: &str = "STRETCHD_CLI_VERSION";

/// The environment variable through which `stretchd run` tells `stretchd-daemon` where the
/// command line is, for the guide a click opens in a terminal.
pub const CLI_VAR: &str = "STRETCHD_CLI";

/// How long a `next` preview still running on a blocking thread may hold up the exit.
const SHUTDOWN_GRACE: Duration = Duration::from_millis(100);

/// Runs the daemon on a runtime of its own until it stops.
pub fn main(config: Option<PathBuf>) -> anyhow::Result<()> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;
    let result = runtime.block_on(crate::daemon::serve(config));
    runtime.shutdown_timeout(SHUTDOWN_GRACE);
    result
}

/// Reads `stretchd-daemon`'s command line: `[--config PATH]`, as `stretchd run` passes it.
pub fn parse_args(args: impl IntoIterator<Item = OsString>) -> anyhow::Result<Option<PathBuf>> {
    let mut args = args.into_iter();
    let mut config = None;
    while let Some(arg) = args.next() {
        if arg == "--config" {
            let path = args.next().context(
                "--config needs a path (start the daemon with `stretchd run --config PATH`)",
            )?;
            if path.is_empty() {
                anyhow::bail!(
                    "--config needs a path, not an empty string (start the daemon with `stretchd run --config PATH`)"
                );
            }
            if config.replace(PathBuf::from(path)).is_some() {
                anyhow::bail!(
                    "--config is given twice; give it once (start the daemon with `stretchd run --config PATH`)"
                );
            }
        } else {
            anyhow::bail!(
                "unknown argument {:?}: {BINARY} is started by `stretchd run [--config PATH]`; see `stretchd run --help`",
                arg.to_string_lossy()
            );
        }
    }
    if let Ok(cli) = std::env::var(VERSION_VAR)
        && cli != env!("CARGO_PKG_VERSION")
    {
        anyhow::bail!(
            "{BINARY} is version {} but stretchd is {cli}: install both from the same build",
            env!("CARGO_PKG_VERSION")
        );
    }
    Ok(config)
}

/// The `stretchd` command line, to run `stretchd guide` from the daemon: the one that started
/// this daemon ([`CLI_VAR`]), this very binary when it is `stretchd` (the daemon in process), or
/// else `stretchd` from `PATH`.
pub fn command_line() -> PathBuf {
    if let Some(cli) = std::env::var_os(CLI_VAR).filter(|v| !v.is_empty()) {
        let cli = PathBuf::from(cli);
        if is_executable(&cli) {
            return cli;
        }
        tracing::warn!(
            "{CLI_VAR}={} is not an executable file (was stretchd moved or replaced?); the guide runs `stretchd` from PATH instead (restart the daemon with `stretchd run` to fix it)",
            cli.display()
        );
        return PathBuf::from("stretchd");
    }
    std::env::current_exe()
        .ok()
        .filter(|exe| exe.file_name().is_some_and(|name| name != BINARY))
        .unwrap_or_else(|| PathBuf::from("stretchd"))
}

/// Whether `path` is a regular file (after symlinks) that someone may execute.
fn is_executable(path: &std::path::Path) -> bool {
    use std::os::unix::fs::PermissionsExt as _;
    std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> anyhow::Result<Option<PathBuf>> {
        parse_args(args.iter().map(OsString::from))
    }

    #[test]
    fn a_cli_that_is_not_executable_is_not_used_for_the_guide() {
        let dir = tempfile::tempdir().unwrap();
        let plain = dir.path().join("stretchd");
        std::fs::write(&plain, "").unwrap();
        let missing = dir.path().join("gone");
        assert!(!is_executable(&plain));
        assert!(!is_executable(&missing));
        assert!(!is_executable(dir.path()));
        assert!(is_executable(&std::env::current_exe().unwrap()));
    }

    #[test]
    fn takes_no_argument_or_one_config_path() {
        assert_eq!(parse(&[]).unwrap(), None);
        assert_eq!(
            parse(&["--config", "/tmp/a b.toml"]).unwrap(),
            Some(PathBuf::from("/tmp/a b.toml"))
        );
    }

    #[test]
    fn refuses_anything_else_and_says_how_to_start_it() {
        let e = parse(&["--config"]).unwrap_err().to_string();
        assert!(e.contains("stretchd run --config PATH"), "{e}");
        let e = parse(&["--config", "/a", "--config", "/b"])
            .unwrap_err()
            .to_string();
        assert!(e.contains("--config is given twice"), "{e}");
        let e = parse(&["--config", ""]).unwrap_err().to_string();
        assert!(e.contains("not an empty string"), "{e}");
        let e = parse(&["run"]).unwrap_err().to_string();
        assert!(
            e.contains("unknown argument \"run\"") && e.contains("stretchd run"),
            "{e}"
        );
    }
}
