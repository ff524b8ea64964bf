//! `[hooks]`: the user's commands run around breaks (pause the music, set a chat status).
//!
//! Each run is the program and its arguments, without a shell, in a process group of its own,
//! with standard input, output and error on `/dev/null`, and told about the reminder in its
//! environment ([`About`]). It is killed, with its process group, after `[hooks] timeout`. The
//! loop starts it and polls its end beside its other work, as it does notification calls, so a
//! hook never holds the loop up; tokio waits on the child's pidfd, so nothing wakes the daemon
//! while no hook runs. A hook that fails (does not start, exits non-zero, runs too long) is
//! warned about once, until a run of it works again, which is logged too.

use std::future::Future;
use std::process::{ExitStatus, Stdio};
use std::time::Duration;

use tracing::{debug, info, warn};

use crate::config::{Hook, HooksConfig, Kind, human};
use crate::store::history::Outcome;

/// The most hook runs under way at once; a run past it is not started (and counts as a
/// failure), so a hook that hangs cannot pile up processes.
const MAX_RUNNING: usize = 8;

/// What a hook is told about the reminder, as `STRETCHD_*` variables in its environment.
pub(super) struct About<'a> {
    /// `STRETCHD_REMINDER`: the reminder's id (`"guide"` for a session run by hand).
    pub(super) reminder: &'a str,
    /// `STRETCHD_KIND`: `posture`, `stretch` or `session`.
    pub(super) kind: Kind,
    /// `STRETCHD_ITEM`: the stretch or posture check id (`session` for a session).
    pub(super) item: &'a str,
    /// `STRETCHD_TITLE`: the notification's title.
    pub(super) title: &'a str,
    /// `STRETCHD_ANSWER`: the answer as the history spells it (`done`, `snoozed`, ...); unset
    /// when there is none yet.
    pub(super) answer: Option<Outcome>,
}

/// Why a run of a hook failed; each says what to do.
#[derive(Debug, thiserror::Error)]
enum Failure {
    #[error(
        "did not start ({0}); is the program installed and on the daemon's PATH? (a full path works too)"
    )]
    Start(std::io::Error),
    #[error("did not start: its program is a folder, not a program; name the program in it")]
    Folder,
    #[error("exited with {0}; run the command yourself to see why")]
    Exit(ExitStatus),
    #[error(
        "still ran after [hooks] timeout = \"{}\" and was killed; make it finish sooner (start a long job in the background) or raise the timeout",
        human(*.0)
    )]
    Timeout(Duration),
    #[error("could not be waited for ({0})")]
    Wait(std::io::Error),
    #[error("was not run: {MAX_RUNNING} hook runs are still under way")]
    Busy,
}

/// How a run of a hook ended, for [`Hooks::ended`].
pub(super) struct Ran {
    hook: Hook,
    /// The command, for the log.
    line: String,
    /// Whether it counted as under way (it started).
    started: bool,
    result: Result<(), Failure>,
}

/// The hooks' runs: how many are under way, and which hooks are failing.
#[derive(Debug, Default)]
pub(super) struct Hooks {
    running: usize,
    /// The command of each hook that failed last time it ran, indexed like [`Hook::ALL`]: a
    /// command changed by a reload is reported afresh.
    failing: [Option<String>; 4],
}

