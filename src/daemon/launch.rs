//! Opening `stretchd guide` in a new terminal window: for a stretch, when its reminder is
//! clicked with `[notify] on_click = "guide"`; for a session, on its Done (or such a click).

use std::path::Path;

use tracing::{info, warn};

/// What the guide walks through: one stretch, or a whole session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Guided<'a> {
    /// `stretchd guide <id>`.
    Stretch(&'a str),
    /// `stretchd guide --session`.
    Session,
}

/// Starts `<terminal> <this binary> guide <stretch>` (or `guide --session`) detached (its own
/// process group, no standard streams) and leaves it running; a thread reaps it and logs a
/// failure. The error (also logged) says why the terminal did not start, and the fix.
pub(super) fn open_guide(
    terminal_words: &[String],
    guided: Guided<'_>,
    config: Option<&Path>,
) -> Result<(), String> {
    use std::os::unix::process::CommandExt as _;
    let item = match guided {
        Guided::Stretch(id) => id,
        Guided::Session => crate::catalog::SESSION_ITEM,
    };
    let terminal = terminal_words.join(" ");
    let exe = super::process::command_line();
    let mut command = terminal_command(terminal_words, &exe, guided, config);
    command
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .process_group(0);
    match command.spawn() {
        Ok(mut child) => {
            info!(item = %item, terminal = %terminal, pid = child.id(), "opened the guide");
            std::thread::spawn(move || match child.wait() {
                Ok(status) if !status.success() => {
                    warn!("the guide's terminal (`{terminal}`) exited with {status}");
                }
                Ok(_) => {}
                Err(e) => warn!("waiting for the guide's terminal (`{terminal}`): {e}"),
            });
            Ok(())
        }
        Err(e) => {
            let why = format!(
                "cannot open the guide: [notify] terminal = \"{terminal}\" does not start ({e}); set it to a terminal that is installed, e.g. \"foot\" or \"xterm -e\""
            );
            warn!("{why}");
            Err(why)
        }
    }
}

/// The command that opens the guide in a new terminal window: the `[notify] terminal` words,
/// then `exe guide ITEM` or `exe guide --session` (and `--config PATH` when the daemon runs
/// with one).
pub fn terminal_command(
    terminal: &[String],
    exe: &Path,
    guided: Guided<'_>,
    config: Option<&Path>,
) -> std::process::Command {
    let mut words = terminal.iter();
    let mut command = match words.next() {
        Some(program) => {
            let mut command = std::process::Command::new(program);
            command.args(words).arg(exe);
            command
        }
        None => std::process::Command::new(exe),
    };
    command.arg("guide").arg(match guided {
        Guided::Stretch(id) => id,
        Guided::Session => "--session",
    });
    if let Some(config) = config {
        command.arg("--config").arg(config);
    }
    command
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_terminal_command_appends_the_guide() {
        let terminal = vec![
            "kitty".to_owned(),
            "--title".to_owned(),
            "stretch".to_owned(),
        ];
        let command = terminal_command(
            &terminal,
            Path::new("/usr/bin/stretchd"),
            Guided::Stretch("seated-twist"),
            Some(Path::new("/tmp/c.toml")),
        );
        assert_eq!(command.get_program(), "kitty");
        let args: Vec<_> = command.get_args().collect();
        assert_eq!(
            args,
            [
                "--title",
                "stretch",
                "/usr/bin/stretchd",
                "guide",
                "seated-twist",
                "--config",
                "/tmp/c.toml"
            ]
        );
        let session = terminal_command(&terminal, Path::new("stretchd"), Guided::Session, None);
        let args: Vec<_> = session.get_args().collect();
        assert_eq!(
            args,
            ["--title", "stretch", "stretchd", "guide", "--session"]
        );
    }
}
