//! Opening what a reminder leads to, detached from the daemon: `stretchd guide` in a new
//! terminal window (a stretch clicked with `[notify] on_click = "guide"`; a session on its Done,
//! such a click, or the tray menu); `stretchd card` for a stretch clicked with `on_click =
//! "card"`, which writes the stretch's card and opens it with `xdg-open` (the page is built
//! there, not in the daemon); and a file with the desktop's handler (the tray's "Open the
//! config").

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
    let item = match guided {
        Guided::Stretch(id) => id,
        Guided::Session => crate::catalog::SESSION_ITEM,
    };
    let terminal = terminal_words.join(" ");
    let exe = super::process::command_line();
    let command = terminal_command(terminal_words, &exe, guided, config);
    let what = format!("the guide's terminal (`{terminal}`)");
    match detached(command, what) {
        Ok(pid) => {
            info!(item = %item, terminal = %terminal, pid, "opened the guide");
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

/// Starts `<this binary> card <stretch>` (with `--config PATH` when the daemon runs with one)
/// detached: it writes the stretch's card and opens it with `xdg-open`. A failure to start is
/// logged; returns whether it started.
pub(super) fn open_card(stretch: &str, config: Option<&Path>) -> bool {
    let exe = super::process::command_line();
    let mut command = std::process::Command::new(&exe);
    command.arg("card");
    if let Some(config) = config {
        command.arg("--config").arg(config);
    }
    // `--`: whatever the id, it is never read as an option.
    command.arg("--").arg(stretch);
    match detached(command, format!("`{} card {stretch}`", exe.display())) {
        Ok(pid) => {
            info!(item = %stretch, pid, "opened the card");
            true
        }
        Err(e) => {
            warn!(
                "cannot open the card of {stretch}: {} card does not start ({e})",
                exe.display()
            );
            false
        }
    }
}

/// Opens `path` with the desktop's default handler (`xdg-open`), detached; a failure is logged.
pub(super) fn open_file(path: &Path) {
    let mut command = std::process::Command::new("xdg-open");
    command.arg(path);
    match detached(command, format!("xdg-open {}", path.display())) {
        Ok(pid) => info!(pid, "opened {}", path.display()),
        Err(e) => warn!(
            "cannot open {}: xdg-open does not start ({e}); install xdg-utils, or open the file yourself",
            path.display()
        ),
    }
}

/// Starts `command` detached (its own process group, no standard streams) and leaves it
/// running; a thread reaps it and logs a failure of `what`. Returns its pid.
fn detached(mut command: std::process::Command, what: String) -> std::io::Result<u32> {
    use std::os::unix::process::CommandExt as _;
    command
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .process_group(0);
    let mut child = command.spawn()?;
    let pid = child.id();
    std::thread::spawn(move || match child.wait() {
        Ok(status) if !status.success() => warn!("{what} exited with {status}"),
        Ok(_) => {}
        Err(e) => warn!("waiting for {what}: {e}"),
    });
    Ok(pid)
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
    command.arg("guide");
    if let Some(config) = config {
        command.arg("--config").arg(config);
    }
    match guided {
        // `--`: whatever the id, it is never read as an option.
        Guided::Stretch(id) => command.arg("--").arg(id),
        Guided::Session => command.arg("--session"),
    };
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
                "--config",
                "/tmp/c.toml",
                "--",
                "seated-twist"
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