impl Hooks {
    /// Starts the command of `hook`, if it has one, told `about`. The future waits for it (at
    /// most `[hooks] timeout`, then kills it) and says how it ended; hand that to
    /// [`Hooks::ended`].
    pub(super) fn start(
        &mut self,
        config: &HooksConfig,
        hook: Hook,
        about: &About<'_>,
    ) -> Option<impl Future<Output = Ran> + 'static> {
        let words = config.command(hook)?;
        let line = crate::text::printable(&words.join(" ")).into_owned();
        let timeout = config.timeout;
        let child = if self.running >= MAX_RUNNING {
            Err(Failure::Busy)
        } else {
            spawn(words, hook, about).map_err(|e| {
                // A path to a folder is refused with "permission denied": say what it is.
                let program = words.first().map(String::as_str).unwrap_or_default();
                if program.contains('/') && std::path::Path::new(program).is_dir() {
                    Failure::Folder
                } else {
                    Failure::Start(e)
                }
            })
        };
        let started = child.is_ok();
        if let Ok(child) = &child {
            self.running += 1;
            debug!(hook = hook.key(), pid = child.id(), "hook started: {line}");
        }
        Some(async move {
            let result = match child {
                Ok(child) => wait(child, timeout).await,
                Err(e) => Err(e),
            };
            Ran {
                hook,
                line,
                started,
                result,
            }
        })
    }

    /// Logs how a run ended: a failure once, until the hook works again.
    pub(super) fn ended(&mut self, ran: Ran) {
        if ran.started {
            self.running = self.running.saturating_sub(1);
        }
        let key = ran.hook.key();
        let line = &ran.line;
        let failing = &mut self.failing[ran.hook as usize];
        let reported = failing.as_deref() == Some(line.as_str());
        match ran.result {
            Ok(()) if failing.is_some() => {
                info!("hooks: {key} = \"{line}\" works again");
                *failing = None;
            }
            Ok(()) => debug!("hooks: {key} = \"{line}\" finished"),
            Err(e) if reported => debug!("hooks: {key} = \"{line}\" still fails: {e}"),
            Err(e) => {
                warn!(
                    "hooks: {key} = \"{line}\" {e} (reported once, until it works again; the reminders go on)"
                );
                *failing = Some(line.clone());
            }
        }
    }
}

/// Starts `words` (a program and its arguments) for `hook`, told `about`.
fn spawn(
    words: &[String],
    hook: Hook,
    about: &About<'_>,
) -> std::io::Result<tokio::process::Child> {
    let Some((program, args)) = words.split_first() else {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "no program",
        ));
    };
    let mut command = tokio::process::Command::new(program);
    command
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .process_group(0)
        .env("STRETCHD_HOOK", hook.key())
        .env("STRETCHD_REMINDER", about.reminder)
        .env("STRETCHD_KIND", about.kind.as_str())
        .env("STRETCHD_ITEM", about.item)
        .env("STRETCHD_TITLE", about.title);
    match about.answer {
        Some(answer) => command.env("STRETCHD_ANSWER", answer.as_str()),
        None => command.env_remove("STRETCHD_ANSWER"),
    };
    command.spawn()
}

/// Waits for `child` at most `timeout`; then kills its process group and reaps it.
async fn wait(mut child: tokio::process::Child, timeout: Duration) -> Result<(), Failure> {
    // Its own group (process_group(0)): the script and what it started. Killed at the timeout,
    // and when the daemon stops with the run under way (the guard is dropped unfinished).
    let mut group = Group(
        child
            .id()
            .and_then(|id| i32::try_from(id).ok())
            .and_then(rustix::process::Pid::from_raw),
    );
    let result = match tokio::time::timeout(timeout, child.wait()).await {
        Ok(Ok(status)) if status.success() => Ok(()),
        Ok(Ok(status)) => Err(Failure::Exit(status)),
        Ok(Err(e)) => Err(Failure::Wait(e)),
        Err(_) => {
            group.kill();
            // Kills the child if the group could not be, and reaps it either way.
            let _ = child.kill().await;
            Err(Failure::Timeout(timeout))
        }
    };
    // Ended: its pid may be reused, so the group is not signalled again.
    group.0 = None;
    result
}

/// A run's process group, killed when dropped unless the run ended.
struct Group(Option<rustix::process::Pid>);

impl Group {
    fn kill(&mut self) {
        if let Some(group) = self.0.take() {
            let _ = rustix::process::kill_process_group(group, rustix::process::Signal::KILL);
        }
    }
}

impl Drop for Group {
    fn drop(&mut self) {
        self.kill();
    }
}
